"""Real workbooks for the import tests, built with openpyxl, and the registry rows they meet."""

import io
import itertools
import re
import zipfile
from datetime import date, timedelta
from xml.sax.saxutils import escape

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from stdnum.cn import ric

from outreach.imports.layout import COLUMNS, DATA_SHEET
from outreach.models import Household, Person

HEADERS = [column.header for column in COLUMNS]
_serial = itertools.count(1)


def id_number(born: date = date(1962, 3, 4), *, area: str = "110101", male: bool = True) -> str:
    """A valid fictitious ID number, a different one on every call."""
    n = next(_serial)
    born = born + timedelta(days=n // 450)
    sequence = (n % 450) * 2 + (1 if male else 0)
    body = f"{area}{born:%Y%m%d}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")


def with_check_digit(body17: str) -> str:
    return body17 + ric.calc_check_digit(body17 + "0")


def person_row(**values) -> dict:
    """One row of the template by column header; keyword names are the column keys."""
    row = {
        "number": "0001",
        "head_name": "王建国",
        "village": "东风村",
        "address": "东风村3组12号",
        "household_phone": "13812345678",
        "plaque_hung_on": None,
        "notes": None,
        "name": "王建国",
        "id_number": None,
        "relation": "本人",
        "categories": "退役士兵",
        "priority_marks": None,
        "disability_grade": None,
        "disability_nature": None,
        "phone": None,
        "deceased": "否",
    }
    row.update(values)
    if row["id_number"] is None:
        row["id_number"] = id_number()
    return {column.header: row[column.key] for column in COLUMNS}


def households_rows(count: int, *, per_household: int = 3, prefix: str = "H") -> list[dict]:
    rows = []
    for n in range(count):
        household = n // per_household
        first = n % per_household == 0
        rows.append(
            person_row(
                number=f"{prefix}{household:05d}",
                head_name=f"户主{household}",
                village=f"{household % 7 + 1}村",
                name=f"户主{household}" if first else f"成员{n}",
                relation="本人" if first else "配偶",
                categories="退役士兵、残疾军人" if first else "现役军人家属",
                disability_grade="五级" if first and household % 4 == 0 else None,
                disability_nature="因战" if first and household % 4 == 0 else None,
            )
        )
    return rows


def xlsx(rows: list[dict], *, headers: list[str] | None = None, title: str = DATA_SHEET) -> bytes:
    headers = HEADERS if headers is None else headers
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(header) for header in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_cached_values(content: bytes, cached: dict[str, str]) -> bytes:
    """Give formula cells the value Excel would have saved with them (openpyxl saves none)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                for ref, value in cached.items():
                    text = re.sub(
                        rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/>',
                        rf'<c r="{ref}"\1 t="str"><f>\2</f><v>{value}</v>',
                        text,
                    )
                data = text.encode()
            target.writestr(item, data)
    return buffer.getvalue()


def with_text(content: bytes, placeholder: str, text: str) -> bytes:
    """Put text in the sheet where a cell holds placeholder, as text whatever it reads like."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(f">{placeholder}<".encode(), f">{escape(text)}<".encode())
            target.writestr(item, data)
    return buffer.getvalue()


def upload(content: bytes, name: str = "优抚对象.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def registry_counts() -> dict[str, int]:
    return {
        "households": Household.objects.count(),
        "persons": Person.objects.count(),
        "household_history": Household.history.count(),
        "person_history": Person.history.count(),
        "category_links": Person.categories.through.objects.count(),
    }


def register(township, *, number="0001", head_name="李红", person_name="李红", **person):
    """A household with one person, written as the registry would hold it."""
    household = Household.objects.create(
        township=township,
        number=number,
        head_name=head_name,
        village="西河村",
        address="西河村1号",
        phone="13900001111",
    )
    number = person.pop("id_number", None) or id_number()
    registered = Person.objects.create(
        household=household,
        name=person_name,
        id_number=number,
        sex="M" if int(number[16]) % 2 else "F",
        birth_date=ric.get_birth_date(number),
        relation=person.pop("relation", Person.Relation.SELF),
        **person,
    )
    return household, registered
