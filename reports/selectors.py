"""The reports' reads: progress by unit and the county's headline figures. Every count is a SQL
aggregate or a correlated subquery, so the number of queries stays the same however many units,
households or cases there are.

A year's report counts cases two ways, and every figure says which: the ledger rows registered
in the year, and the cases in hand during it (in_hand_q: those registered in the year, and those
carried in from earlier years because they were not closed off by its first day). What became of
the cases (closed off, overdue, on time, still being handled) is counted over the cases in hand,
so a 2015 case still open in 2016 is 2016's work and 2016's overdue. The report also counts the
activities held in the year, and the survey and 五个一 as they stand; statuses are read as they
stand on the report date (today, or the sign-off, which freezes them)."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Case as Conditional
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from campaign.models import Campaign, FiveOnesItem, Unit
from grievances.models import Case, Status
from grievances.states import carried_over_q, open_q, overdue_q
from outreach.models import Activity, Household, Visit
from reports.workcal import ensure_calendar, workdays_between

PROGRESS_KINDS = [Unit.Kind.TOWNSHIP, Unit.Kind.MEMBER]
FIVE_ONES = len(FiveOnesItem.Item.choices)


@dataclass(frozen=True)
class Period:
    """The year a report is about, and the day it is produced."""

    year: int
    today: date
    campaign: Campaign | None
    # Set once the working-day calendar is known to reach `today`: the sections of one
    # report share the period, and need not ask the database again.
    _calendar_checked: list = field(default_factory=list, init=False, compare=False, repr=False)

    def ensure_calendar(self) -> None:
        if not self._calendar_checked:
            ensure_calendar(self.today)
            self._calendar_checked.append(True)

    @property
    def county(self) -> int | None:
        """The county the report is about: its campaign's."""
        return self.campaign.county_id if self.campaign else None

    @property
    def start(self) -> date:
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        return date(self.year, 12, 31)


def campaign_years(campaign: Campaign | None, today: date) -> list[int]:
    if campaign is None:
        return [today.year]
    return list(range(campaign.starts_on.year, campaign.ends_on.year + 1))


def default_year(campaign: Campaign | None, today: date) -> int:
    years = campaign_years(campaign, today)
    return min(max(today.year, years[0]), years[-1])


def carried_in_q(year: int) -> Q:
    """Registered in an earlier year and not closed off by the year's first day (still open
    then, or reported resolved and awaiting closing off; a case reopened by a revisit has no
    closing date again, so it counts too)."""
    return Q(year__lt=year) & (Q(closed_on__isnull=True) | Q(closed_on__gte=date(year, 1, 1)))


def in_hand_q(year: int) -> Q:
    """The cases in hand during the year: registered in it, or carried in (carried_in_q)."""
    return Q(year=year) | carried_in_q(year)


def case_measures(period: Period) -> dict[str, Q]:
    """What each case figure counts, as conditions on a year's cases. The pages, the workbook
    and the list behind each figure all use these."""
    closed = Q(status=Status.CLOSED)
    # On time: the lead unit reported it resolved by the deadline in force (extensions count).
    on_time = closed & (
        Q(resolved_on__lte=F("deadline"))
        | Q(resolved_on__isnull=True, closed_on__lte=F("deadline"))
    )
    return {
        "registered": Q(),
        "unassigned": Q(status=Status.REGISTERED),
        "open": open_q(),
        "resolved": Q(status=Status.RESOLVED),
        "closed": closed,
        "overdue": overdue_q(period.today),
        "on_time": on_time,
        # Before phase 3 ends nothing is carried over, and grievances says so with an empty
        # IN (), which would empty a whole aggregate query; OR-ing a condition that is never
        # true keeps it a plain "false" instead.
        "carried_over": carried_over_q(period.campaign, period.today) | Q(pk__isnull=True),
    }


def campaign_cases(period: Period) -> QuerySet:
    return Case.objects.filter(campaign=period.campaign)


def year_cases(period: Period) -> QuerySet:
    """The ledger rows of the year in the period's campaign."""
    return campaign_cases(period).filter(year=period.year)


def in_hand_during(period: Period) -> QuerySet:
    """The cases in hand during the year in the period's campaign (in_hand_q)."""
    return campaign_cases(period).filter(in_hand_q(period.year))


# Which cases a case figure counts: the rows registered in the year, those carried in from
# earlier years, or both (in hand). The figure's list (reports:cases?among=…) applies the same.
AMONG = ["registered", "carried_in", "in_hand"]


def among_q(among: str, year: int) -> Q:
    return {
        "registered": Q(year=year),
        "carried_in": carried_in_q(year),
        "in_hand": in_hand_q(year),
    }[among]


def year_activities(period: Period) -> QuerySet:
    """The activities of the period's campaign held in the year."""
    return Activity.objects.filter(campaign=period.campaign, held_on__year=period.year)


def campaign_visits(period: Period, **where) -> QuerySet:
    """The visits of the period's campaign: a household is visited in each campaign anew."""
    return Visit.objects.filter(campaign=period.campaign, **where)


def percent(part, whole) -> float | None:
    if not whole:
        return None
    return round(100 * part / whole, 1)


def average(total, count) -> float | None:
    if not count or total is None:
        return None
    return round(total / count, 1)


def count_of(queryset: QuerySet, key: str):
    grouped = queryset.order_by().values(key).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(grouped[:1]), Value(0), output_field=IntegerField())


def sum_of(queryset: QuerySet, key: str, field: str):
    grouped = queryset.order_by().values(key).annotate(s=Sum(field)).values("s")
    return Subquery(grouped[:1])


def unit_progress(
    units: QuerySet, period: Period, cases: QuerySet | None = None, campaigns=None
) -> QuerySet:
    """Units annotated with their figures for the period (as n_households, n_cases…): one
    query for any number of units. `cases` are the campaign's ledger rows and `campaigns` the
    campaigns whose visits, activities and 五个一 count (for units of several counties, each
    county's campaign); n_cases counts those registered in the year, n_carried_in those
    carried in, and the closed, overdue and on-time figures count the cases in hand."""
    measures = case_measures(period)
    cases = campaign_cases(period) if cases is None else cases
    campaigns = [period.campaign] if campaigns is None else campaigns
    by_lead = cases.filter(lead_unit=OuterRef("pk"))
    registered = by_lead.filter(among_q("registered", period.year))
    led = by_lead.filter(in_hand_q(period.year))
    closed = led.filter(measures["closed"]).annotate(
        workdays=workdays_between("registered_on", "closed_on")
    )
    households = Household.objects.filter(township=OuterRef("pk"), archived=False)
    visited = households.filter(
        Exists(Visit.objects.filter(household=OuterRef("pk"), campaign__in=campaigns))
    )
    return units.annotate(
        n_households=count_of(households, "township"),
        n_visited=count_of(visited, "township"),
        n_cases=count_of(registered, "lead_unit"),
        n_carried_in=count_of(by_lead.filter(carried_in_q(period.year)), "lead_unit"),
        n_in_hand=count_of(led, "lead_unit"),
        n_closed=count_of(led.filter(measures["closed"]), "lead_unit"),
        n_overdue=count_of(led.filter(measures["overdue"]), "lead_unit"),
        n_on_time=count_of(led.filter(measures["on_time"]), "lead_unit"),
        n_workdays_sum=sum_of(closed, "lead_unit", "workdays"),
        n_workdays_n=count_of(closed.filter(workdays__isnull=False), "lead_unit"),
        # Visits the unit made itself, a garrison visit charged to no township included.
        n_visits_made=count_of(
            Visit.objects.filter(
                unit=OuterRef("pk"), campaign__in=campaigns, visited_on__year=period.year
            ),
            "unit",
        ),
        n_activities=count_of(
            Activity.objects.filter(
                organiser=OuterRef("pk"), campaign__in=campaigns, held_on__year=period.year
            ),
            "organiser",
        ),
        n_five_ones=count_of(
            FiveOnesItem.objects.filter(
                unit=OuterRef("pk"), campaign__in=campaigns, status=FiveOnesItem.Status.DONE
            ),
            "unit",
        ),
    )


def counted_in(year: int) -> Q:
    """A unit counted in the year's reports: an active one, and one deactivated or merged
    into another township that was still there in the year or has records in it, so a
    report on an earlier year keeps its units after a merge."""
    unit = OuterRef("pk")
    return (
        Q(is_active=True)
        | Q(merged_on__gte=date(year, 1, 1))
        | Exists(Case.objects.filter(in_hand_q(year), lead_unit=unit))
        | Exists(Activity.objects.filter(organiser=unit, held_on__year=year))
        | Exists(Visit.objects.filter(township=unit, visited_on__year=year))
        | Exists(Visit.objects.filter(unit=unit, visited_on__year=year))
    )


def assessed_units(county, period: "Period | None" = None) -> QuerySet:
    """The county's townships and member units: those whose progress is counted (for a
    period, those counted in its year)."""
    units = Unit.objects.in_county(county).filter(kind__in=PROGRESS_KINDS)
    if period is None:
        return units.filter(is_active=True)
    return units.filter(counted_in(period.year))


def shown_name(name: str, merged_into: str | None) -> str:
    """甲镇（已并入乙乡） for a township merged into another, else the name."""
    if not merged_into:
        return name
    return _("%(name)s (merged into %(survivor)s)") % {"name": name, "survivor": merged_into}


def progress_units(county, period: "Period | None" = None) -> QuerySet:
    """The same, townships first."""
    return (
        assessed_units(county, period)
        .annotate(
            kind_order=Conditional(
                When(kind=Unit.Kind.TOWNSHIP, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        # Units without a code tie on it: their order is the order they were added.
        .order_by("kind_order", "code", "pk")
    )


def _derived(row: dict) -> dict:
    row["visited_pct"] = percent(row["visited"], row["households"])
    row["on_time_pct"] = percent(row["on_time"], row["closed"])
    row["avg_workdays"] = average(row.pop("workdays_sum"), row.pop("workdays_n"))
    return row


COUNTED = [
    "households",
    "visited",
    "cases",
    "carried_in",
    "in_hand",
    "closed",
    "overdue",
    "on_time",
    "workdays_sum",
    "workdays_n",
    "activities",
    "five_ones",
]


def progress_rows(annotated: QuerySet) -> list[dict]:
    """The raw rows (counts only) of units annotated by unit_progress, with their county."""
    fields = ["pk", "area_id", "name", "short_name", "kind", "merged_into__name"]
    fields += [f"n_{k}" for k in COUNTED]
    return [
        {
            "unit_id": unit["pk"],
            "county_id": unit["area_id"],
            "name": shown_name(unit["name"], unit["merged_into__name"]),
            "label": shown_name(unit["short_name"] or unit["name"], unit["merged_into__name"]),
            "kind": unit["kind"],
            **{key: unit[f"n_{key}"] or 0 for key in COUNTED},
        }
        for unit in annotated.values(*fields)
    ]


def progress_from(raw: list[dict]) -> dict:
    """The progress section from raw rows: the derived figures, and the total row."""
    # The county row adds up the unit rows the database just computed: aggregating the
    # annotated queryset again would run every per-unit subquery a second time.
    raw = [{k: v for k, v in row.items() if k != "county_id"} for row in raw]
    total = {key: sum(row[key] for row in raw) for key in COUNTED}
    total["units"] = len(raw)
    total["five_ones_possible"] = len(raw) * FIVE_ONES
    rows = []
    for row in raw:
        if row["kind"] != Unit.Kind.TOWNSHIP:
            row["households"] = row["visited"] = None
        rows.append(_derived(row))
    return {"rows": rows, "total": _derived(total)}


def progress(period: Period) -> dict:
    """A row per township and member unit, and the county's total row (one query, plus one
    to make sure the working-day calendar reaches today)."""
    period.ensure_calendar()
    units = progress_units(period.county, period)
    return progress_from(progress_rows(unit_progress(units, period)))


def totals_together(period: Period, **totals) -> dict:
    """Several querysets' aggregates read in one statement: name -> (queryset, aggregate), each
    a subquery of a one-row query of the period's campaign (without one, none are counted)."""
    row = (
        Campaign.objects.filter(pk=getattr(period.campaign, "pk", None))
        .values(
            **{
                f"total_{name}": Subquery(
                    queryset.order_by()
                    # A constant to group by: the whole queryset is one group.
                    .annotate(_all=Value(1))
                    .values("_all")
                    .annotate(value=aggregate)
                    .values("value")
                )
                for name, (queryset, aggregate) in totals.items()
            }
        )
        .first()
    )
    if row:
        # Named apart from the campaign's own fields (its activities, say).
        return {name: row[f"total_{name}"] for name in totals}
    return {
        name: 0 if isinstance(aggregate, Count) else None
        for name, (_queryset, aggregate) in totals.items()
    }


def summary(period: Period) -> dict:
    """The county's headline figures for the year (four queries): the rows registered in the
    year and those carried in; what became of the cases in hand (both)."""
    period.ensure_calendar()
    measures = case_measures(period)
    registered = among_q("registered", period.year)
    cases = (
        in_hand_during(period)
        .annotate(workdays=workdays_between("registered_on", "closed_on"))
        .aggregate(
            registered=Count("pk", filter=registered),
            carried_in=Count("pk", filter=carried_in_q(period.year)),
            in_hand=Count("pk"),
            **{
                name: Count("pk", filter=measures[name])
                for name in ["unassigned", "open", "resolved", "closed", "overdue", "on_time"]
            },
            carried_over=Count("pk", filter=registered & measures["carried_over"]),
            priority=Count("pk", filter=registered & Q(priority=True)),
            workdays_sum=Sum("workdays", filter=measures["closed"]),
            workdays_n=Count("workdays", filter=measures["closed"]),
        )
    )
    # Households, activities and the 五个一: three tables' totals read in one statement.
    households = Household.objects.in_county(period.county).filter(archived=False)
    activities = year_activities(period)
    units = assessed_units(period.county, period)
    done = Q(five_ones__campaign=period.campaign, five_ones__status=FiveOnesItem.Status.DONE)
    totals = totals_together(
        period,
        households=(households, Count("pk")),
        visited=(
            households,
            Count("pk", filter=Exists(campaign_visits(period, household=OuterRef("pk")))),
        ),
        activities=(activities, Count("pk")),
        amount=(activities, Sum("amount")),
        people=(activities, Sum("people_reached")),
        units=(units, Count("pk", distinct=True)),
        done=(units, Count("five_ones", filter=done)),
    )
    households = {key: totals[key] for key in ("households", "visited")}
    activities = {key: totals[key] for key in ("activities", "amount", "people")}
    five = {key: totals[key] for key in ("units", "done")}
    result = {
        **households,
        "visited_pct": percent(households["visited"], households["households"]),
        **{key: value for key, value in cases.items() if not key.startswith("workdays")},
        "on_time_pct": percent(cases["on_time"], cases["closed"]),
        "closed_pct": percent(cases["closed"], cases["in_hand"]),
        "avg_workdays": average(cases["workdays_sum"], cases["workdays_n"]),
        "activities": activities["activities"],
        "amount": float(round(activities["amount"] or 0, 2)),
        "people": activities["people"] or 0,
        "five_ones_done": five["done"],
        "five_ones_possible": five["units"] * FIVE_ONES,
    }
    return result
