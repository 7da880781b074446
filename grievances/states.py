"""A case's status, and the states derived from it and the calendar: overdue, due soon, carried
over. Each is defined here once, as a condition the database evaluates (for lists, filters and
the reports' aggregates) and, where a single case is shown, in Python with the same meaning."""

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from grievances.workdays import add_workdays, workdays_between


class Status(models.TextChoices):
    REGISTERED = "registered", _("registered")
    ASSIGNED = "assigned", _("assigned")
    IN_PROGRESS = "in_progress", _("in progress")
    RESOLVED = "resolved", _("resolved")
    RETURNED = "returned", _("returned")
    CLOSED = "closed", _("closed off")
    # A campaign's end: the case goes on in the next campaign under a new number, or the
    # office ends it unsolved with a reason. Neither is open, resolved nor closed off (solved).
    CARRIED = "carried", _("carried into the next campaign")
    ENDED = "ended", _("closed at the campaign's end")


# Still being worked on: neither reported resolved nor closed off.
OPEN_STATUSES = [Status.REGISTERED, Status.ASSIGNED, Status.IN_PROGRESS, Status.RETURNED]
# Settled when a campaign ended, without being solved: closed_on holds the day, so the
# campaign's figures count the case as no longer in hand from then on.
CONCLUDED_STATUSES = [Status.CARRIED, Status.ENDED]
# Done with in this campaign, whether solved or not: such a case stays where it was.
FINISHED_STATUSES = [Status.CLOSED, *CONCLUDED_STATUSES]
DUE_SOON_WORKDAYS = 3


def open_q() -> Q:
    return Q(status__in=OPEN_STATUSES)


def overdue_q(today: date) -> Q:
    """Open and past its deadline (the one in force: an approved extension moves it)."""
    return open_q() & Q(deadline__lt=today)


def escalated_q(today: date) -> Q:
    """A priority case (依法优先) still open past its deadline: it goes up to the office and
    the county leaders."""
    return overdue_q(today) & Q(priority=True)


def due_soon_limit(today: date) -> date:
    return add_workdays(today, DUE_SOON_WORKDAYS)


def due_soon_q(today: date) -> Q:
    """Open, with its deadline today or within the next DUE_SOON_WORKDAYS working days."""
    return open_q() & Q(deadline__gte=today, deadline__lte=due_soon_limit(today))


def carry_over_end(campaign) -> date | None:
    """The end of the phase whose open cases are carried over to follow-up (the plan flags
    it: the first plan's 排忧解难), if the campaign has one."""
    phase = campaign and next((p for p in campaign.phases.all() if p.carries_over), None)
    return phase.ends_on if phase else None


def carried_over_q(campaign, today: date) -> Q:
    """Open when the carrying-over phase ended: registered by then and not closed off by then;
    such cases are followed up in the phases after it. Before it ends nothing is carried
    over."""
    end = carry_over_end(campaign)
    if end is None or today <= end:
        return Q(pk__in=[])
    return Q(registered_on__lte=end) & (Q(closed_on__isnull=True) | Q(closed_on__gt=end))


def is_open(case) -> bool:
    return case.status in OPEN_STATUSES


def is_overdue(case, today: date) -> bool:
    return is_open(case) and case.deadline is not None and case.deadline < today


def is_escalated(case, today: date) -> bool:
    return case.priority and is_overdue(case, today)


def deadline_standing(case, today: date) -> tuple[str, int] | None:
    """How an open case's deadline stands today, for the words beside it: ("left", n) working
    days still to go, ("today", 0) due today, ("none_left", 0) no working day before a deadline
    that falls after today, ("overdue", n) n working days past it (n may be 0 when only a
    weekend or holiday has passed since). None for a closed case or one without a deadline."""
    if not is_open(case) or case.deadline is None:
        return None
    if case.deadline < today:
        return "overdue", -workdays_between(today, case.deadline)
    if case.deadline == today:
        return "today", 0
    left = workdays_between(today, case.deadline)
    return ("left", left) if left else ("none_left", 0)
