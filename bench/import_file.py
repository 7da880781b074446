"""A filled-in import template: the workbook clerks download (outreach.imports.template, with its
instructions, lists and validations) with 20,000 person rows in 10,000 new households, written
the way a clerk's Excel would have them."""

from io import BytesIO

import openpyxl

from bench.dataset import id_number
from demo.names import person_name
from outreach.imports.layout import COLUMNS, DATA_SHEET
from outreach.imports.template import template_workbook

ROWS = 20_000
PER_HOUSEHOLD = 2
FIRST_ID = 5_000_000  # far past the generated persons' ID numbers (bench.dataset.id_number)


def row_values(n: int) -> dict:
    household, first = divmod(n, PER_HOUSEHOLD)
    head = person_name(household * 5 + 2)
    number, _born = id_number(FIRST_ID + n, male=first == 0)
    disabled = first == 0 and household % 6 == 0
    return {
        "number": f"X{household:06d}",
        "head_name": head,
        "village": f"{household % 9 + 1}村",
        "address": f"{household % 9 + 1}村{household % 40 + 1}号",
        "household_phone": f"138{household:08d}",
        "plaque_hung_on": None,
        "notes": None,
        "name": head if first == 0 else person_name(n * 7 + 3),
        "id_number": number,
        "relation": "本人" if first == 0 else "配偶",
        "categories": "退役士兵、残疾军人"
        if disabled
        else "退役士兵"
        if first == 0
        else "现役军人家属",
        "priority_marks": "参战退役人员" if household % 10 == 0 and first == 0 else None,
        "disability_grade": "五级" if disabled else None,
        "disability_nature": "因战" if disabled else None,
        "phone": f"139{n:08d}" if n % 3 == 0 else None,
        "deceased": "否",
    }


def build(path, rows: int = ROWS) -> None:
    workbook = openpyxl.load_workbook(BytesIO(template_workbook()))
    sheet = workbook[DATA_SHEET]
    for n in range(rows):
        values = row_values(n)
        sheet.append([values[column.key] for column in COLUMNS])
    workbook.save(path)
