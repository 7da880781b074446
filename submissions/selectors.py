"""Reading report requests: the lists' rows with their counts, one request's per-unit states,
the workbench's items and the assessment's late and missing reports."""

from datetime import timedelta

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaign import clock
from submissions import access, states
from submissions.models import ReportRequest, Submission

DUE_SOON_DAYS = 7


def _count(queryset: QuerySet, key: str):
    grouped = queryset.order_by().values(key).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(grouped[:1]), Value(0), output_field=IntegerField())


def requests_with_counts(queryset: QuerySet, user) -> QuerySet:
    """Each request with how many units it asks, and how many submitted, late, missing (for
    the county's readers) or this unit's own submission (for a unit)."""
    today = clock.today()
    own = Submission.objects.filter(request=OuterRef("pk"))
    asked = ReportRequest.units.through.objects.filter(reportrequest=OuterRef("pk"))
    rows = queryset.annotate(n_asked=_count(asked, "reportrequest"))
    if access.reads_all_units(user):
        answered = Submission.objects.filter(
            request=OuterRef("reportrequest_id"), unit=OuterRef("unit_id")
        )
        missing = asked.filter(reportrequest__due_on__lt=today).exclude(Exists(answered))
        return rows.annotate(
            n_submitted=_count(own, "request"),
            n_late=_count(own.filter(late=True), "request"),
            n_missing=_count(missing, "reportrequest"),
        )
    mine = own.filter(unit_id=user.unit_id)
    return rows.annotate(
        own_status=Subquery(mine.values("status")[:1]),
        own_late=Subquery(mine.values("late")[:1]),
    )


def owed_by(queryset: QuerySet, user) -> QuerySet:
    """待报送: asked of this unit, standing, due within a week or overdue, not submitted."""
    soon = clock.today() + timedelta(days=DUE_SOON_DAYS)
    submitted = Submission.objects.filter(request=OuterRef("pk"), unit_id=user.unit_id)
    return queryset.filter(withdrawn=False, due_on__lte=soon).exclude(Exists(submitted))


def row_state(row, user) -> str | None:
    """A unit's state of a list row (None for the county's readers, who see counts)."""
    if access.reads_all_units(user):
        return None
    if row.own_status is None:
        return states.state_of(row.due_on, None, clock.today())
    return states.state_of(row.due_on, Submission(status=row.own_status, late=row.own_late), None)


def unit_states(request: ReportRequest, submissions) -> list[dict]:
    """Each unit asked, with its submission and state (the units are prefetched)."""
    today = clock.today()
    by_unit = {s.unit_id: s for s in submissions}
    rows = []
    for unit in request.units.order_by("kind", "name"):
        submission = by_unit.get(unit.pk)
        state = states.state_of(request.due_on, submission, today)
        rows.append({"unit": unit, "submission": submission, "state": state})
    return rows


def state_counts(rows: list[dict]) -> dict:
    found = {key: 0 for key in states.LABELS}
    for row in rows:
        found[row["state"]] += 1
    submitted = sum(1 for row in rows if row["submission"] is not None)
    late = sum(1 for row in rows if row["submission"] is not None and row["submission"].late)
    return found | {"submitted": submitted, "late_submitted": late, "asked": len(rows)}


def unit_items(user) -> list:
    """A unit's workbench: reports owed soon or overdue, and reports returned for revision."""
    from campaign.selectors import campaign_for
    from campaign.workbench import Item

    campaign = campaign_for(user)
    requests = ReportRequest.objects.visible_to(user).filter(campaign=campaign)
    owed = owed_by(requests, user).count()
    returned = (
        Submission.objects.visible_to(user)
        .filter(request__campaign=campaign, status=Submission.Status.RETURNED)
        .count()
    )
    return [
        Item(
            key="reports_owed",
            label=_("Reports due"),
            count=owed,
            url=reverse("submissions:requests") + "?owed=yes",
            urgent=True,
        ),
        Item(
            key="reports_returned",
            label=_("Reports returned"),
            count=returned,
            url=reverse("submissions:submissions") + "?status=returned",
            urgent=True,
        ),
    ]


def office_items(user) -> list:
    from campaign.selectors import campaign_for
    from campaign.workbench import Item

    waiting = (
        Submission.objects.visible_to(user)
        .filter(request__campaign=campaign_for(user), status=Submission.Status.SUBMITTED)
        .count()
    )
    return [
        Item(
            key="reports_to_review",
            label=_("Reports to review"),
            count=waiting,
            url=reverse("submissions:submissions") + "?status=submitted",
        )
    ]


def late_and_missing(units: QuerySet, year: int, campaigns) -> QuerySet:
    """Units annotated with their late (n_late_reports) and missing (n_missing_reports)
    reports of requests due in the year: one query for any number of units."""
    today = clock.today()
    due = Q(request__withdrawn=False, request__due_on__year=year, request__campaign__in=campaigns)
    late = Submission.objects.filter(due, unit=OuterRef("pk"), late=True)
    asked = ReportRequest.units.through.objects.filter(
        unit=OuterRef("pk"),
        reportrequest__withdrawn=False,
        reportrequest__due_on__year=year,
        reportrequest__due_on__lt=today,
        reportrequest__campaign__in=campaigns,
    ).exclude(
        Exists(
            Submission.objects.filter(
                request=OuterRef("reportrequest_id"), unit=OuterRef("unit_id")
            )
        )
    )
    return units.annotate(
        n_late_reports=_count(late, "unit"), n_missing_reports=_count(asked, "unit")
    )
