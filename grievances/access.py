"""Who may do what on the ledger. Reading goes through each model's visible_to(user), whose
common part is campaign.access; each workflow step is allowed to one side only, and the services
check it again inside their transaction."""

from django.db.models import Q

from campaign import access as rule
from grievances.states import FINISHED_STATUSES, Status

ASSIGNABLE = {Status.REGISTERED, Status.ASSIGNED, Status.IN_PROGRESS, Status.RETURNED}


# Scopes for users who do not read the whole county (None: nothing).


def case_scope(user) -> Q | None:
    unit = user.unit_id
    if unit is None:
        return None
    if rule.is_township_clerk(user):
        # A township merged into this one left its closed cases behind: this one follows
        # them up (revisits) and reads them.
        return Q(pk__in=_cases_involving(unit, township=True))
    if rule.is_member_unit(user):
        return Q(pk__in=_cases_involving(unit, township=False))
    if rule.is_garrison_liaison(user):
        return Q(garrison_id=unit)
    return None


def _cases_involving(unit, *, township):
    """The ids of the cases a unit leads, is the subject of or helps with (and, for a township,
    those of its own and its merged townships' households), as a UNION of one index lookup
    each. An OR of the same conditions, one of them an EXISTS on the co-units, cannot be
    answered from the indexes: PostgreSQL filtered every case of the county with it."""
    from campaign.models import Unit
    from grievances.models import Case

    cases = Case.objects.order_by()
    branches = [
        cases.filter(lead_unit_id=unit).values("pk"),
        cases.filter(subject_unit_id=unit).values("pk"),
        Case.co_units.through.objects.filter(unit_id=unit).order_by().values("case_id"),
    ]
    if township:
        merged = Unit.objects.filter(merged_into_id=unit).order_by().values("pk")
        branches += [
            cases.filter(township_id=unit).values("pk"),
            cases.filter(township_id__in=merged).values("pk"),
        ]
    first, *rest = branches
    return first.union(*rest)


def through_case(user) -> Q | None:
    """A case's events, findings and extension requests: as the case."""
    from grievances.models import Case

    return Q(case__in=Case.objects.visible_to(user).values("pk"))


def households_on_cases(user) -> Q | None:
    """A member unit reads the households of the cases it leads or helps with (registered in
    outreach.access.household_reach)."""
    from grievances.models import Case

    if not rule.is_member_unit(user):
        return None
    mine = Case.objects.filter(Q(lead_unit_id=user.unit_id) | Q(co_units__id=user.unit_id))
    return Q(pk__in=mine.filter(household__isnull=False).values("household_id"))


# Reading.


def reads_office_queues(user) -> bool:
    """The county's to-do queues (unassigned, awaiting closure …) rather than a unit's inbox."""
    return rule.reads_whole_county(user)


def works_the_ledger(user) -> bool:
    """Has cases to move along: the office, and the county's units that may write."""
    return rule.office_writes(user) or (rule.writes(user) and has_inbox(user))


def has_inbox(user) -> bool:
    return rule.units_of_the_county(user)


# Changing.


def _lead(user, case):
    return rule.writes(user) and case.lead_unit_id is not None and user.unit_id == case.lead_unit_id


def leads(user, case) -> bool:
    """This user's unit leads the case and may write."""
    return _lead(user, case)


def _co(user, case):
    return rule.writes(user) and any(unit.pk == user.unit_id for unit in case.co_units.all())


def _township_follows_up(user, case):
    if not (rule.writes(user) and rule.is_township_clerk(user)) or case.township_id is None:
        return False
    return user.unit_id in (case.township_id, case.township.merged_into_id)


def can_register(user, township=None) -> bool:
    """The office registers any case; a clerk registers the cases of its own township only
    (and must name it)."""
    if rule.office_writes(user):
        return True
    if not (rule.writes(user) and rule.is_township_clerk(user)):
        return False
    return township is None or township.pk == user.unit_id


def can_register_case(user, township) -> bool:
    """Registering one particular case: a clerk's case always belongs to its township."""
    if rule.office_writes(user):
        return True
    return township is not None and can_register(user, township)


def can_register_from_inspection(user) -> bool:
    return rule.office_writes(user)


def allowed_actions(user, case) -> set[str]:
    """The workflow steps this user may take on this case now."""
    actions = set()
    status = case.status
    if rule.office_writes(user):
        actions.add("edit")
        if status in ASSIGNABLE:
            actions.add("assign")
        if status == Status.RESOLVED:
            actions |= {"close", "return"}
        if case.extensions_pending:
            actions.add("decide_extension")
    if _lead(user, case):
        if status == Status.ASSIGNED:
            actions |= {"accept", "decline"}
        if status in (Status.IN_PROGRESS, Status.RETURNED):
            actions |= {"progress", "resolve"}
            if not case.extensions_pending:
                actions.add("request_extension")
    elif _co(user, case) and status in (Status.IN_PROGRESS, Status.RETURNED):
        actions.add("progress")
    if status == Status.CLOSED and case.revisit_due and not case.revisited_on:
        if rule.office_writes(user) or _township_follows_up(user, case):
            actions.add("revisit")
    if can_set_leader(user, case):
        actions.add("set_leader")
    if can_instruct(user, case):
        actions.add("instruct")
    return actions


def can(user, action: str, case) -> bool:
    return action in allowed_actions(user, case)


def follows_up(user) -> bool:
    """A township follows up (回头看) the closed cases of its own households."""
    return rule.is_township_clerk(user)


def chooses_township_on_ledger(user) -> bool:
    """A township's clerk reads its own township's cases (and the few it leads or helps with):
    a choice among all the county's townships, hundreds of them, would only be noise."""
    return not rule.is_township_clerk(user)


def filters_by_township(user) -> bool:
    """Lists of the whole county offer a township filter; a township's own lists do not."""
    return rule.reads_whole_county(user)


# Leaders' cases (包案领导) and the priority by law (依法优先).


def may_lead(candidate, case) -> bool:
    """A user may be named the case's leader: an active county leader of the case's county."""
    return (
        candidate is not None
        and candidate.is_active
        and candidate.unit_id is not None
        and rule.county_leaders(case.campaign.county_id).filter(pk=candidate.pk).exists()
    )


def leader_choices(user):
    """The leaders the office may name on its county's cases."""
    return rule.county_leaders(rule.county_in_view_id(user)).order_by("last_name", "first_name")


def can_set_leader(user, case) -> bool:
    """The office names (or clears) a case's leader while the case is still being worked on."""
    return (
        rule.office_writes(user)
        and case.campaign.county_id == rule.county_in_view_id(user)
        and case.status not in FINISHED_STATUSES
    )


def can_instruct(user, case) -> bool:
    """The leader of a case writes instructions (批示) on it, and only on his own cases."""
    return (
        rule.is_county_leader(user)
        and case.leader_id == user.pk
        and case.status not in FINISHED_STATUSES
    )


def has_cases_led(user) -> bool:
    """A county leader has a list of the cases he takes personally (我包的案件)."""
    return rule.is_county_leader(user)


def reads_cases_led(user) -> bool:
    """The list of leaders' cases: a leader reads his own, the county office (and the offices
    above) every case a leader takes."""
    return rule.reads_whole_county(user)


def cases_led_scope(user) -> Q:
    return Q(leader_id=user.pk) if has_cases_led(user) else Q(leader__isnull=False)


def sees_escalations(user) -> bool:
    """Overdue priority cases go up to the office and the county leaders."""
    return rule.office_writes(user) or rule.is_county_leader(user)
