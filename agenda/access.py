"""Who sees and who changes the campaign's agenda: meetings and their decisions, tasks per unit,
standing mechanisms. The common part of the rule is campaign.access; this module adds the
agenda's scopes (used by each model's visible_to) and its named permissions."""

from django.db.models import Exists, OuterRef, Q

from campaign import access as rule

# Scopes for users who do not read the whole county (None: nothing).


def meeting_scope(user) -> Q | None:
    """A township or member unit reads the meetings it attended."""
    from agenda.models import Meeting

    if not rule.works_in_a_unit(user):
        return None
    attended = Meeting.attending_units.through.objects.filter(
        meeting_id=OuterRef("pk"), unit_id=user.unit_id
    )
    return Q(Exists(attended))


def through_meeting(user) -> Q | None:
    """A decision is read as its meeting."""
    from agenda.models import Meeting

    return Q(meeting__in=Meeting.objects.visible_to(user).values("pk"))


def task_scope(user) -> Q | None:
    """A township or member unit reads the tasks given to it."""
    return Q(unit_id=user.unit_id) if rule.works_in_a_unit(user) else None


def mechanism_scope(user) -> Q | None:
    """A township or member unit reads the mechanisms it is responsible for."""
    from agenda.models import Mechanism

    if not rule.works_in_a_unit(user):
        return None
    responsible = Mechanism.units.through.objects.filter(
        mechanism_id=OuterRef("pk"), unit_id=user.unit_id
    )
    return Q(Exists(responsible))


# Reading.


def reads_agenda(user) -> bool:
    """The county's readers and the units whose work is counted; a garrison liaison has no
    agenda here (404)."""
    return rule.reads_units_work(user)


def filters_by_unit(user) -> bool:
    """A list of the whole county offers a unit filter; a unit's own list does not."""
    return rule.reads_whole_county(user)


def has_tasks(user) -> bool:
    """A unit that writes gets its open and overdue tasks on the workbench."""
    return rule.writes(user) and rule.works_in_a_unit(user)


# Changing.


def keeps_agenda(user) -> bool:
    """Meetings, decisions, tasks and mechanisms are the county office's to record."""
    return rule.office_writes(user)


def reports_on(user, task) -> bool:
    """The unit the task was given to reports on it (and the office may on its behalf)."""
    return rule.office_writes(user) or (rule.writes(user) and task.unit_id == user.unit_id)


def can_mark_done(user, task) -> bool:
    return not task.is_done and reports_on(user, task)


def can_follow_up(user, decision) -> bool:
    """Opening a case or a task from a decision: the office, once per decision."""
    return rule.office_writes(user) and not decision.followed_up
