"""Who runs the county's system. Only the county office's administrators (the flag on their
account) reach 系统管理; the rest of the office is told it lacks the right (403), everyone else
finds nothing there (404). Everything an administrator does stays inside the county in view."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from campaign import access as rule


def administers(user) -> bool:
    return rule.administers(user)


def refusal_for(user) -> type[Exception]:
    """The office's other users learn the page needs an administrator; others see nothing."""
    return PermissionDenied if rule.office_writes(user) else Http404


# Accounts. An administrator grants nothing it does not hold: the accounts of developers
# (Django's staff and superusers) are kept in the Django admin and are out of its reach, save
# its own; the administrator flag goes only to users of the county office.


def developer_account(account) -> bool:
    return account.is_staff or account.is_superuser


def may_manage(user, account) -> bool:
    """Changes this account of its county (the caller found it through visible_to)."""
    return administers(user) and (account.pk == user.pk or not developer_account(account))


def may_hold_administrator(unit) -> bool:
    return unit is not None and unit.kind == unit.Kind.OFFICE


def may_be_read_only_leader(unit) -> bool:
    """County leaders read the whole county: their accounts belong to the county office."""
    return may_hold_administrator(unit)


def administrators_in(county_id):
    """The accounts that run this county's system now."""
    from campaign.models import Unit, User

    return User.objects.filter(
        unit__area_id=county_id,
        unit__kind=Unit.Kind.OFFICE,
        is_active=True,
        is_administrator=True,
        read_only=False,
    )


def administrator_of_county(account) -> bool:
    """Would run the county's system, as this account stands (saved or not)."""
    return (
        account.is_active
        and account.is_administrator
        and not account.read_only
        and may_hold_administrator(account.unit)
    )


def account_units(user):
    """The units an administrator may put an account in: the active units of its county."""
    from campaign.models import Unit

    return (
        Unit.objects.visible_to(user)
        .filter(kind__in=Unit.COUNTY_KINDS, is_active=True)
        .order_by("kind", "code")
    )


def role_label(account) -> str:
    return str(rule.account_role(account).label)
