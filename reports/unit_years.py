"""The county's units across the campaign's years, in one statement: for each unit, the figures
of its progress row, its 五个一, its survey visits and its assessment extras, a column per
year, and whether the year counts it (counted_in); beside them, what it leads and holds in the
whole campaign. reports.by_year splits them into each year's sections."""

from datetime import date
from functools import cached_property

from django.db.models import BooleanField, Exists, OuterRef, Q, Subquery, Value, When
from django.db.models import Case as Conditional

from campaign.models import Campaign, FiveOnesItem, Unit
from grievances.models import Case, Status
from outreach.models import Activity, Household, Visit
from reports.assessment import extra_figures, schemes_for, scored_rows
from reports.selectors import (
    FIVE_ONES,
    PROGRESS_KINDS,
    Period,
    among_q,
    case_measures,
    count_of,
    counted_in,
    in_hand_q,
    shown_name,
)
from submissions.selectors import late_and_missing

ITEMS = [value for value, _label in FiveOnesItem.Item.choices]
EXTRAS = ["n_inspections", "n_inspection_average", "n_bonus", "n_deduction", "n_vetoes"]
REPORTS = ["n_late_reports", "n_missing_reports"]


def _reports_of(year: int, campaigns) -> dict:
    """late_and_missing's two figures as expressions on a unit: its own annotations, read
    through a one-row subquery of the same unit."""
    unit = late_and_missing(Unit.objects.filter(pk=OuterRef("pk")), year, campaigns)
    return {name: Subquery(unit.values(name)[:1]) for name in REPORTS}


class UnitYears:
    def __init__(self, campaign: Campaign, years: list[int], *, today: date):
        self.campaign = campaign
        self.years = years
        self.today = today

    @cached_property
    def _rows(self) -> list[dict]:
        campaign = self.campaign
        campaigns = [campaign]
        unit = OuterRef("pk")
        households = Household.objects.filter(township=unit, archived=False)
        visited = households.filter(
            Exists(Visit.objects.filter(household=OuterRef("pk"), campaign__in=campaigns))
        )
        done = FiveOnesItem.objects.filter(
            unit=unit, campaign__in=campaigns, status=FiveOnesItem.Status.DONE
        )
        led = Case.objects.filter(campaign=campaign, lead_unit=unit)
        activities = Activity.objects.filter(campaign__in=campaigns, organiser=unit)
        figures = {
            "households": count_of(households, "township"),
            "visited": count_of(visited, "township"),
            "five_ones": count_of(done, "unit"),
            **{f"five_ones_{item}": count_of(done.filter(item=item), "unit") for item in ITEMS},
            "led": count_of(led, "lead_unit"),
            "led_closed": count_of(led.filter(Q(status=Status.CLOSED)), "lead_unit"),
            "held": count_of(activities, "organiser"),
        }
        for year in self.years:
            measures = case_measures(self._period(year))
            in_hand = led.filter(in_hand_q(year))
            held = activities.filter(held_on__year=year)
            visits = Visit.objects.filter(
                campaign=campaign, township=unit, household__isnull=False, visited_on__year=year
            )
            figures |= {
                f"y{year}_counted": Conditional(
                    When(counted_in(year), then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                ),
                f"y{year}_cases": count_of(led.filter(among_q("registered", year)), "lead_unit"),
                **{
                    f"y{year}_{name}": count_of(in_hand.filter(measures[name]), "lead_unit")
                    for name in ["closed", "overdue", "on_time"]
                },
                f"y{year}_activities": count_of(held, "organiser"),
                f"y{year}_visits": count_of(visits, "township"),
                **{f"y{year}_{k}": v for k, v in extra_figures(year, campaigns).items()},
                **{f"y{year}_{k}": v for k, v in _reports_of(year, campaigns).items()},
            }
        # Named apart from the unit's own fields (its households, say).
        units = (
            Unit.objects.in_county(campaign.county_id)
            .filter(kind__in=PROGRESS_KINDS)
            .annotate(
                kind_order=Conditional(
                    When(kind=Unit.Kind.TOWNSHIP, then=Value(0)), default=Value(1)
                ),
                **{f"n_{name}": figure for name, figure in figures.items()},
            )
            # progress_units' order.
            .order_by("kind_order", "code", "pk")
        )
        fields = ["pk", "name", "short_name", "kind", "merged_into__name"]
        return [
            {**{f: u[f] for f in fields}, **{name: u[f"n_{name}"] for name in figures}}
            for u in units.values(*fields, *(f"n_{name}" for name in figures))
        ]

    def _period(self, year: int) -> Period:
        return Period(year=year, today=self.today, campaign=self.campaign)

    def _counted(self, year: int) -> list[dict]:
        return [u for u in self._rows if u[f"y{year}_counted"]]

    # The campaign's.

    @cached_property
    def led(self) -> dict[int, dict]:
        return {u["pk"]: {"registered": u["led"], "closed": u["led_closed"]} for u in self._rows}

    @cached_property
    def held(self) -> dict[int, int]:
        return {u["pk"]: u["held"] for u in self._rows}

    # A year's.

    def progress(self, year: int) -> dict:
        rows = []
        for u in self._counted(year):
            township = u["kind"] == Unit.Kind.TOWNSHIP
            rows.append(
                {
                    "unit_id": u["pk"],
                    "name": shown_name(u["name"], u["merged_into__name"]),
                    "label": shown_name(u["short_name"] or u["name"], u["merged_into__name"]),
                    "kind": u["kind"],
                    "households": u["households"] if township else None,
                    "visited": u["visited"] if township else None,
                    "five_ones": u["five_ones"],
                    **{
                        key: u[f"y{year}_{key}"]
                        for key in ["cases", "closed", "overdue", "on_time", "activities"]
                    },
                }
            )
        total = {key: sum(row[key] for row in rows) for key in ["cases", "closed", "activities"]}
        return {"rows": rows, "total": total}

    def five_ones(self, year: int) -> dict:
        units = self._counted(year)
        return {
            "total": {
                "done": sum(u["five_ones"] for u in units),
                "possible": len(units) * FIVE_ONES,
                "by_item": {item: sum(u[f"five_ones_{item}"] for u in units) for item in ITEMS},
            }
        }

    def coverage(self, year: int) -> dict:
        townships = [u for u in self._counted(year) if u["kind"] == Unit.Kind.TOWNSHIP]
        return {"total": {"visits": sum(u[f"y{year}_visits"] for u in townships)}}

    @cached_property
    def _schemes(self) -> dict:
        return schemes_for(self.campaign, self.years)

    def assessment(self, year: int, progress_rows: list[dict] | None = None) -> dict:
        """The year's scores, from its progress rows (the frozen ones, if the year was signed
        off before the assessment was kept)."""
        if progress_rows is None:
            progress_rows = self.progress(year)["rows"]
        extras = {
            u["pk"]: {name: u[f"y{year}_{name}"] for name in EXTRAS + REPORTS}
            for u in self._counted(year)
        }
        return {"rows": scored_rows(progress_rows, self._schemes[year], extras)}
