"""The workbook's layout, shared by the reading and the writing: its sheets, its columns and the
words its cells use. The headers are the file format itself, so they are fixed Chinese, not
translated text."""

import re
import unicodedata
from dataclasses import dataclass

from outreach.models import Person

DATA_SHEET = "优抚对象"
INSTRUCTIONS_SHEET = "说明"
LISTS_SHEET = "选项"
ERROR_HEADER = "错误"
SEPARATOR = "、"
YES, NO = "是", "否"
GRADE_LABELS = {n: f"{numeral}级" for n, numeral in enumerate("一二三四五六七八九十", start=1)}


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int
    required: bool = False
    text: bool = False  # typed as text so Excel keeps leading zeros and all 18 digits


COLUMNS = (
    Column("number", "户编号", 10, required=True, text=True),
    Column("head_name", "户主姓名", 10, required=True),
    Column("village", "村(社区)", 12, required=True),
    Column("address", "详细地址", 24),
    Column("household_phone", "家庭电话", 14, text=True),
    Column("plaque_hung_on", "光荣牌悬挂日期", 16),
    Column("notes", "户备注", 20),
    Column("name", "姓名", 10, required=True),
    Column("id_number", "身份证号", 21, required=True, text=True),
    Column("relation", "与军人关系", 12, required=True),
    Column("categories", "对象类别", 26),
    Column("priority_marks", "重点优抚", 22),
    Column("disability_grade", "残疾等级", 10),
    Column("disability_nature", "残疾性质", 10),
    Column("phone", "个人电话", 14, text=True),
    Column("deceased", "是否已故", 10),
)
BY_KEY = {column.key: column for column in COLUMNS}


@dataclass(frozen=True)
class Layout:
    """What outreach.imports.reading needs to know of a workbook: its columns, the sheet the
    data is on, the template's other sheets (never the data), the column the file marked with
    errors adds, and a column that only a data row fills (a line signed under the data leaves
    it empty). Other imports (the accounts of 系统管理) read their sheets with their own."""

    columns: tuple[Column, ...]
    data_sheet: str
    other_sheets: tuple[str, ...] = ()
    error_header: str = ERROR_HEADER
    anchor: str = ""


HOUSEHOLDS = Layout(
    columns=COLUMNS,
    data_sheet=DATA_SHEET,
    other_sheets=(INSTRUCTIONS_SHEET, LISTS_SHEET),
    anchor="id_number",
)


def header_key(text) -> str:
    # Tolerate full-width brackets, stray spaces and a "*" marking a required column.
    text = unicodedata.normalize("NFKC", str(text or ""))
    return re.sub(r"\s+", "", text).rstrip("*")


def relation_labels() -> list[str]:
    return [str(label) for label in Person.Relation.labels]


def nature_labels() -> list[str]:
    return [str(label) for label in Person.DisabilityNature.labels]
