"""The ledger's reads: derived flags (overdue, due soon, carried over) as SQL expressions, so
filters, sorting and counts stay in the database whatever the number of rows."""

from datetime import date

from django.db.models import BooleanField, Exists, OuterRef, Q, QuerySet, Value, When
from django.db.models import Case as Conditional

from campaign.models import Campaign
from grievances import access
from grievances.models import Case, ExtensionRequest
from grievances.states import carried_over_q, due_soon_q, escalated_q, open_q, overdue_q


def _flag(condition: Q):
    return Conditional(
        When(condition, then=Value(True)), default=Value(False), output_field=BooleanField()
    )


def with_flags(queryset: QuerySet, *, today: date, campaign: Campaign | None) -> QuerySet:
    return queryset.annotate(
        is_overdue=_flag(overdue_q(today)),
        is_escalated=_flag(escalated_q(today)),
        is_due_soon=_flag(due_soon_q(today)),
        is_carried_over=_flag(carried_over_q(campaign, today)),
        has_pending_extension=Exists(
            ExtensionRequest.objects.filter(
                case=OuterRef("pk"), decision=ExtensionRequest.Decision.PENDING
            )
        ),
    )


def ledger_rows(*, user, today: date, campaign: Campaign | None) -> QuerySet:
    return with_flags(
        # Five joins, not eight: PostgreSQL's planner spends longer choosing a join order over
        # nine relations (≈ 50 ms) than running the page (≈ 1 ms). Garrison and unit subjects
        # are few and come in their own small queries.
        Case.objects.visible_to(user)
        .select_related("topic", "township", "lead_unit", "household", "leader")
        .prefetch_related("garrison", "subject_unit"),
        today=today,
        campaign=campaign,
    )


def cases_led(*, user, today: date, campaign: Campaign | None, only_open: bool = False):
    """A leader's own cases, or for the office every case a leader takes; only_open: those
    still being worked on."""
    rows = ledger_rows(user=user, today=today, campaign=campaign).filter(
        access.cases_led_scope(user)
    )
    return rows.filter(open_q()) if only_open else rows
