"""Reading one cell of the workbook as the clerk meant it: text, a code, a date, a grade, a
list of names."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext as _
from openpyxl.utils.datetime import from_excel

from outreach.imports.layout import GRADE_LABELS


@dataclass(frozen=True)
class UnsavedFormula:
    """A formula cell saved with no value (the program that wrote the file never computed it):
    nothing to read, and the clerk must be told so, not that the cell is empty."""

    def __str__(self) -> str:
        return ""


def cell_value(value):
    """The value as it can be written back into a workbook."""
    return None if isinstance(value, UnsavedFormula) else value


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


# Excel's serial days for 1900-01-01 and 9999-12-31: a date in a cell left in General format.
SERIAL_DATES = (1, 2958465)


def cell_date(value) -> date:
    """A date cell, a date left as Excel's serial number (General format) or a date written as
    text; raises ValueError with the clerk's message."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if SERIAL_DATES[0] <= value <= SERIAL_DATES[1]:
            return from_excel(value).date()
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


def cell_name(value) -> str:
    """A person's name: full-width and doubled spaces folded; none kept beside a Chinese
    character (王　建国 is 王建国), one between words of a name written in letters."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", cell_text(value))).strip()
    return re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", text)


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
