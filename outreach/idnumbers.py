"""Resident ID numbers (GB 11643-1999) through python-stdnum's cn.ric.

A wrong length, format, checksum or birth date is an error. An area code never in use is only
a warning: late registrations and renamed counties exist."""

from dataclasses import dataclass, field
from datetime import date
from functools import cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum import exceptions, numdb
from stdnum.cn import ric


@dataclass
class IdNumber:
    number: str
    birth_date: date
    sex: str  # "M" or "F"
    warnings: list[str] = field(default_factory=list)


def parse_id_number(value: str, *, today: date | None = None) -> IdNumber:
    number = ric.compact(value or "")
    if len(number) != 18:
        raise ValidationError(
            _("An ID number has 18 characters; this one has %(count)s.") % {"count": len(number)},
            code="length",
        )
    if not number[:-1].isdigit() or not (number[-1].isdigit() or number[-1] == "X"):
        raise ValidationError(
            _("An ID number is 17 digits followed by a digit or X."), code="format"
        )
    try:
        birth_date = ric.get_birth_date(number)
    except exceptions.ValidationError:
        raise ValidationError(
            _("The birth date %(digits)s in this ID number is not a real date.")
            % {"digits": number[6:14]},
            code="birth_date",
        ) from None
    if today is not None and birth_date > today:
        raise ValidationError(
            _("The birth date %(date)s in this ID number lies in the future.")
            % {"date": birth_date.isoformat()},
            code="birth_date",
        )
    if ric.calc_check_digit(number) != number[-1]:
        raise ValidationError(
            _("The check digit of this ID number is wrong; please check each digit."),
            code="checksum",
        )
    warnings = []
    if not _known_area(number[:6]):
        warnings.append(
            _("Area code %(code)s is not known in any year; please check it.")
            % {"code": number[:6]}
        )
    return IdNumber(
        number=number,
        birth_date=birth_date,
        sex="M" if int(number[16]) % 2 else "F",
        warnings=warnings,
    )


@cache  # a few thousand codes at most; an import of many rows asks the same few again and again
def _known_area(code: str) -> bool:
    # The code list dates most codes from 1983 (a few, such as 341122, from later), yet people
    # born before then carry them: a code counts as known if it was ever in use, whatever year.
    parts = numdb.get("cn/loc").info(code)
    return any("county" in props for _part, props in parts)


def mask_id_number(number: str) -> str:
    if not number:
        return ""
    if len(number) < 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(phone: str) -> str:
    if not phone:
        return ""
    digits = phone.strip()
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
