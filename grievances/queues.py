"""What waits for someone on the ledger, as named queues. Each queue is a condition the database
evaluates, so a queue's count (one aggregate query for all of a user's queues) and the list it
opens are the same rows by construction; and each list runs in the order work is done: overdue
longest first, then due soonest, then newest."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Case as Conditional
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from grievances import access
from grievances.models import Case, ExtensionRequest
from grievances.states import Status, due_soon_q, open_q, overdue_q


@dataclass(frozen=True)
class Queue:
    name: str
    label: str
    hint: str
    condition: Callable  # (user, today) -> Q over Case's own fields
    newest_first: str = "-registered_on"


def _pending_extension(user, today) -> Q:
    return Q(
        Exists(
            ExtensionRequest.objects.filter(
                case=OuterRef("pk"), decision=ExtensionRequest.Decision.PENDING
            )
        )
    )


def _revisit_due(user, today) -> Q:
    return Q(status=Status.CLOSED, revisit_due__lte=today, revisited_on__isnull=True)


OFFICE_QUEUES = [
    Queue(
        "unassigned",
        _("Waiting to be assigned"),
        _("Registered cases with no lead unit yet."),
        lambda user, today: Q(status=Status.REGISTERED, declined_by__isnull=True),
    ),
    Queue(
        "declined",
        _("Assignments declined"),
        _(
            "A unit handed these back as not its business (退回交办), with its reason: "
            "assign them again."
        ),
        lambda user, today: Q(status=Status.REGISTERED, declined_by__isnull=False),
    ),
    Queue(
        "to_close",
        _("Resolved, waiting to be closed off"),
        _("The lead unit reported these resolved: check the result and close off or return."),
        lambda user, today: Q(status=Status.RESOLVED),
        newest_first="-resolved_on",
    ),
    Queue(
        "extension_requests",
        _("Extension requests"),
        _("Lead units asked for more time: approve or refuse."),
        _pending_extension,
    ),
    Queue(
        "overdue",
        _("Overdue"),
        _("Open cases past their deadline, whatever year they were registered in."),
        lambda user, today: overdue_q(today),
    ),
    Queue(
        "due_soon",
        _("Due soon"),
        _("Open cases due within three working days."),
        lambda user, today: due_soon_q(today),
    ),
    Queue(
        "revisits_due",
        _("Revisits due"),
        _("Closed cases whose follow-up visit (回头看) is due."),
        _revisit_due,
    ),
]


def _mine(user) -> Q:
    unit = user.unit_id
    return Q(lead_unit_id=unit) | Q(co_units__id=unit)


UNIT_QUEUES = [
    Queue(
        "to_accept",
        _("To accept"),
        _("Cases assigned to your unit: accept them to start work."),
        lambda user, today: Q(status=Status.ASSIGNED, lead_unit_id=user.unit_id),
    ),
    Queue(
        "overdue",
        _("Overdue"),
        _("Cases your unit leads or helps with that are past their deadline."),
        lambda user, today: overdue_q(today) & _mine(user),
    ),
    Queue(
        "due_soon",
        _("Due soon"),
        _("Due within three working days."),
        lambda user, today: due_soon_q(today) & _mine(user),
    ),
    Queue(
        "in_hand",
        _("Open, in hand"),
        _("Every open case your unit leads or helps with."),
        lambda user, today: open_q() & _mine(user),
    ),
    Queue(
        "revisits_due",
        _("Revisits due"),
        _("Closed cases of your township's households whose follow-up visit (回头看) is due."),
        lambda user, today: (
            _revisit_due(user, today)
            & (Q(township_id=user.unit_id) | Q(township__merged_into_id=user.unit_id))
        ),
    ),
]


def queues_for(user) -> list[Queue]:
    if access.reads_office_queues(user):
        return OFFICE_QUEUES
    if access.has_inbox(user):
        return [q for q in UNIT_QUEUES if q.name != "revisits_due" or access.follows_up(user)]
    return []


def queue_named(user, name: str | None) -> Queue | None:
    return next((q for q in queues_for(user) if q.name == name), None)


def _cases(user, queue: Queue, today: date) -> QuerySet:
    # The condition may join co_units; going through the ids keeps one row per case.
    ids = Case.objects.filter(queue.condition(user, today)).values("pk")
    return Case.objects.visible_to(user).filter(pk__in=ids)


def counts(user, today: date) -> dict[str, int]:
    """Every queue of this user, counted in one query."""
    queues = queues_for(user)
    if not queues:
        return {}
    # distinct: a condition on the units helping with a case joins one row per such unit.
    measures = {q.name: Count("pk", distinct=True, filter=q.condition(user, today)) for q in queues}
    return Case.objects.visible_to(user).aggregate(**measures)


def urgency_order(queryset: QuerySet, today: date, newest_first: str) -> QuerySet:
    """Overdue first, longest overdue at the top; then due soon, soonest first; then newest."""
    urgent = overdue_q(today) | due_soon_q(today)
    return queryset.annotate(
        urgency=Conditional(
            When(overdue_q(today), then=Value(0)),
            When(due_soon_q(today), then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        ),
        urgent_deadline=Conditional(When(urgent, then=F("deadline")), default=None),
    ).order_by(
        "urgency", F("urgent_deadline").asc(nulls_last=True), newest_first, "-year", "-sequence"
    )


def rows(user, queue: Queue, today: date, rows_of: QuerySet, lead_unit=None) -> QuerySet:
    """The queue's cases drawn from `rows_of` (the ledger's annotated rows), urgent first."""
    found = rows_of.filter(pk__in=_cases(user, queue, today).values("pk"))
    if lead_unit is not None:
        found = found.filter(lead_unit_id=lead_unit)
    return urgency_order(found, today, queue.newest_first)


def overdue_by_lead_unit(user, today: date) -> list[dict]:
    """The office's overdue cases counted by lead unit, most first (one query)."""
    return list(
        Case.objects.visible_to(user)
        .filter(overdue_q(today))
        .values("lead_unit_id", "lead_unit__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "lead_unit__name")
    )
