"""Reading the beneficiary workbook a township clerk uploads: the columns of the template, the
checks that refuse a file outright (not an .xlsx, encrypted, damaged, too large, columns
missing), and the reading of single cells. Then outreach.imports.rows reads each row,
outreach.imports.plan checks the rows against the registry and outreach.imports.services writes
them."""

import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice

import openpyxl
from django.utils.translation import gettext as _

from outreach.models import Person

logger = logging.getLogger(__name__)

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
MAX_SCANNED_ROWS = 100_000  # data rows plus empty but formatted ones
HEADER_SEARCH_ROWS = 10  # clerks' own sheets often carry a title above the headers
CFB_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # encrypted .xlsx and old .xls alike
ZIP_MAGIC = b"PK\x03\x04"

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


# The headers are the file format itself, so they are fixed Chinese, not translated text.
COLUMNS = (
    Column("number", "户编号", 10, required=True, text=True),
    Column("head_name", "户主姓名", 10, required=True),
    Column("village", "村(社区)", 12, required=True),
    Column("address", "详细地址", 24),
    Column("household_phone", "家庭电话", 14, text=True),
    Column("plaque_on", "光荣牌悬挂日期", 16),
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


class ImportRefused(Exception):
    """The file as a whole cannot be imported; message says why, in words for the clerk."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def header_key(text) -> str:
    # Tolerate full-width brackets, stray spaces and a "*" marking a required column.
    text = unicodedata.normalize("NFKC", str(text or ""))
    return re.sub(r"\s+", "", text).rstrip("*")


# ---------------------------------------------------------------------------------------------
# Reading the file


@dataclass
class SheetRow:
    number: int  # the row number Excel shows
    values: dict  # column key -> the cell value as read


@dataclass
class Sheet:
    rows: list[SheetRow]
    header_row: int


def read_workbook(file) -> Sheet:
    size = _size(file)
    if size > MAX_BYTES:
        raise ImportRefused(
            _(
                "The file is %(size)s MB; files over %(max)s MB are refused. Split it into "
                "smaller files."
            )
            % {"size": f"{size / 1024 / 1024:.1f}", "max": MAX_BYTES // 1024 // 1024}
        )
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(CFB_MAGIC):
        raise ImportRefused(
            _(
                "This file is encrypted, or in the old Excel 97-2003 (.xls) format. Remove the "
                "password, or save it as an Excel workbook (.xlsx), and upload it again."
            )
        )
    if not head.startswith(ZIP_MAGIC):
        raise ImportRefused(
            _(
                "This file is not an Excel workbook (.xlsx), whatever its name says. Download "
                "the template, fill it in and upload that."
            )
        )
    damaged = _(
        "The file is damaged or not a real Excel workbook (.xlsx), and cannot be read. Open it "
        "in Excel, save it again as an Excel workbook (.xlsx) and upload that."
    )
    try:
        # data_only: a formula is read as the value Excel last saved for it, never evaluated.
        workbook = openpyxl.load_workbook(file, read_only=True, data_only=True)
    except Exception:
        logger.info("unreadable import file", exc_info=True)
        raise ImportRefused(damaged) from None
    try:
        return _read_sheet(_data_sheet(workbook))
    except ImportRefused:
        raise
    except Exception:
        logger.info("damaged import file", exc_info=True)
        raise ImportRefused(damaged) from None
    finally:
        workbook.close()


def _size(file) -> int:
    file.seek(0, 2)
    size = file.tell()
    file.seek(0)
    return size


def _data_sheet(workbook):
    if DATA_SHEET in workbook.sheetnames:
        return workbook[DATA_SHEET]
    for sheet in workbook.worksheets:
        if sheet.title not in (INSTRUCTIONS_SHEET, LISTS_SHEET):
            return sheet
    raise ImportRefused(_("The workbook has no sheet with data."))


def _read_sheet(sheet) -> Sheet:
    # Some programs write a wrong used range; without this, read-only mode would cut rows short.
    sheet.reset_dimensions()
    rows = iter(sheet.iter_rows(values_only=True))
    top = list(islice(rows, HEADER_SEARCH_ROWS))
    known = {header_key(column.header) for column in COLUMNS}
    scores = [sum(header_key(cell) in known for cell in row) for row in top]
    header_index = max(range(len(top)), key=lambda i: scores[i], default=0)
    header = top[header_index] if top else ()
    positions = _column_positions(header)

    data = []
    for number, row in enumerate(top[header_index + 1 :], start=header_index + 2):
        _keep(data, number, row, positions)
    for number, row in enumerate(rows, start=len(top) + 1):
        if number > MAX_SCANNED_ROWS:
            raise ImportRefused(
                _(
                    "The sheet has more than %(max)s rows counting empty ones. Delete the empty "
                    "rows below the data and upload again."
                )
                % {"max": MAX_SCANNED_ROWS}
            )
        _keep(data, number, row, positions)
        if len(data) > MAX_ROWS:
            break
    if len(data) > MAX_ROWS:
        raise ImportRefused(
            _(
                "The file has more than %(max)s data rows. Split it into files of at most "
                "%(max)s rows each."
            )
            % {"max": MAX_ROWS}
        )
    if not data:
        raise ImportRefused(_("The sheet has no data rows below its headers."))
    return Sheet(rows=data, header_row=header_index + 1)


def _column_positions(header) -> dict[str, int]:
    by_header = {header_key(column.header): column.key for column in COLUMNS}
    positions, seen, duplicates, unknown = {}, set(), [], []
    for index, cell in enumerate(header):
        name = header_key(cell)
        if not name:
            continue
        if name in seen:
            duplicates.append(str(cell).strip())
        seen.add(name)
        if name in by_header:
            positions.setdefault(by_header[name], index)
        elif name != header_key(ERROR_HEADER):
            unknown.append(str(cell).strip())
    missing = [column.header for column in COLUMNS if column.key not in positions]
    if missing:
        message = _("Columns missing: %(missing)s. Keep the template's headers unchanged.") % {
            "missing": SEPARATOR.join(missing)
        }
        if unknown:
            message += " " + _("Columns not in the template: %(unknown)s.") % {
                "unknown": SEPARATOR.join(unknown)
            }
        raise ImportRefused(message)
    if duplicates:
        raise ImportRefused(
            _("These columns appear more than once: %(columns)s. Keep one of each.")
            % {"columns": SEPARATOR.join(duplicates)}
        )
    return positions


def _keep(data: list, number: int, row, positions: dict[str, int]) -> None:
    values = {key: (row[index] if index < len(row) else None) for key, index in positions.items()}
    if any(cell_text(value) for value in values.values()):
        data.append(SheetRow(number=number, values=values))


# ---------------------------------------------------------------------------------------------
# Reading one cell


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    return str(value).strip()


def cell_code(value) -> str:
    """Numbers, codes and labels: full-width characters folded, no spaces inside."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", cell_text(value)))


def cell_date(value) -> date:
    """A date cell or a date written as text; raises ValueError with the clerk's message."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_code(value)
    match = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", text) or re.fullmatch(
        r"(\d{4})(\d{2})(\d{2})", text
    )
    if not match:
        raise ValueError(
            _("“%(value)s” is not a date we can read; write it as 2015-06-15.") % {"value": text}
        )
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise ValueError(_("“%(value)s” is not a real date.") % {"value": text}) from None


def cell_grade(value) -> int:
    text = cell_code(value).removesuffix("级")
    numerals = {label.removesuffix("级"): n for n, label in GRADE_LABELS.items()}
    grade = int(text) if text.isdigit() else numerals.get(text)
    if grade not in GRADE_LABELS:
        raise ValueError(
            _("“%(value)s” is not a disability grade; write one of 一级 to 十级.")
            % {"value": cell_text(value)}
        )
    return grade


def cell_names(value) -> list[str]:
    """Several names in one cell: 、 as the template asks, or commas, semicolons, spaces."""
    text = unicodedata.normalize("NFKC", cell_text(value))
    return [name for name in re.split(r"[、,;/\s]+", text) if name]


def relation_labels() -> list[str]:
    return [str(label) for label in Person.Relation.labels]


def nature_labels() -> list[str]:
    return [str(label) for label in Person.DisabilityNature.labels]
