"""The campaign's years side by side, read at once: the parts of each year's report that the
campaign summary shows (reports.report computes them a year at a time), and the campaign's own
totals beside them. Each kind of record is read in one statement for all the years, grouped by
year or with a column per year, and split here; so the summary takes the same number of queries
in its first year as in its last. Every figure is counted as the year's report counts it (the
same conditions from reports.selectors), so a year's column still equals its year-end
workbook."""

from datetime import date
from functools import cached_property

from django.db.models import Avg, Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import ExtractYear

from campaign.models import Campaign, FiveOnesItem
from campaign.selectors import topics_of
from grievances.models import Case, Status
from grievances.states import open_q, overdue_q
from outreach.models import Activity, Finding, Household
from reports.breakdowns import STATUS_ORDER, activity_row
from reports.campaign_records import (
    campaign_five_ones,
    campaign_inspections,
    campaign_visits,
)
from reports.selectors import (
    Period,
    case_measures,
    count_of,
    in_hand_q,
    percent,
    totals_together,
)
from reports.unit_years import UnitYears

CASE_STATUSES = {
    "closed": Q(status=Status.CLOSED),
    "resolved": Q(status=Status.RESOLVED),
    "open": open_q(),
}


class YearsAtOnce:
    """The live figures of `years` (those not frozen by a sign-off) and the campaign's totals;
    each statement runs when first needed."""

    def __init__(self, campaign: Campaign, years: list[int], *, today: date):
        self.campaign = campaign
        self.years = years
        self.today = today
        self.units = UnitYears(campaign, years, today=today)

    def period(self, year: int) -> Period:
        return Period(year=year, today=self.today, campaign=self.campaign)

    # The statements.

    @cached_property
    def _cases(self) -> dict:
        """The campaign's cases counted each once, and each year's in hand (in_hand_q)."""
        counts = {
            "registered": Count("pk"),
            **{name: Count("pk", filter=q) for name, q in CASE_STATUSES.items()},
            "overdue": Count("pk", filter=overdue_q(self.today)),
            "carried": Count("pk", filter=Q(status=Status.CARRIED)),
            "ended": Count("pk", filter=Q(status=Status.ENDED)),
        }
        for year in self.years:
            measures = case_measures(self.period(year))
            in_hand = in_hand_q(year)
            counts[f"y{year}_registered"] = Count("pk", filter=Q(year=year))
            counts[f"y{year}_in_hand"] = Count("pk", filter=in_hand)
            for name in ["closed", "resolved", "open", "overdue"]:
                counts[f"y{year}_{name}"] = Count("pk", filter=in_hand & measures[name])
        return Case.objects.filter(campaign=self.campaign).aggregate(**counts)

    @cached_property
    def _topics(self) -> list[dict]:
        """Every topic with its ledger rows by status (the campaign's and each year's) and
        the problems found under it (the same)."""
        on_ledger = Q(cases__campaign=self.campaign)
        found = Finding.objects.filter(
            topic=OuterRef("pk"), needs_action=True, visit__campaign=self.campaign
        )
        counts = {"found": count_of(found, "topic")}
        for i, status in enumerate(STATUS_ORDER):
            counts[f"n_{i}"] = Count("cases", filter=on_ledger & Q(cases__status=status))
        for year in self.years:
            counts[f"y{year}_found"] = count_of(found.filter(visit__visited_on__year=year), "topic")
            for i, status in enumerate(STATUS_ORDER):
                counts[f"y{year}_{i}"] = Count(
                    "cases", filter=on_ledger & Q(cases__year=year, cases__status=status)
                )
        return list(
            topics_of(self.campaign)
            .select_related(None)
            .annotate(**counts)
            .values("pk", "number", "name", "workstream__number", *counts)
        )

    @cached_property
    def _activity_groups(self) -> list[dict]:
        """The campaign's activities by year, workstream and kind, in the list's order."""
        return list(
            Activity.objects.filter(campaign=self.campaign)
            .annotate(y=ExtractYear("held_on"))
            .order_by()
            .values("y", "workstream__number", "workstream__name", "kind__code", "kind__name")
            .annotate(count=Count("pk"), people=Sum("people_reached"), amount=Sum("amount"))
            .order_by("workstream__number", "kind__order", "kind__name", "kind__code", "y")
        )

    @cached_property
    def campaign_totals(self) -> dict:
        """The households, visits, inspections and 五个一 of the campaign: one statement."""
        visits = campaign_visits(self.campaign)
        households = Household.objects.in_county(self.campaign.county_id).filter(archived=False)
        visited = Exists(visits.filter(household=OuterRef("pk")).values("pk"))
        inspections = campaign_inspections(self.campaign)
        done = campaign_five_ones(self.campaign).filter(status=FiveOnesItem.Status.DONE)
        return totals_together(
            self.period(self.today.year),  # for its campaign only
            households=(households, Count("pk")),
            visited=(households, Count("pk", filter=visited)),
            visits=(visits.filter(household__isnull=False), Count("pk")),
            inspections=(inspections, Count("pk")),
            inspection_score=(inspections, Avg("rating__score")),
            five_ones=(done, Count("pk")),
            **{
                f"five_ones_{value}": (done, Count("pk", filter=Q(item=value)))
                for value, _label in FiveOnesItem.Item.choices
            },
        )

    # The campaign's totals.

    @property
    def case_totals(self) -> dict:
        return {k: v for k, v in self._cases.items() if not k.startswith("y")}

    @cached_property
    def topics(self) -> list[dict]:
        return [
            {"number": t["number"], "name": t["name"], "workstream": t["workstream__number"]}
            for t in self._topics
        ]

    @cached_property
    def found_by_topic(self) -> dict:
        return {t["number"]: t["found"] for t in self._topics if t["found"]}

    def topic_status_totals(self) -> dict:
        """The campaign's ledger rows by topic, as a year's chart series holds a year's."""
        return self._topic_status("n")

    @cached_property
    def activities_by_kind(self) -> list[dict]:
        """The campaign's activities by workstream and kind, the years added up."""
        kinds: dict = {}
        for g in self._activity_groups:
            key = (g["workstream__number"], g["kind__code"])
            kind = kinds.setdefault(key, {**g, "count": 0, "people": 0, "amount": 0})
            kind["count"] += g["count"]
            kind["people"] += g["people"] or 0
            kind["amount"] += g["amount"] or 0
        return list(kinds.values())

    # A year's sections, as much of each as the summary reads.

    def section(self, year: int, name: str, *, progress_rows=None):
        if name == "assessment":
            return self.units.assessment(year, progress_rows)
        return getattr(self, f"_{name}_of")(year)

    def _summary_of(self, year: int) -> dict:
        prefix = f"y{year}_"
        cases = {k[len(prefix) :]: v for k, v in self._cases.items() if k.startswith(prefix)}
        activities = self._activities_of(year)["total"]
        return {
            "households": self.campaign_totals["households"],
            "visited": self.campaign_totals["visited"],
            **{k: cases[k] for k in ["registered", "closed", "resolved", "open", "overdue"]},
            "closed_pct": percent(cases["closed"], cases["in_hand"]),
            "activities": activities["count"],
            "people": activities["people"],
            "amount": activities["amount"],
            "five_ones_done": self.units.five_ones(year)["total"]["done"],
        }

    def _progress_of(self, year: int) -> dict:
        return self.units.progress(year)

    def _five_ones_of(self, year: int) -> dict:
        return self.units.five_ones(year)

    def _coverage_of(self, year: int) -> dict:
        return self.units.coverage(year)

    def _special_actions_of(self, year: int) -> dict:
        rows = [{"number": t["number"], "found": t[f"y{year}_found"]} for t in self._topics]
        return {"rows": rows, "total": {"found": sum(row["found"] or 0 for row in rows)}}

    def _charts_of(self, year: int) -> dict:
        return {"topic_status": self._topic_status(f"y{year}")}

    def _topic_status(self, prefix: str) -> dict:
        topics = self._topics
        return {
            "topics": [{"pk": t["pk"], "number": t["number"], "name": t["name"]} for t in topics],
            "statuses": [str(s) for s in STATUS_ORDER],
            "counts": [[t[f"{prefix}_{i}"] for t in topics] for i in range(len(STATUS_ORDER))],
        }

    def _activities_of(self, year: int) -> dict:
        groups = [g for g in self._activity_groups if g["y"] == year]
        rows = [activity_row(g) for g in groups]
        # As the year's report adds up its groups (every activity is in one).
        amount = sum(g["amount"] or 0 for g in groups)
        total = {
            "count": sum(g["count"] for g in groups),
            "people": sum(g["people"] or 0 for g in groups),
            "amount": float(round(amount, 2)),
        }
        return {"rows": rows, "total": total}
