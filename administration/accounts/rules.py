"""What makes an account's fields acceptable, said once for the form, the sheet and the
services: the phone, the name, the username still free, the flags the unit allows."""

import re

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from administration import access
from campaign.models import User

PHONE = re.compile(r"1\d{10}|0\d{2,3}-?\d{7,8}")


def clean_phone(value: str) -> str:
    phone = re.sub(r"\s+", "", value or "")
    if phone and not PHONE.fullmatch(phone):
        raise ValidationError(
            _(
                "“%(phone)s” is not a phone number: write a mobile number of 11 digits "
                "(13812345678) or a landline with its area code (0731-84561234)."
            )
            % {"phone": phone},
            code="phone",
        )
    return phone


def clean_username(value: str, *, account=None) -> str:
    username = (value or "").strip()
    if not username:
        raise ValidationError(_("Give a username."), code="required")
    try:
        UnicodeUsernameValidator()(username)
    except ValidationError:
        raise ValidationError(
            _(
                "A username has letters, digits and @ . + - _ only, no spaces; "
                "“%(username)s” does not."
            )
            % {"username": username},
            code="username",
        ) from None
    taken = User.objects.filter(username__iexact=username)
    if account is not None and account.pk:
        taken = taken.exclude(pk=account.pk)
    if taken.exists():
        raise ValidationError(
            _("The username “%(username)s” is already taken; choose another.")
            % {"username": username},
            code="taken",
        )
    return username


def flag_errors(*, unit, read_only: bool, is_administrator: bool) -> dict:
    """The flags this unit's account may not hold, by field."""
    errors = {}
    if is_administrator and not access.may_hold_administrator(unit):
        errors["is_administrator"] = _("Only a user of the county office can be an administrator.")
    if read_only and not access.may_be_read_only_leader(unit):
        errors["read_only"] = _("A read-only leader's account belongs to the county office.")
    if read_only and is_administrator:
        errors["is_administrator"] = _(
            "A read-only leader changes nothing, so cannot be an administrator."
        )
    return errors
