"""The writes of the accounts section. Each is one transaction, re-checks that the
administrator may touch the account (its county, never a developer's account) and grants
nothing it does not hold, and leaves a row in the account's history with who, when and why.
A one-time code is returned to be shown once; only its hash is kept."""

import hashlib
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from administration import access
from administration.accounts import codes, lockout
from administration.accounts.rules import clean_phone, clean_username, flag_errors
from administration.models import OneTimeCode
from campaign.models import User

# The fields an administrator edits; a form opened on other values than these is stale.
EDITED = ("username", "last_name", "first_name", "unit_id", "phone", "read_only")
EDITED += ("is_administrator", "is_active")


@dataclass
class Issued:
    """An account and the one-time code just issued for it, for the slip."""

    account: User
    code: str
    valid_until: object

    @property
    def shown_code(self) -> str:
        return codes.shown(self.code)


def fingerprint(account) -> str:
    values = repr([getattr(account, name) for name in EDITED])
    return hashlib.sha256(values.encode()).hexdigest()[:16]


@dataclass
class AccountData:
    username: str
    name: str
    unit: object
    phone: str = ""
    read_only: bool = False
    is_administrator: bool = False


def _checked_data(*, user, data: AccountData, account=None) -> AccountData:
    if data.unit is None or not access.account_units(user).filter(pk=data.unit.pk).exists():
        raise ValidationError({"unit": _("Choose one of the county's active units.")})
    errors = flag_errors(
        unit=data.unit, read_only=data.read_only, is_administrator=data.is_administrator
    )
    name = " ".join((data.name or "").split())
    if not name:
        errors["name"] = _("Give the user's name.")
    try:
        username = clean_username(data.username, account=account)
    except ValidationError as exc:
        errors["username"] = exc.messages
    try:
        phone = clean_phone(data.phone)
    except ValidationError as exc:
        errors["phone"] = exc.messages
    if errors:
        raise ValidationError(errors)
    return AccountData(username, name, data.unit, phone, data.read_only, data.is_administrator)


def _new_account(data: AccountData, *, by) -> User:
    account = User(
        username=data.username,
        last_name=data.name,
        unit=data.unit,
        phone=data.phone,
        read_only=data.read_only,
        is_administrator=data.is_administrator,
    )
    account.set_unusable_password()  # it logs in with its one-time code, then sets its own
    account.full_clean()
    account._history_user = by
    account._change_reason = _("created with a one-time code")
    account.save()
    return account


@transaction.atomic
def account_create(*, user, data: AccountData) -> Issued:
    if not access.administers(user):
        raise PermissionDenied
    account = _new_account(_checked_data(user=user, data=data), by=user)
    row, code = codes.code_issue(account=account, by=user, reason=OneTimeCode.Reason.NEW_ACCOUNT)
    return Issued(account, code, row.valid_until)


@transaction.atomic
def accounts_create(*, user, rows: list[AccountData]) -> list[Issued]:
    """Bulk creation: every row is checked before any is written; one bad row and none is."""
    if not access.administers(user):
        raise PermissionDenied
    checked = [_checked_data(user=user, data=row) for row in rows]
    names = [row.username.lower() for row in checked]
    if len(set(names)) != len(names):
        raise ValidationError(_("The same username appears twice; nothing was created."))
    issued = []
    for data in checked:
        account = _new_account(data, by=user)
        row, code = codes.code_issue(
            account=account, by=user, reason=OneTimeCode.Reason.NEW_ACCOUNT
        )
        issued.append(Issued(account, code, row.valid_until))
    return issued


def _locked(user, account) -> User:
    """The account, locked for the change, if this administrator may touch it."""
    found = (
        User.objects.visible_to(user)
        .select_for_update(of=("self",))
        .select_related("unit")
        .filter(pk=account.pk)
        .first()
    )
    if found is None:
        raise ValidationError(_("This account no longer exists."))
    if not access.may_manage(user, found):
        raise PermissionDenied
    return found


def _keeps_an_administrator(*, before_was: bool, after: User, county_id) -> None:
    if not before_was or access.administrator_of_county(after):
        return
    if not access.administrators_in(county_id).exclude(pk=after.pk).exists():
        raise ValidationError(
            _(
                "This is the county's last administrator: give another user of the county "
                "office the administrator flag first."
            )
        )


def _save(account, *, by, reason: str, fields: list[str]) -> User:
    account.full_clean()
    account._history_user = by
    account._change_reason = reason[:100]
    account.save(update_fields=fields)
    return account


@transaction.atomic
def account_update(*, user, account, data: AccountData, seen: str) -> User:
    account = _locked(user, account)
    if seen != fingerprint(account):
        raise ValidationError(
            _(
                "Someone changed this account after you opened the form. Look at it again "
                "and make your change once more."
            ),
            code="stale",
        )
    data = _checked_data(user=user, data=data, account=account)
    was_administrator = access.administrator_of_county(account)
    moved_from = account.unit if account.unit_id != data.unit.pk else None
    account.username = data.username
    account.last_name, account.first_name = data.name, ""
    account.unit = data.unit
    account.phone = data.phone
    account.read_only = data.read_only
    account.is_administrator = data.is_administrator
    _keeps_an_administrator(
        before_was=was_administrator, after=account, county_id=data.unit.area_id
    )
    reason = _("edited")
    if moved_from is not None:
        reason = _("moved from %(old)s to %(new)s") % {"old": moved_from, "new": data.unit}
    fields = ["username", "last_name", "first_name", "unit", "phone", "read_only"]
    return _save(account, by=user, reason=reason, fields=[*fields, "is_administrator"])


@transaction.atomic
def account_deactivate(*, user, account) -> User:
    account = _locked(user, account)
    if account.pk == user.pk:
        raise ValidationError(_("You cannot deactivate your own account."))
    if not account.is_active:
        return account
    was_administrator = access.administrator_of_county(account)
    account.is_active = False
    _keeps_an_administrator(
        before_was=was_administrator, after=account, county_id=account.unit.area_id
    )
    codes.code_void(account=account)
    return _save(account, by=user, reason=_("deactivated"), fields=["is_active"])


@transaction.atomic
def account_reactivate(*, user, account) -> User:
    account = _locked(user, account)
    if account.is_active:
        return account
    if not account.unit.is_active:
        raise ValidationError(
            _("Its unit %(unit)s is no longer active: move the account to an active unit first.")
            % {"unit": account.unit}
        )
    account.is_active = True
    return _save(account, by=user, reason=_("reactivated"), fields=["is_active"])


@transaction.atomic
def account_reset(*, user, account) -> Issued:
    """A new one-time code; the old password stops working at once (and signs the account
    out everywhere), so whoever knew it no longer gets in."""
    account = _locked(user, account)
    if not account.is_active:
        raise ValidationError(_("Reactivate the account before resetting its password."))
    if account.pk == user.pk:
        raise ValidationError(
            _("Change your own password from the menu at the top; no code is needed.")
        )
    account.set_unusable_password()
    _save(account, by=user, reason=_("password reset, one-time code issued"), fields=["password"])
    row, code = codes.code_issue(account=account, by=user, reason=OneTimeCode.Reason.RESET)
    return Issued(account, code, row.valid_until)


@transaction.atomic
def account_unlock(*, user, account) -> int:
    account = _locked(user, account)
    cleared = lockout.unlock(account.username)
    if cleared:
        # Nothing of the account changes; the saved row is the history's record of the unlock.
        _save(account, by=user, reason=_("unlocked after failed logins"), fields=["is_active"])
    return cleared
