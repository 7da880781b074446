"""乡镇合并: one township absorbed into another on a date. The preview (merge_plan) reads and
writes nothing; merge_townships does it all in one transaction. What moves: the households
(archived ones too), the accounts, the plaques with their households, the support
organisations, every case not closed off in which the absorbed township takes part. What stays:
visits, closed cases, activities, inspections, 五个一, models and commendations, which keep
showing the township as it was when they were made. A merge can be undone only by restoring a
backup."""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from administration import access
from administration.units.selectors import county_units
from campaign import clock
from campaign.access import county_in_view_id
from campaign.models import (
    Commendation,
    FiveOnesItem,
    Inspection,
    ModelFigure,
    SupportOrganisation,
    Unit,
    UnitMerge,
    User,
)
from campaign.selectors import campaigns_of, current_of
from grievances.models import Case, CaseEvent
from grievances.states import FINISHED_STATUSES
from outreach.models import Activity, HonourPlaque, Household, Visit

NUMBER_LENGTH = Household._meta.get_field("number").max_length


@dataclass
class Renumbering:
    household: Household
    old: str
    new: str


@dataclass
class MergePlan:
    absorbed: Unit
    survivor: Unit
    merged_on: date
    households: int = 0
    archived: int = 0
    accounts: int = 0
    plaques: int = 0
    support_organisations: int = 0
    cases: int = 0
    renumbered: list[Renumbering] = field(default_factory=list)
    stays: list[tuple[str, int]] = field(default_factory=list)


def township_for_merge(user, pk) -> Unit:
    """A unit of the administrator's county (another county's: 404)."""
    return get_object_or_404(county_units(user).select_related("merged_into"), pk=pk)


def _moving_cases(absorbed):
    co = Case.co_units.through.objects.filter(unit_id=absorbed.pk).values("case_id")
    return Case.objects.exclude(status__in=FINISHED_STATUSES).filter(
        Q(township=absorbed) | Q(lead_unit=absorbed) | Q(subject_unit=absorbed) | Q(pk__in=co)
    )


def _check(user, absorbed: Unit, survivor: Unit, merged_on: date) -> None:
    if not access.administers(user):
        raise ValidationError(_("Only an administrator merges townships."))
    if absorbed.pk == survivor.pk:
        raise ValidationError(_("Choose two different townships: a township cannot absorb itself."))
    for unit in (absorbed, survivor):
        if unit.kind != Unit.Kind.TOWNSHIP:
            raise ValidationError(
                _("%(unit)s is not a township: only townships are merged.") % {"unit": unit}
            )
    if absorbed.merged_into_id:
        raise ValidationError(
            _(
                "%(unit)s was already merged into %(survivor)s on %(date)s; the page you used "
                "is out of date."
            )
            % {"unit": absorbed, "survivor": absorbed.merged_into, "date": absorbed.merged_on},
            code="stale",
        )
    if not absorbed.is_active:
        raise ValidationError(
            _("%(unit)s is deactivated; only an active township is merged.") % {"unit": absorbed}
        )
    if not survivor.is_active:
        raise ValidationError(
            _("%(unit)s is not active and cannot take over another township.") % {"unit": survivor}
        )
    today = clock.today()
    if merged_on > today:
        raise ValidationError(
            _("The merge date %(date)s is in the future: merge on the day it takes effect.")
            % {"date": merged_on}
        )
    # Whatever campaign the administrator is looking at: a year any campaign signed off stays
    # frozen, and the campaign the date falls in must have signed off its ended years.
    campaigns = list(campaigns_of(county_in_view_id(user)).prefetch_related("sign_offs"))
    campaign = current_of(campaigns, merged_on)
    if campaign is None:
        return
    signed = {sign_off.year for sign_off in campaign.sign_offs.all()}
    frozen = {
        sign_off.year
        for other in campaigns
        if other.starts_on.year <= merged_on.year <= other.ends_on.year
        for sign_off in other.sign_offs.all()
    }
    if merged_on.year in frozen:
        raise ValidationError(
            _(
                "%(year)s is signed off and its figures are locked: a merge cannot take "
                "effect in it. Choose a date in a year not yet signed off."
            )
            % {"year": merged_on.year}
        )
    first = campaign.starts_on.year
    for year in range(first, min(merged_on.year, today.year)):
        if year not in signed and year <= campaign.ends_on.year:
            raise ValidationError(
                format_html(
                    _(
                        "{year} has ended but is not signed off yet: sign it off on "
                        '<a href="{url}">the year-end page</a> first, so its report keeps '
                        "the townships as they were."
                    ),
                    year=year,
                    url=reverse("reports:yearend"),
                )
            )


def _new_numbers(absorbed, survivor, households) -> list[Renumbering]:
    survivors = set(Household.objects.filter(township=survivor).values_list("number", flat=True))
    taken = survivors | {household.number for household in households}
    clashes = []
    serial = 0
    for household in households:
        if household.number not in survivors:
            continue
        while True:
            serial += 1
            suffix = f"-{serial:04d}"
            candidate = absorbed.name[: NUMBER_LENGTH - len(suffix)] + suffix
            if candidate not in taken:
                break
        taken.add(candidate)
        clashes.append(Renumbering(household, household.number, candidate))
    return clashes


def merge_plan(*, user, absorbed: Unit, survivor: Unit, merged_on: date) -> MergePlan:
    """What the merge would do, for the preview: nothing is written."""
    _check(user, absorbed, survivor, merged_on)
    households = list(Household.objects.filter(township=absorbed).order_by("number"))
    plan = MergePlan(absorbed, survivor, merged_on)
    plan.households = len(households)
    plan.archived = sum(household.archived for household in households)
    plan.accounts = User.objects.filter(unit=absorbed).count()
    plan.plaques = HonourPlaque.objects.filter(household__township=absorbed).count()
    plan.support_organisations = SupportOrganisation.objects.filter(unit=absorbed).count()
    plan.cases = _moving_cases(absorbed).count()
    plan.renumbered = _new_numbers(absorbed, survivor, households)
    plan.stays = [
        (_("visits"), Visit.objects.filter(township=absorbed).count()),
        (
            _("closed cases"),
            Case.objects.filter(status__in=FINISHED_STATUSES)
            .filter(Q(township=absorbed) | Q(lead_unit=absorbed) | Q(subject_unit=absorbed))
            .count(),
        ),
        (_("activities"), Activity.objects.filter(organiser=absorbed).count()),
        (_("inspections"), Inspection.objects.filter(unit=absorbed).count()),
        (_("五个一 items"), FiveOnesItem.objects.filter(unit=absorbed).count()),
        (_("publicised models"), ModelFigure.objects.filter(unit=absorbed).count()),
        (_("commendations"), Commendation.objects.filter(unit=absorbed).count()),
    ]
    return plan


def _move_case(case, *, absorbed, survivor, user, merged_on) -> None:
    changes = {}
    for name in ("township", "lead_unit", "subject_unit"):
        if getattr(case, f"{name}_id") == absorbed.pk:
            setattr(case, f"{name}_id", survivor.pk)
            changes[name] = [absorbed.name, survivor.name]
    co = set(case.co_units.values_list("pk", flat=True))
    if absorbed.pk in co:
        case.co_units.remove(absorbed)
        if survivor.pk not in co and case.lead_unit_id != survivor.pk:
            case.co_units.add(survivor)
        changes["co_units"] = [absorbed.name, survivor.name]
    case.version += 1
    case.save(update_fields=["township", "lead_unit", "subject_unit", "version", "updated_at"])
    CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.TOWNSHIP_MERGED,
        by=user,
        unit_id=user.unit_id,
        on=merged_on,
        from_status=case.status,
        to_status=case.status,
        note=_("%(absorbed)s merged into %(survivor)s on %(date)s")
        % {"absorbed": absorbed.name, "survivor": survivor.name, "date": merged_on},
        changes=changes,
    )


@transaction.atomic
def merge_townships(
    *, user, absorbed: Unit, survivor: Unit, merged_on: date, typed_name: str, ticked: bool
) -> UnitMerge:
    locked = {
        unit.pk: unit
        for unit in county_units(user).select_for_update().filter(pk__in=[absorbed.pk, survivor.pk])
    }
    if len(locked) != len({absorbed.pk, survivor.pk}):
        raise ValidationError(_("One of the townships no longer exists."))
    absorbed, survivor = locked[absorbed.pk], locked[survivor.pk]
    if absorbed.merged_into_id:
        absorbed.merged_into = Unit.objects.get(pk=absorbed.merged_into_id)
    if not ticked or " ".join(typed_name.split()) != absorbed.name:
        raise ValidationError(
            _(
                "Tick the box and type the absorbed township's name, %(name)s, exactly, to "
                "confirm the merge."
            )
            % {"name": absorbed.name}
        )
    plan = merge_plan(user=user, absorbed=absorbed, survivor=survivor, merged_on=merged_on)
    reason = _("merged into %(survivor)s on %(date)s") % {
        "survivor": survivor.name,
        "date": merged_on,
    }
    new_numbers = {row.household.pk: row.new for row in plan.renumbered}
    for household in Household.objects.filter(township=absorbed).select_for_update():
        household.township = survivor
        household.number = new_numbers.get(household.pk, household.number)
        household._history_user = user
        household._change_reason = reason[:100]
        household.save()
    for account in User.objects.filter(unit=absorbed).select_for_update():
        account.unit = survivor
        account._history_user = user
        account._change_reason = reason[:100]
        account.save(update_fields=["unit"])
    SupportOrganisation.objects.filter(unit=absorbed).update(unit=survivor)
    for case in _moving_cases(absorbed).select_for_update(of=("self",)):
        _move_case(case, absorbed=absorbed, survivor=survivor, user=user, merged_on=merged_on)
    absorbed.merged_into = survivor
    absorbed.merged_on = merged_on
    absorbed.is_active = False
    absorbed._history_user = user
    absorbed._change_reason = reason[:100]
    absorbed.save(update_fields=["merged_into", "merged_on", "is_active"])
    merge = UnitMerge(
        absorbed=absorbed,
        survivor=survivor,
        merged_on=merged_on,
        by=user,
        households=plan.households,
        renumbered=len(plan.renumbered),
        accounts=plan.accounts,
        support_organisations=plan.support_organisations,
        cases=plan.cases,
    )
    merge._history_user = user
    merge.save()
    return merge
