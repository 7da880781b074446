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
    SpecialAction,
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
    kinds: int = 0  # activity kinds added to or changed in the county's list

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.kinds)


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


def plan_errors(*, county: Area, spec: plan.PlanSpec) -> list[str]:
    """Everything wrong with a plan for this county, in the county's words; none means it
    can be loaded."""
    errors = []
    if spec.ends_on < spec.starts_on:
        errors.append(
            _("The campaign ends on %(ends)s, before it starts on %(starts)s.")
            % {"starts": spec.starts_on.isoformat(), "ends": spec.ends_on.isoformat()}
        )
    overlapping = (
        Campaign.objects.filter(
            county=county, starts_on__lte=spec.ends_on, ends_on__gte=spec.starts_on
        )
        .exclude(name=spec.name)
        .order_by("starts_on")
    )
    for other in overlapping:
        errors.append(
            _(
                "The window %(starts)s – %(ends)s overlaps the campaign “%(name)s” "
                "(%(other_starts)s – %(other_ends)s) of the county."
            )
            % {
                "starts": spec.starts_on.isoformat(),
                "ends": spec.ends_on.isoformat(),
                "name": other.name,
                "other_starts": other.starts_on.isoformat(),
                "other_ends": other.ends_on.isoformat(),
            }
        )
    if not spec.phases:
        errors.append(_("The plan has no phase."))
    for label, rows in (
        (_("Phase"), spec.phases),
        (_("Workstream"), spec.workstreams),
        (_("Topic"), spec.topics),
    ):
        numbers = [row.number for row in rows]
        for number in sorted({n for n in numbers if numbers.count(n) > 1}):
            errors.append(
                _("%(what)s number %(number)s appears more than once.")
                % {"what": label, "number": number}
            )
    if sum(row.carries_over for row in spec.phases) > 1:
        errors.append(_("Only one phase may carry open cases over."))
    for row in spec.phases:
        errors += phase_window_errors(
            number=row.number,
            name=row.name,
            starts_on=row.starts_on,
            ends_on=row.ends_on,
            window=spec.window,
        )
    workstreams = {row.number for row in spec.workstreams}
    for row in spec.workstreams:
        if not row.name:
            errors.append(_("Workstream %(number)s has no name.") % {"number": row.number})
    abouts = {choice.value for choice in Topic.About}
    for row in spec.topics:
        if not row.name:
            errors.append(_("Topic %(number)s has no name.") % {"number": row.number})
        if row.workstream not in workstreams:
            errors.append(
                _("Topic %(number)s names workstream %(workstream)s, which the plan lacks.")
                % {"number": row.number, "workstream": row.workstream}
            )
        if row.about not in abouts:
            errors.append(
                _(
                    "Topic %(number)s is about “%(about)s”: write 驻军部队 (garrison) or "
                    "优抚对象 (beneficiary)."
                )
                % {"number": row.number, "about": row.about}
            )
    for row in spec.kinds:
        if not row.name:
            errors.append(_("An activity kind has no name."))
        elif row.workstream not in workstreams:
            errors.append(
                _(
                    "The activity kind “%(name)s” names workstream %(workstream)s, which the plan "
                    "lacks."
                )
                % {"name": row.name, "workstream": row.workstream}
            )
    errors += county_lists.plan_kinds_errors(county, spec)
    return errors


def plan_load(
    *,
    county: Area,
    spec: plan.PlanSpec | None = None,
    phases: list[plan.PhaseRow] | None = None,
) -> PlanLoadResult:
    """Add the campaign the plan describes to the county, or update the county's campaign of
    the same name: its phases, workstreams, topics and activity kinds (by number; by code or
    name for the kinds). Without a plan, the first campaign's; `phases` replaces the plan's
    phase table.

    Everything is checked before anything is written, so a bad plan leaves the database as it
    was. Running it again with the same plan changes nothing. Nothing the plan leaves out is
    deleted: records may name it.
    """
    spec = plan.first_plan() if spec is None else spec
    if phases is not None:
        spec = spec.with_phases(phases)
    errors = plan_errors(county=county, spec=spec)
    if errors:
        raise ValidationError(errors)

    with transaction.atomic():
        result = PlanLoadResult(campaign=None)
        campaign = _upsert(
            Campaign,
            {"county": county, "name": spec.name},
            {"starts_on": spec.starts_on, "ends_on": spec.ends_on},
            result,
        )
        result.campaign = campaign
        for row in spec.phases:
            _upsert(
                Phase,
                {"campaign": campaign, "number": row.number},
                {
                    "name": row.name,
                    "starts_on": row.starts_on,
                    "ends_on": row.ends_on,
                    "summary": row.summary,
                    "note": row.note,
                    "carries_over": row.carries_over,
                },
                result,
            )
        workstreams = {}
        for row in spec.workstreams:
            workstreams[row.number] = _upsert(
                Workstream,
                {"campaign": campaign, "number": row.number},
                {"name": row.name, "summary": row.summary},
                result,
            )
        for row in spec.topics:
            topic = _upsert(
                Topic,
                {"campaign": campaign, "number": row.number},
                {
                    "name": row.name,
                    "about": row.about,
                    "workstream": workstreams[row.workstream],
                    "priority": row.priority,
                    "policy_check": row.policy_check,
                    "time_limit_days": row.time_limit_days,
                },
                result,
            )
            # Phase 3 runs one special action per topic; the office frames it afterwards.
            SpecialAction.objects.get_or_create(topic=topic)
        result.kinds = county_lists.plan_kinds_write(county, spec, workstreams)
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
