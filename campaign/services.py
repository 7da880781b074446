from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from campaign import clock, county_lists, plan
from campaign.access import can_edit_five_ones, can_inspect
from campaign.evidence import evidence_type
from campaign.lists import list_values_check
from campaign.models import (
    Area,
    Campaign,
    FiveOnesItem,
    Inspection,
    InspectionFinding,
    InspectionRating,
    Phase,
    Topic,
    Unit,
    Workstream,
)
from campaign.record_campaign import campaign_of_new_record, check_in_window
from campaign.windows import phase_window_errors


@dataclass
class PlanLoadResult:
    campaign: Campaign
    created: int = 0
    updated: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def _upsert(model, lookup: dict, values: dict, result: PlanLoadResult):
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        result.created += 1
        return obj
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    if changed:
        for field in changed:
            setattr(obj, field, values[field])
        obj.full_clean()
        obj.save(update_fields=changed)
        result.updated += 1
    return obj


@transaction.atomic
def area_add(*, name: str, level: str, parent: Area | None = None, code: str = "") -> Area:
    """An area under its parent (or at the top), its path set from the ids above it."""
    area = Area(name=name.strip(), level=level, parent=parent, code=code.strip(), path="-")
    area.full_clean(exclude=["path"])
    area.save()
    area.path = f"{parent.path if parent else '/'}{area.pk}/"
    area.save(update_fields=["path"])
    if area.level == Area.Level.COUNTY:
        county_lists.county_lists_create(area)
    return area


def county_named(name: str) -> Area:
    """The county of that name, made at the top of the tree if the deployment has none yet
    (a single county's deployment needs no province or city above it)."""
    counties = list(Area.objects.counties().filter(name=name.strip())[:2])
    if len(counties) > 1:
        raise ValidationError(
            _("More than one county is named %(name)s; choose it by its place in the tree.")
            % {"name": name}
        )
    if counties:
        return counties[0]
    return area_add(name=name, level=Area.Level.COUNTY)


def plan_load(*, county: Area, phases: list[plan.PhaseRow] | None = None) -> PlanLoadResult:
    """Create or update the county's campaign, its phases, workstreams and topics.

    Every phase is checked against the window before anything is written, so a bad table
    leaves the database as it was. Running it again with the same plan changes nothing.
    """
    phases = plan.PHASES if phases is None else phases
    errors = []
    numbers = [row.number for row in phases]
    for number in sorted({n for n in numbers if numbers.count(n) > 1}):
        errors.append(_("Phase number %(number)s appears more than once.") % {"number": number})
    for row in phases:
        errors += phase_window_errors(
            number=row.number,
            name=row.name,
            starts_on=row.starts_on,
            ends_on=row.ends_on,
            window=plan.CAMPAIGN_WINDOW,
        )
    if errors:
        raise ValidationError(errors)

    with transaction.atomic():
        result = PlanLoadResult(campaign=None)
        starts_on, ends_on = plan.CAMPAIGN_WINDOW
        campaign = _upsert(
            Campaign,
            {"county": county, "name": plan.CAMPAIGN_NAME},
            {"starts_on": starts_on, "ends_on": ends_on},
            result,
        )
        result.campaign = campaign
        for row in phases:
            _upsert(
                Phase,
                {"campaign": campaign, "number": row.number},
                {
                    "name": row.name,
                    "starts_on": row.starts_on,
                    "ends_on": row.ends_on,
                    "summary": row.summary,
                    "note": row.note,
                },
                result,
            )
        workstreams = {}
        for number, name, summary in plan.WORKSTREAMS:
            workstreams[number] = _upsert(
                Workstream,
                {"number": number},
                {"name": name, "summary": summary},
                result,
            )
        for number, name, about, workstream, priority in plan.TOPICS:
            _upsert(
                Topic,
                {"number": number},
                {
                    "name": name,
                    "about": about,
                    "workstream": workstreams[workstream],
                    "priority": priority,
                },
                result,
            )
        # Lists that hang off the workstreams (activity kinds) can be made only now.
        county_lists.county_lists_create(county)
    return result


@transaction.atomic
def five_ones_update(
    *, user, unit: Unit, item: str, status: str, done_on, description: str, evidence=None
):
    if not can_edit_five_ones(user, unit):
        raise PermissionDenied
    campaign = campaign_of_new_record(user=user, county_id=unit.area_id)
    entry, _created = FiveOnesItem.objects.select_for_update().get_or_create(
        campaign=campaign, unit=unit, item=item
    )
    entry.status = status
    entry.done_on = done_on
    entry.description = description
    entry.updated_by = user
    if status == FiveOnesItem.Status.DONE and not done_on:
        raise ValidationError({"done_on": _("Give the date since when it is in place.")})
    if done_on and done_on > clock.today():
        raise ValidationError({"done_on": _("The date cannot be in the future.")})
    # In place since before the campaign still counts for it; since after its end cannot.
    if done_on and done_on > campaign.ends_on:
        check_in_window(campaign, field="done_on", day=done_on)
    if evidence is not None:
        content_type, extension = evidence_type(evidence)
        evidence.name = f"{unit.code}-{item}{extension}"
        entry.evidence = evidence
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def inspection_record(
    *, user, unit: Unit, inspected_on, inspectors, checked, rating, summary="", findings=()
):
    """findings: (text, needs rectification) pairs."""
    if not can_inspect(user):
        raise PermissionDenied
    if inspected_on > clock.today():
        raise ValidationError({"inspected_on": _("The date cannot be in the future.")})
    campaign = campaign_of_new_record(user=user, county_id=unit.area_id)
    check_in_window(campaign, field="inspected_on", day=inspected_on)
    try:
        [rating] = list_values_check(InspectionRating, [rating], county_id=unit.area_id)
    except ValidationError as exc:
        raise ValidationError({"rating": exc.messages}) from exc
    inspection = Inspection(
        campaign=campaign,
        unit=unit,
        inspected_on=inspected_on,
        inspectors=inspectors,
        checked=checked,
        rating=rating,
        summary=summary,
        created_by=user,
    )
    inspection.full_clean()
    inspection.save()
    for text, needs in findings:
        InspectionFinding.objects.create(
            inspection=inspection, text=text, needs_rectification=needs
        )
    return inspection
