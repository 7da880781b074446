"""The writes of the units section. Each is one transaction on the unit locked for the change,
leaves a row in the unit's history with who, when and why, and stays inside the county of the
administrator. A form opened before someone else's change is refused, naming that change."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from administration import access
from administration.units.selectors import county_units, open_cases_of
from campaign import access as rule
from campaign.history import last_change, who_and_when
from campaign.models import Unit, User
from grievances.models import Case
from outreach.models import Household


@dataclass
class UnitData:
    name: str
    short_name: str = ""
    code: str = ""
    contact: str = ""
    phone: str = ""
    kind: str = ""


def _refuse_if_stale(unit, seen: str) -> None:
    row = last_change(unit)
    if row is not None and str(row.history_id) != seen:
        raise ValidationError(
            _(
                "%(who)s changed this unit at %(when)s, after you opened the form. Look at it "
                "again and make your change once more."
            )
            % who_and_when(row),
            code="stale",
        )


def _locked(user, unit) -> Unit:
    if not access.administers(user):
        raise PermissionDenied
    found = county_units(user).select_for_update().filter(pk=unit.pk).first()
    if found is None:
        raise ValidationError(_("This unit no longer exists."))
    return found


def _checked(user, data: UnitData, *, unit=None) -> UnitData:
    errors = {}
    name = " ".join((data.name or "").split())
    code = (data.code or "").strip().lower()
    if not name:
        errors["name"] = _("Give the unit's name.")
    if not code:
        errors["code"] = _("Give the unit's code (letters, digits and hyphens).")
    same_county = Unit.objects.filter(area_id=rule.county_in_view_id(user))
    if unit is not None:
        same_county = same_county.exclude(pk=unit.pk)
    if name and same_county.filter(name=name).exists():
        errors["name"] = _("The county already has a unit named %(name)s.") % {"name": name}
    if code and same_county.filter(code=code).exists():
        errors["code"] = _("The county already has a unit with the code %(code)s.") % {"code": code}
    if unit is None and data.kind not in Unit.COUNTY_KINDS:
        errors["kind"] = _("Choose the kind of unit.")
    if errors:
        raise ValidationError(errors)
    short_name = " ".join((data.short_name or "").split())
    return UnitData(name, short_name, code, data.contact.strip(), data.phone.strip(), data.kind)


def _save(unit, *, by, reason: str, fields=None) -> Unit:
    unit.full_clean()
    unit._history_user = by
    unit._change_reason = reason[:100]
    unit.save(update_fields=fields)
    return unit


@transaction.atomic
def unit_create(*, user, data: UnitData) -> Unit:
    if not access.administers(user):
        raise PermissionDenied
    data = _checked(user, data)
    unit = Unit(
        area_id=rule.county_in_view_id(user),
        kind=data.kind,
        name=data.name,
        short_name=data.short_name,
        code=data.code,
        contact=data.contact,
        phone=data.phone,
    )
    return _save(unit, by=user, reason=_("added"))


@transaction.atomic
def unit_update(*, user, unit, data: UnitData, seen: str) -> Unit:
    unit = _locked(user, unit)
    _refuse_if_stale(unit, seen)
    data = _checked(user, data, unit=unit)
    reason = _("edited")
    if data.name != unit.name:
        reason = _("renamed from %(old)s to %(new)s") % {"old": unit.name, "new": data.name}
    unit.name, unit.short_name, unit.code = data.name, data.short_name, data.code
    unit.contact, unit.phone = data.contact, data.phone
    return _save(
        unit, by=user, reason=reason, fields=["name", "short_name", "code", "contact", "phone"]
    )


def deactivation_blockers(unit) -> list[str]:
    """Why this unit cannot be deactivated now; empty when it can."""
    reasons = []
    accounts = User.objects.filter(unit=unit, is_active=True).count()
    if accounts:
        reasons.append(
            _("%(n)s active accounts belong to it: deactivate them or move them first.")
            % {"n": accounts}
        )
    cases = Case.objects.filter(open_cases_of(unit.pk)).count()
    if cases:
        reasons.append(
            _("%(n)s open cases involve it: close them or assign them elsewhere first.")
            % {"n": cases}
        )
    if unit.kind == Unit.Kind.TOWNSHIP:
        households = Household.objects.filter(township=unit, archived=False).count()
        if households:
            reasons.append(
                _(
                    "%(n)s households are registered in it: archive them, or merge the "
                    "township into another."
                )
                % {"n": households}
            )
    return reasons


@transaction.atomic
def unit_deactivate(*, user, unit) -> Unit:
    unit = _locked(user, unit)
    if not unit.is_active:
        return unit
    if user.unit_id == unit.pk:
        raise ValidationError(_("You cannot deactivate your own unit."))
    reasons = deactivation_blockers(unit)
    if reasons:
        raise ValidationError(reasons)
    unit.is_active = False
    return _save(unit, by=user, reason=_("deactivated"), fields=["is_active"])


@transaction.atomic
def unit_reactivate(*, user, unit) -> Unit:
    unit = _locked(user, unit)
    if unit.is_active:
        return unit
    if unit.merged_into_id:
        raise ValidationError(
            _(
                "%(unit)s was merged into %(survivor)s on %(date)s and cannot be reactivated: "
                "a merge can be undone only by restoring a backup."
            )
            % {"unit": unit, "survivor": unit.merged_into, "date": unit.merged_on}
        )
    unit.is_active = True
    return _save(unit, by=user, reason=_("reactivated"), fields=["is_active"])
