"""The ledger's writes: each is one transaction, checks who may do it, and records a CaseEvent."""

from collections.abc import Iterable
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from campaign import clock
from campaign.access import county_in_view_id
from campaign.models import Campaign, InspectionFinding, Phase, Topic, Unit
from campaign.selectors import current_campaign
from grievances import access
from grievances.models import (
    Case,
    CaseEvent,
    CaseFinding,
    ExtensionRequest,
    LedgerCounter,
    Satisfaction,
    Source,
    Status,
)
from grievances.workdays import add_workdays
from outreach.idnumbers import mask_phone
from outreach.models import Finding, Household

REVISIT_AFTER_DAYS = 30
# The case keeps its phone encrypted; an event's record of an edit keeps it masked, as shown.
MASKED_IN_EVENTS = {"responsible_phone"}
EDITABLE_FIELDS = ["description", "measures", "responsible_person", "responsible_phone", "topic"]


class StaleCase(ValidationError):
    """Someone else saved the case since this form was opened."""

    def __init__(self, changes: dict, events: list):
        self.changes = changes  # field -> (value when the form was opened, value now)
        self.events = events  # what happened meanwhile, newest first
        super().__init__(
            _("Someone else changed this case while you were editing it. Nothing was saved.")
        )


class ChangedMeanwhile(ValidationError):
    """The case changed after the form for a step was opened."""


def changed_meanwhile(case: Case) -> ChangedMeanwhile:
    """The refusal of a step whose form was opened before the case's latest change."""
    latest = case.events.select_related("by").order_by("-at", "-id").first()
    return ChangedMeanwhile(
        _(
            "This case changed after you opened the form (latest: %(what)s by %(who)s on "
            "%(on)s). Nothing was saved: check the case as it is now and try again."
        )
        % {
            "what": latest.get_kind_display() if latest else "",
            "who": latest.by.display_name if latest else "",
            "on": latest.on.isoformat() if latest else "",
        }
    )


def case_expect_version(*, case: Case, version: int | None) -> Case:
    """Lock the case and refuse a step whose form was opened on an older version of it. Call
    it inside the transaction that takes the step, so the lock holds until the step is saved."""
    locked = _locked(case)
    if version is not None and locked.version != version:
        raise changed_meanwhile(locked)
    return locked


def phase_on(campaign: Campaign, day: date) -> Phase | None:
    phases = [p for p in campaign.phases.all() if p.is_on(day)]
    # A phase that runs across the others (the first plan's 检查督促) is the longest: a case
    # belongs to the narrowest phase it came in.
    phases.sort(key=lambda p: ((p.ends_on - p.starts_on).days, p.number))
    return (phases or [None])[0]


def is_priority(topic: Topic) -> bool:
    """A topic the plan marks for priority, or gives a time limit of its own (依法优先)."""
    return topic.priority or bool(topic.time_limit_days)


def default_deadline(case: Case, today: date) -> date | None:
    """The deadline of a case assigned without one: its topic's time limit in working days
    from the day of assignment, if the topic has one."""
    limit = case.topic.time_limit_days
    return add_workdays(today, limit) if limit else None


def _next_number(campaign: Campaign, year: int) -> int:
    counter, _created = LedgerCounter.objects.select_for_update().get_or_create(
        campaign=campaign, year=year
    )
    counter.last = F("last") + 1
    counter.save(update_fields=["last"])
    counter.refresh_from_db(fields=["last"])
    return counter.last


def _event(case, *, user, kind, from_status="", note="", changes=None, on=None) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case,
        kind=kind,
        by=user,
        unit_id=user.unit_id,
        on=on or clock.today(),
        from_status=from_status,
        to_status=case.status,
        note=note,
        changes=changes or {},
    )


def _locked(case: Case) -> Case:
    return (
        # Lock the case row only: PostgreSQL cannot lock the nullable side of an outer join.
        Case.objects.select_for_update(of=("self",))
        .select_related("campaign", "lead_unit", "township", "topic", "leader")
        .prefetch_related("co_units", "extensions")
        .get(pk=case.pk)
    )


def _require(user, action: str, case: Case) -> None:
    if not access.can(user, action, case):
        raise PermissionDenied


def _save(case: Case, fields: list[str]) -> None:
    case.version = F("version") + 1
    case.save(update_fields=[*fields, "version", "updated_at"])
    case.refresh_from_db(fields=["version"])


@transaction.atomic
def case_register(
    *,
    user,
    topic: Topic,
    description: str,
    source: str,
    township: Unit | None,
    household: Household | None = None,
    garrison: Unit | None = None,
    subject_unit: Unit | None = None,
    findings: Iterable[Finding] = (),
    note: str = "",
) -> Case:
    if not access.can_register_case(user, township):
        raise PermissionDenied
    if household is not None and (township is None or household.township_id != township.pk):
        raise ValidationError(_("The household does not belong to this township."))
    # The case is the registering county's (a clerk's or the office's own), in its current
    # campaign, whichever campaign the user is looking at.
    campaign = current_campaign(county_in_view_id(user))
    if campaign is None:
        raise ValidationError(_("No campaign has been loaded yet."))
    for unit in (township, garrison, subject_unit):
        if unit is not None and unit.area_id != campaign.county_id:
            raise PermissionDenied  # another county's unit
    if topic.campaign_id != campaign.pk:
        raise ValidationError(
            _("Topic “%(topic)s” is not one of the campaign “%(campaign)s”.")
            % {"topic": topic, "campaign": campaign.name}
        )
    today = clock.today()
    findings = list(findings)
    taken = CaseFinding.objects.filter(finding__in=findings).select_related("case")
    for link in taken:
        raise ValidationError(
            _("This finding is already on the ledger as case %(number)s.")
            % {"number": link.case.number}
        )
    case = Case(
        campaign=campaign,
        year=today.year,
        sequence=0,
        topic=topic,
        household=household,
        garrison=garrison,
        subject_unit=subject_unit,
        township=township,
        description=description.strip(),
        source=source,
        priority=is_priority(topic),
        registered_on=today,
        registered_by=user,
        registered_phase=phase_on(campaign, today),
    )
    case.full_clean(exclude=["sequence"])
    case.sequence = _next_number(campaign, today.year)
    case.save()
    CaseFinding.objects.bulk_create(CaseFinding(case=case, finding=f) for f in findings)
    _event(case, user=user, kind=CaseEvent.Kind.REGISTERED, note=note)
    return case


@transaction.atomic
def township_now(visit) -> Unit | None:
    """The township a visit's finding is registered under: its household's township as it is
    now, so a finding made before a township merge goes to the surviving township; none for a
    garrison visit charged to no township."""
    if visit.household_id:
        return visit.household.township
    if visit.township_id is None:
        return None
    return visit.township.merged_into or visit.township


def case_register_findings(*, user, findings: list[Finding], merge: bool) -> list[Case]:
    """Put survey findings on the ledger: one case each, or all merged onto one case."""
    if not findings:
        raise ValidationError(_("Choose at least one finding."))
    findings = list(
        Finding.objects.filter(pk__in=[f.pk for f in findings])
        .select_related(
            "topic",
            "visit__household__township",
            "visit__garrison",
            "visit__township__merged_into",
        )
        .order_by("visit__visited_on", "pk")
    )
    if merge:
        first = findings[0]
        subjects = {(f.visit.household_id, f.visit.garrison_id) for f in findings}
        if len(subjects) > 1 or len({f.topic_id for f in findings}) > 1:
            raise ValidationError(
                _("Only findings about the same subject and topic can be merged onto one case.")
            )
        description = "\n".join(dict.fromkeys(f.text for f in findings))
        return [
            case_register(
                user=user,
                topic=first.topic,
                description=description,
                source=Source.SURVEY,
                township=township_now(first.visit),
                household=first.visit.household,
                garrison=first.visit.garrison,
                findings=findings,
            )
        ]
    return [
        case_register(
            user=user,
            topic=f.topic,
            description=f.text,
            source=Source.SURVEY,
            township=township_now(f.visit),
            household=f.visit.household,
            garrison=f.visit.garrison,
            findings=[f],
        )
        for f in findings
    ]


@transaction.atomic
def case_register_from_inspection(
    *, user, finding: InspectionFinding, topic: Topic, description: str = ""
) -> Case:
    """A rectification case (整改) for an inspection finding, kept linked to it."""
    if not access.can_register_from_inspection(user):
        raise PermissionDenied
    if Case.objects.filter(inspection_finding=finding).exists():
        raise ValidationError(_("This inspection finding is already on the ledger."))
    unit = finding.inspection.unit
    case = case_register(
        user=user,
        topic=topic,
        description=description or finding.text,
        source=Source.INSPECTION,
        township=unit if unit.kind == Unit.Kind.TOWNSHIP else None,
        subject_unit=unit,
    )
    case.inspection_finding = finding
    case.save(update_fields=["inspection_finding"])
    return case


@transaction.atomic
def case_assign(
    *,
    user,
    case: Case,
    lead_unit: Unit,
    co_units: Iterable[Unit] = (),
    responsible_person: str,
    responsible_phone: str = "",
    deadline: date | None = None,
    measures: str,
) -> Case:
    case = _locked(case)
    _require(user, "assign", case)
    if deadline is None:
        deadline = default_deadline(case, clock.today())
    if deadline is None:
        raise ValidationError(
            {"deadline": _("Give the working days to complete or a deadline date.")}
        )
    co_units = [u for u in co_units if u.pk != lead_unit.pk]
    if lead_unit.kind not in Unit.WORKING_KINDS:
        raise ValidationError(_("A case is led by a member unit or a township."))
    county = case.campaign.county_id
    if any(unit.area_id != county for unit in [lead_unit, *co_units]):
        raise PermissionDenied  # another county's unit
    if deadline < clock.today():
        raise ValidationError({"deadline": _("The deadline cannot be in the past.")})
    if not measures.strip():
        raise ValidationError({"measures": _("State the measures to be taken.")})
    before = case.status
    case.lead_unit = lead_unit
    case.responsible_person = responsible_person
    case.responsible_phone = responsible_phone
    case.measures = measures.strip()
    case.deadline = deadline
    if case.original_deadline is None:
        case.original_deadline = deadline
    if case.status in (Status.REGISTERED, Status.RETURNED) or before == Status.ASSIGNED:
        case.status = Status.ASSIGNED
    case.declined_by = None
    _save(
        case,
        [
            "declined_by",
            "lead_unit",
            "responsible_person",
            "responsible_phone",
            "measures",
            "deadline",
            "original_deadline",
            "status",
        ],
    )
    case.co_units.set(co_units)
    _event(
        case,
        user=user,
        kind=CaseEvent.Kind.ASSIGNED,
        from_status=before,
        note=measures,
        changes={
            "lead_unit": lead_unit.name,
            "co_units": [u.name for u in co_units],
            "deadline": deadline.isoformat(),
            "responsible_person": responsible_person,
        },
    )
    return case


@transaction.atomic
def case_decline(*, user, case: Case, reason: str) -> Case:
    """退回交办: the lead unit hands an assignment it has not accepted back to the office as
    none of its business. The case waits, unassigned, in the office's queue of declined
    cases until it is assigned again."""
    case = _locked(case)
    if case.status != Status.ASSIGNED and access.leads(user, case):
        raise ValidationError(
            _(
                "This case is no longer waiting to be accepted (it is now %(status)s), so the "
                "assignment cannot be declined. Nothing was saved."
            )
            % {"status": case.get_status_display()}
        )
    _require(user, "decline", case)
    if not reason.strip():
        raise ValidationError(
            {"reason": _("Say why the case is not your unit's business; the office needs it.")}
        )
    co_units = list(case.co_units.all())
    changes = {
        "lead_unit": case.lead_unit.name,
        "co_units": [u.name for u in co_units],
        "responsible_person": case.responsible_person,
        "deadline": case.deadline.isoformat() if case.deadline else "",
    }
    case.declined_by = case.lead_unit
    case.lead_unit = None
    case.responsible_person = case.responsible_phone = ""
    case.deadline = case.original_deadline = None
    case.status = Status.REGISTERED
    _save(
        case,
        [
            "declined_by",
            "lead_unit",
            "responsible_person",
            "responsible_phone",
            "deadline",
            "original_deadline",
            "status",
        ],
    )
    case.co_units.clear()
    _event(
        case,
        user=user,
        kind=CaseEvent.Kind.DECLINED,
        from_status=Status.ASSIGNED,
        note=reason.strip(),
        changes=changes,
    )
    return case


@transaction.atomic
def case_accept(*, user, case: Case, note: str = "") -> Case:
    case = _locked(case)
    _require(user, "accept", case)
    case.status = Status.IN_PROGRESS
    _save(case, ["status"])
    _event(case, user=user, kind=CaseEvent.Kind.ACCEPTED, from_status=Status.ASSIGNED, note=note)
    return case


@transaction.atomic
def case_report_progress(*, user, case: Case, on: date, note: str) -> Case:
    case = _locked(case)
    _require(user, "progress", case)
    if not note.strip():
        raise ValidationError({"note": _("Describe the progress made.")})
    if on > clock.today():
        raise ValidationError({"on": _("A progress report cannot be dated in the future.")})
    _event(
        case,
        user=user,
        kind=CaseEvent.Kind.PROGRESS,
        from_status=case.status,
        note=note.strip(),
        on=on,
    )
    _save(case, [])
    return case


@transaction.atomic
def case_resolve(*, user, case: Case, result: str) -> Case:
    case = _locked(case)
    _require(user, "resolve", case)
    if not result.strip():
        raise ValidationError({"result": _("State the result.")})
    before = case.status
    case.status = Status.RESOLVED
    case.result = result.strip()
    case.resolved_on = clock.today()
    _save(case, ["status", "result", "resolved_on"])
    _event(case, user=user, kind=CaseEvent.Kind.RESOLVED, from_status=before, note=result)
    return case


@transaction.atomic
def case_close(*, user, case: Case, note: str = "") -> Case:
    case = _locked(case)
    _require(user, "close", case)
    today = clock.today()
    case.status = Status.CLOSED
    case.closed_by = user
    case.closed_on = today
    case.revisit_due = today + timedelta(days=REVISIT_AFTER_DAYS)
    case.revisited_on = None
    case.satisfaction = ""
    _save(case, ["status", "closed_by", "closed_on", "revisit_due", "revisited_on", "satisfaction"])
    _event(case, user=user, kind=CaseEvent.Kind.CLOSED, from_status=Status.RESOLVED, note=note)
    return case


@transaction.atomic
def case_return(*, user, case: Case, reason: str) -> Case:
    case = _locked(case)
    _require(user, "return", case)
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for returning the case.")})
    case.status = Status.RETURNED
    case.resolved_on = None
    _save(case, ["status", "resolved_on"])
    _event(case, user=user, kind=CaseEvent.Kind.RETURNED, from_status=Status.RESOLVED, note=reason)
    return case


@transaction.atomic
def case_request_extension(*, user, case: Case, new_deadline: date, reason: str):
    case = _locked(case)
    _require(user, "request_extension", case)
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the extension.")})
    if new_deadline <= case.deadline:
        raise ValidationError(
            {"new_deadline": _("The new deadline must be later than the current one.")}
        )
    request = ExtensionRequest.objects.create(
        case=case,
        requested_by=user,
        requested_on=clock.today(),
        current_deadline=case.deadline,
        new_deadline=new_deadline,
        reason=reason.strip(),
    )
    _event(
        case,
        user=user,
        kind=CaseEvent.Kind.EXTENSION_REQUESTED,
        from_status=case.status,
        note=reason,
        changes={"new_deadline": new_deadline.isoformat()},
    )
    _save(case, [])
    return request


@transaction.atomic
def case_decide_extension(*, user, case: Case, approve: bool, note: str = ""):
    case = _locked(case)
    _require(user, "decide_extension", case)
    request = case.extensions.select_for_update().get(decision=ExtensionRequest.Decision.PENDING)
    request.decision = (
        ExtensionRequest.Decision.APPROVED if approve else ExtensionRequest.Decision.REFUSED
    )
    request.decided_by = user
    request.decided_on = clock.today()
    request.decision_note = note
    request.save(update_fields=["decision", "decided_by", "decided_on", "decision_note"])
    changes = {}
    if approve:
        changes = {"deadline": [case.deadline.isoformat(), request.new_deadline.isoformat()]}
        case.deadline = request.new_deadline
        _save(case, ["deadline"])
    else:
        _save(case, [])
    _event(
        case,
        user=user,
        kind=CaseEvent.Kind.EXTENSION_APPROVED if approve else CaseEvent.Kind.EXTENSION_REFUSED,
        from_status=case.status,
        note=note,
        changes=changes,
    )
    return request


@transaction.atomic
def case_revisit(*, user, case: Case, satisfaction: str, note: str = "") -> Case:
    """The revisit (回头看) after closure; 不满意 reopens the case with its lead unit."""
    case = _locked(case)
    _require(user, "revisit", case)
    if satisfaction not in Satisfaction.values:
        raise ValidationError({"satisfaction": _("Choose the beneficiary's satisfaction.")})
    case.revisited_on = clock.today()
    case.satisfaction = satisfaction
    fields = ["revisited_on", "satisfaction"]
    _event(
        case,
        user=user,
        kind=CaseEvent.Kind.REVISITED,
        from_status=case.status,
        note=note,
        changes={"satisfaction": satisfaction},
    )
    if satisfaction == Satisfaction.DISSATISFIED:
        case.status = Status.IN_PROGRESS
        case.closed_on = None
        case.closed_by = None
        case.resolved_on = None
        case.reopened_count += 1
        # The result it was closed with is history now, kept on the reopening event.
        earlier = case.result
        case.result = ""
        fields += ["status", "closed_on", "closed_by", "resolved_on", "reopened_count", "result"]
        _save(case, fields)
        _event(
            case,
            user=user,
            kind=CaseEvent.Kind.REOPENED,
            from_status=Status.CLOSED,
            note=note or _("The beneficiary was dissatisfied."),
            changes={"result": [earlier, ""]},
        )
    else:
        _save(case, fields)
    return case


@transaction.atomic
def case_edit(*, user, case: Case, version: int, original: dict, data: dict) -> Case:
    """Change the case's text fields. `original` holds the values the form was opened with;
    a save made on a stale copy is refused with what changed meanwhile."""
    stored = _locked(case)
    _require(user, "edit", stored)
    if stored.version != version:
        changed = {
            field: (original.get(field), _as_text(getattr(stored, field)))
            for field in EDITABLE_FIELDS
            if _as_text(getattr(stored, field)) != original.get(field)
        }
        since = list(stored.events.select_related("by").order_by("-at")[: stored.version - version])
        raise StaleCase(changed, since)
    changes = {}
    for field in EDITABLE_FIELDS:
        if field in data and getattr(stored, field) != data[field]:
            changes[field] = [_as_text(getattr(stored, field)), _as_text(data[field])]
            if field in MASKED_IN_EVENTS:
                changes[field] = [mask_phone(value) for value in changes[field]]
            setattr(stored, field, data[field])
    if not changes:
        return stored
    if "topic" in changes:
        stored.priority = is_priority(stored.topic) or stored.priority
    stored.full_clean(exclude=["sequence"])
    _save(stored, [*[f for f in EDITABLE_FIELDS if f in changes], "priority"])
    _event(
        stored, user=user, kind=CaseEvent.Kind.EDITED, from_status=stored.status, changes=changes
    )
    return stored


def _as_text(value) -> str:
    return "" if value is None else str(value)


@transaction.atomic
def case_set_leader(*, user, case: Case, leader, note: str = "") -> Case:
    """包案: the office names the county leader who takes the case personally, or clears him
    (leader None)."""
    case = _locked(case)
    _require(user, "set_leader", case)
    if leader is not None and not access.may_lead(leader, case):
        refusal = _("%(name)s is not a leader of this county.")
        raise ValidationError({"leader": refusal % {"name": leader.display_name}})
    if leader is None and case.leader_id is None:
        raise ValidationError({"leader": _("The case has no leader in charge to clear.")})
    if leader is not None and leader.pk == case.leader_id:
        raise ValidationError(
            {"leader": _("%(name)s already leads this case.") % {"name": leader.display_name}}
        )
    before = case.leader.display_name if case.leader_id else ""
    case.leader = leader
    _save(case, ["leader"])
    _event(
        case,
        user=user,
        kind=CaseEvent.Kind.LEADER_SET,
        from_status=case.status,
        note=note.strip(),
        changes={"leader": [before, leader.display_name if leader else ""]},
    )
    return case


@transaction.atomic
def case_instruct(*, user, case: Case, text: str) -> CaseEvent:
    """批示: the leader in charge writes an instruction on his case, for the units that
    handle it to read on the case page."""
    case = _locked(case)
    _require(user, "instruct", case)
    if not text.strip():
        raise ValidationError({"text": _("Write the instruction.")})
    event = _event(
        case, user=user, kind=CaseEvent.Kind.INSTRUCTED, from_status=case.status, note=text.strip()
    )
    _save(case, [])
    return event
