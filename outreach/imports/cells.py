"""Reading one cell of the workbook as the clerk meant it: text, a code, a date, a grade, a
list of names."""

import re
import unicodedata
from datetime import date, datetime

from django.utils.translation import gettext as _

from outreach.imports.layout import GRADE_LABELS


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
