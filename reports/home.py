"""The county at a glance, for those who lead it rather than work its lists: the headline
figures of the current campaign and the units furthest behind, each figure a link to its rows."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.http import urlencode

from campaign import clock
from grievances.models import Case
from grievances.states import Status, open_q, overdue_q
from outreach.models import Household
from outreach.selectors import survey_coverage, visited_in_view

BEHIND_SHOWN = 5


def county_at_a_glance(user) -> dict:
    today = clock.today()
    # The whole ledger the user reads, as the ledger and the to-do list show it.
    cases = Case.objects.visible_to(user)
    figures = cases.aggregate(
        registered=Count("pk"),
        in_hand=Count("pk", filter=open_q()),
        to_close=Count("pk", filter=Q(status=Status.RESOLVED)),
        closed=Count("pk", filter=Q(status=Status.CLOSED)),
        overdue=Count("pk", filter=overdue_q(today)),
    )
    figures["closed_rate"] = (
        round(100 * figures["closed"] / figures["registered"], 1) if figures["registered"] else None
    )
    coverage = survey_coverage(user)
    inbox = reverse("grievances:inbox")
    overdue_units = [
        {
            "name": row["lead_unit__name"],
            "count": row["count"],
            "url": f"{inbox}?{urlencode({'queue': 'overdue', 'lead_unit': row['lead_unit_id']})}",
        }
        for row in cases.filter(overdue_q(today), lead_unit__isnull=False)
        .values("lead_unit_id", "lead_unit__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "lead_unit__name")[:BEHIND_SHOWN]
    ]
    visited = visited_in_view(user)
    households = reverse("outreach:households")
    least_visited = [
        {
            "name": row["township__name"],
            "count": row["not_visited"],
            "total": row["total"],
            "url": f"{households}?{urlencode({'township': row['township_id'], 'visited': 'no'})}",
        }
        for row in Household.objects.visible_to(user)
        .active()
        .values("township_id", "township__name")
        .annotate(total=Count("pk"), not_visited=Count("pk", filter=~Q(visited)))
        .filter(not_visited__gt=0)
        .order_by("-not_visited", "township__name")[:BEHIND_SHOWN]
    ]
    return {
        "figures": figures,
        "coverage": coverage,
        "overdue_url": f"{inbox}?queue=overdue",
        "ledger_url": reverse("grievances:ledger"),
        "overdue_units": overdue_units,
        "least_visited": least_visited,
    }
