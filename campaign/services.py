from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from campaign import plan
from campaign.models import Campaign, Phase, Topic, Workstream
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


def plan_load(*, county: str, phases: list[plan.PhaseRow] | None = None) -> PlanLoadResult:
    """Create or update the campaign, its phases, workstreams and topics.

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
            {"name": plan.CAMPAIGN_NAME},
            {"county": county, "starts_on": starts_on, "ends_on": ends_on},
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
    return result
