"""One demo case's life, step by step: registered, assigned, worked through (accepted, progress
reported, perhaps an extension), resolved, then returned or closed off and perhaps revisited and
reopened. Each step fills in the case as the workflow services would and notes the event they
would record. The random draws are made in the order the demo has always made them, so the
same seed gives the same ledger."""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from campaign.models import Unit, User
from grievances.models import Case, CaseEvent, ExtensionRequest, Satisfaction, Status
from grievances.services import REVISIT_AFTER_DAYS
from grievances.workdays import add_workdays
from outreach.models import Finding

TODAY = date(2016, 3, 15)  # the demo's pinned date (see the Makefile): nothing happens after it
MEASURES = [
    "协调相关部门落实政策，限期办结。",
    "实地核查后制定帮扶方案，落实专项资金。",
    "安排法律援助律师跟进，依法优先办理。",
    "纳入年度计划，分步解决。",
]
EXTENSION_REASON = "涉及多部门协调，需延长办理时限。"
# How far each case gets; a plan takes every step of the ones before it.
PLANS = ["registered", "assigned", "in_progress", "resolved", "returned", "closed"]
PLAN_WEIGHTS = [8, 8, 27, 10, 5, 42]


@dataclass
class CaseDraft:
    """A case before it is saved, the finding it came from and the events of its life."""

    case: Case
    finding: Finding
    events: list[tuple] = field(default_factory=list)
    extension: ExtensionRequest | None = None

    def record(
        self, kind, on: date, by: User, from_status: str, to_status: str, note="", changes=None
    ):
        self.events.append((kind, on, by, from_status, to_status, note, changes or {}))


def draw_plan(rng: random.Random) -> str:
    return rng.choices(PLANS, weights=PLAN_WEIGHTS)[0]


def advance(
    rng: random.Random, draft: CaseDraft, plan: str, *, office: User, lead: Unit, lead_user: User
) -> None:
    """Take a registered case as far as its plan says."""
    if plan == "registered":
        return
    assigned_on = assign(rng, draft, office=office, lead=lead, lead_user=lead_user)
    if plan == "assigned":
        return
    accepted_on = work_through(rng, draft, office=office, lead_user=lead_user, since=assigned_on)
    if plan == "in_progress":
        return
    resolved_on = resolve(rng, draft, lead_user=lead_user, since=accepted_on)
    if plan == "returned":
        send_back(draft, office=office, since=resolved_on)
    elif plan == "closed":
        close_off(rng, draft, office=office, since=resolved_on)


def assign(
    rng: random.Random, draft: CaseDraft, *, office: User, lead: Unit, lead_user: User
) -> date:
    case = draft.case
    assigned_on = add_workdays(case.registered_on, 2)
    case.lead_unit = lead
    case.measures = rng.choice(MEASURES)
    case.responsible_person = lead_user.display_name
    case.responsible_phone = f"139{rng.randrange(10**8):08d}"
    case.deadline = case.original_deadline = add_workdays(assigned_on, rng.choice([10, 20, 30, 60]))
    case.status = Status.ASSIGNED
    draft.record(
        CaseEvent.Kind.ASSIGNED,
        assigned_on,
        office,
        Status.REGISTERED,
        Status.ASSIGNED,
        case.measures,
    )
    return assigned_on


def work_through(
    rng: random.Random, draft: CaseDraft, *, office: User, lead_user: User, since: date
) -> date:
    """The lead unit accepts and reports progress; about one case in eight asks for more time."""
    accepted_on = add_workdays(since, 2)
    draft.record(
        CaseEvent.Kind.ACCEPTED, accepted_on, lead_user, Status.ASSIGNED, Status.IN_PROGRESS
    )
    draft.record(
        CaseEvent.Kind.PROGRESS,
        add_workdays(accepted_on, 5),
        lead_user,
        Status.IN_PROGRESS,
        Status.IN_PROGRESS,
        "已实地走访核实，正在协调落实。",
    )
    draft.case.status = Status.IN_PROGRESS
    if rng.random() < 0.12:
        _extend(rng, draft, office=office, lead_user=lead_user, since=accepted_on)
    return accepted_on


def _extend(
    rng: random.Random, draft: CaseDraft, *, office: User, lead_user: User, since: date
) -> None:
    """An extension of 20 working days, approved three times in four, the rest still pending."""
    case = draft.case
    new_deadline = add_workdays(case.deadline, 20)
    approved = rng.random() < 0.75
    requested_on, decided_on = add_workdays(since, 6), add_workdays(since, 8)
    draft.extension = ExtensionRequest(
        case=case,
        requested_by=lead_user,
        requested_on=requested_on,
        current_deadline=case.deadline,
        new_deadline=new_deadline,
        reason=EXTENSION_REASON,
        decision="approved" if approved else "pending",
        decided_by=office if approved else None,
        decided_on=decided_on if approved else None,
    )
    draft.record(
        CaseEvent.Kind.EXTENSION_REQUESTED,
        requested_on,
        lead_user,
        Status.IN_PROGRESS,
        Status.IN_PROGRESS,
        EXTENSION_REASON,
    )
    if approved:
        draft.record(
            CaseEvent.Kind.EXTENSION_APPROVED,
            decided_on,
            office,
            Status.IN_PROGRESS,
            Status.IN_PROGRESS,
        )
        case.deadline = new_deadline


def resolve(rng: random.Random, draft: CaseDraft, *, lead_user: User, since: date) -> date:
    case = draft.case
    case.resolved_on = min(add_workdays(since, rng.randrange(8, 40)), TODAY)
    case.result = "问题已解决，当事人认可。"
    case.status = Status.RESOLVED
    draft.record(
        CaseEvent.Kind.RESOLVED,
        case.resolved_on,
        lead_user,
        Status.IN_PROGRESS,
        Status.RESOLVED,
        case.result,
    )
    return case.resolved_on


def send_back(draft: CaseDraft, *, office: User, since: date) -> None:
    """The office returns the result for more evidence."""
    case = draft.case
    case.status = Status.RETURNED
    case.resolved_on = None
    draft.record(
        CaseEvent.Kind.RETURNED,
        min(add_workdays(since, 3), TODAY),
        office,
        Status.RESOLVED,
        Status.RETURNED,
        "办理结果依据不足，请补充材料。",
    )


def close_off(rng: random.Random, draft: CaseDraft, *, office: User, since: date) -> None:
    """销号; once the revisit falls due, seven cases in ten have been revisited."""
    case = draft.case
    case.status = Status.CLOSED
    case.closed_on = min(add_workdays(since, 3), TODAY)
    case.closed_by = office
    case.revisit_due = case.closed_on + timedelta(days=REVISIT_AFTER_DAYS)
    draft.record(CaseEvent.Kind.CLOSED, case.closed_on, office, Status.RESOLVED, Status.CLOSED)
    if case.revisit_due <= TODAY and rng.random() < 0.7:
        _revisit(rng, draft, office=office)


def _revisit(rng: random.Random, draft: CaseDraft, *, office: User) -> None:
    """回头看: a dissatisfied beneficiary reopens the case."""
    case = draft.case
    case.revisited_on = case.revisit_due
    case.satisfaction = rng.choices(Satisfaction.values, weights=[70, 24, 6])[0]
    draft.record(CaseEvent.Kind.REVISITED, case.revisit_due, office, Status.CLOSED, Status.CLOSED)
    if case.satisfaction != Satisfaction.DISSATISFIED:
        return
    case.status = Status.IN_PROGRESS
    case.closed_on = case.closed_by = case.resolved_on = None
    case.reopened_count = 1
    earlier, case.result = case.result, ""  # history now, as case_revisit keeps it
    draft.record(
        CaseEvent.Kind.REOPENED,
        case.revisit_due,
        office,
        Status.CLOSED,
        Status.IN_PROGRESS,
        "回访不满意，重新办理。",
        {"result": [earlier, ""]},
    )
