"""The counties under a city or province office side by side for a year: each county's figures
as it signed them off, or, where it has not signed off yet, as they stand; and the total. The
figures are the same ones each county's own dashboard and assessment show (reports.selectors,
reports.assessment), computed for all the counties at once, so the number of queries does not
grow with the number of counties."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, JSONField, OuterRef, Subquery

from campaign.models import Area, Campaign, Unit
from grievances.models import Case
from outreach.models import Activity, Household, Visit
from reports import kept
from reports.assessment import average_total, scored_rows, unit_extras
from reports.models import AssessmentScheme, Workday, YearSignOff
from reports.selectors import (
    PROGRESS_KINDS,
    Period,
    among_q,
    case_measures,
    counted_in,
    in_hand_q,
    percent,
    progress_from,
    progress_rows,
    unit_progress,
)
from reports.workcal import ensure_calendar

# The kind of kept figures (reports.kept) that holds a county's live row.
KEPT = "county_row"
# What the comparison shows of each county, in the order of its columns.
COUNTED = ["households", "visited", "registered", "closed", "on_time", "overdue", "activities"]


@dataclass
class CountyFigures:
    county: Area
    campaign: Campaign | None
    sign_off: dict | None  # {"as_of", "signed_at"} once the county has signed the year off
    figures: dict  # COUNTED, visited_pct, on_time_pct, assessment (average total)

    @property
    def signed(self) -> bool:
        return self.sign_off is not None


def county_campaigns(counties) -> list[Campaign]:
    """All the counties' campaigns, in one query."""
    return list(Campaign.objects.filter(county__in=counties).order_by("county", "starts_on"))


def campaigns_covering(campaigns, year: int) -> dict[int, Campaign]:
    """Each county's campaign covering the year (the latest to start, should two share it), so
    an earlier year reads the campaign it belonged to, not the newest."""
    chosen = {}
    for campaign in sorted(campaigns, key=lambda c: c.starts_on):
        if campaign.starts_on.year <= year <= campaign.ends_on.year:
            chosen[campaign.county_id] = campaign
    return chosen


def comparison_years(campaigns, today: date) -> list[int]:
    years = {
        year
        for campaign in campaigns
        for year in range(campaign.starts_on.year, campaign.ends_on.year + 1)
    }
    return sorted(years) or [today.year]


def campaign_names(campaigns: dict) -> list[str]:
    """The names of the campaigns the counties run in the year, when they differ (the page
    says which county's figures are of which campaign); empty when they are all one."""
    names = sorted({campaign.name for campaign in campaigns.values()})
    return names if len(names) > 1 else []


def compare(counties: list[Area], campaigns: dict, *, year: int, today: date) -> dict:
    """{"rows": [CountyFigures…], "total": {...}, "unsigned": [names]} for the year, given
    the counties and each one's campaign covering the year (campaigns_covering)."""
    # One query reads each campaign's sign-off of the year and its kept live row.
    found = kept.read(
        campaigns.values(),
        year=year,
        today=today,
        kinds=[KEPT],
        calendar_end=Subquery(Workday.objects.order_by("-day").values("day")[:1]),
        **_sign_off_columns(year),
    )
    signed = _signed(found)
    live = _kept_live(counties, campaigns, signed, found, year=year, today=today)
    rows = []
    for county in counties:
        campaign = campaigns.get(county.pk)
        frozen = signed.get(campaign.pk) if campaign else None
        figures = frozen["figures"] if frozen else live.get(county.pk, _empty())
        sign_off = {k: frozen[k] for k in ("as_of", "signed_at")} if frozen else None
        rows.append(CountyFigures(county, campaign, sign_off, figures))
    return {
        "rows": rows,
        "total": _total([row.figures for row in rows]),
        "unsigned": [row.county.name for row in rows if row.campaign and not row.signed],
        "campaign_names": campaign_names(campaigns),
    }


def _empty() -> dict:
    figures = dict.fromkeys(COUNTED, 0)
    return figures | {"visited_pct": None, "on_time_pct": None, "assessment": None}


def _with_rates(figures: dict) -> dict:
    figures["visited_pct"] = percent(figures["visited"], figures["households"])
    figures["on_time_pct"] = percent(figures["on_time"], figures["closed"])
    return figures


def _sign_off_columns(year: int) -> dict:
    """The two sections of a sign-off the comparison needs, rather than the whole frozen
    report, as columns of its campaign's row."""
    signed = YearSignOff.objects.filter(campaign=OuterRef("pk"), year=year)
    return {
        "signed_as_of": Subquery(signed.values("as_of")[:1]),
        "signed_signed_at": Subquery(signed.values("signed_at")[:1]),
        "signed_summary": Subquery(signed.values("figures__summary")[:1], output_field=JSONField()),
        "signed_assessment": Subquery(
            signed.values("figures__assessment")[:1], output_field=JSONField()
        ),
    }


def _signed(found: dict) -> dict[int, dict]:
    """The figures frozen at each county's sign-off of the year, by campaign."""
    signed = {}
    for campaign_id, row in found.items():
        if row["signed_signed_at"] is None:
            continue
        summary = row["signed_summary"]
        figures = {key: summary[key] for key in COUNTED}
        figures["assessment"] = average_total(row["signed_assessment"]["rows"])
        signed[campaign_id] = {
            "as_of": row["signed_as_of"],
            "signed_at": row["signed_signed_at"],
            "figures": _with_rates(figures),
        }
    return signed


def _kept_live(
    counties, campaigns: dict, signed: dict, found: dict, *, year: int, today: date
) -> dict:
    """The live figures of the counties that have not signed the year off: each county's
    kept row where its figures version and the day still stand (reports.kept), the others
    computed together and kept. A county with no campaign has nowhere to keep its row."""
    unsigned = {pk: c for pk, c in campaigns.items() if c.pk not in signed}
    live = {
        county_id: found[campaign.pk][KEPT]
        for county_id, campaign in unsigned.items()
        if found[campaign.pk][KEPT] is not None
    }
    missing = [c for c in counties if c.pk not in live and c.pk not in campaigns] + [
        c for c in counties if c.pk in unsigned and c.pk not in live
    ]
    if not missing:
        return live
    ends = {row["calendar_end"] for row in found.values()}
    fresh = _live(
        missing,
        {c.pk: campaigns[c.pk] for c in missing if c.pk in campaigns},
        year=year,
        today=today,
        calendar_checked=bool(ends) and None not in ends and min(ends) >= today,
    )
    fresh = {county_id: kept.as_stored(figures) for county_id, figures in fresh.items()}
    kept.store(
        [
            (unsigned[county_id], found[unsigned[county_id].pk]["version"], {KEPT: figures})
            for county_id, figures in fresh.items()
            if county_id in unsigned
        ],
        year=year,
        today=today,
    )
    return live | fresh


def _live(
    counties, campaigns: dict, *, year: int, today: date, calendar_checked=False
) -> dict[int, dict]:
    """Each county's figures as they stand, as its own summary and assessment compute them."""
    if not calendar_checked:
        ensure_calendar(today)
    period = Period(year=year, today=today, campaign=None)
    measures = case_measures(period)
    figures = {county.pk: _empty() for county in counties}

    records_of = list(campaigns.values())  # a county's visits and activities in its campaign
    visited = Exists(Visit.objects.filter(household=OuterRef("pk"), campaign__in=records_of))
    for row in (
        Household.objects.filter(township__area__in=counties, archived=False)
        .values("township__area")
        .annotate(households=Count("pk"), visited=Count("pk", filter=visited))
    ):
        figures[row["township__area"]] |= {k: row[k] for k in ("households", "visited")}

    # As each county's summary counts them: registered in the year; what became of the cases
    # in hand (registered in the year or carried in).
    cases = Case.objects.filter(campaign__in=list(campaigns.values()))
    for row in (
        cases.filter(in_hand_q(year))
        .values("campaign__county")
        .annotate(
            registered=Count("pk", filter=among_q("registered", year)),
            **{
                name: Count("pk", filter=measures[name])
                for name in ("closed", "on_time", "overdue")
            },
        )
    ):
        figures[row["campaign__county"]] |= {
            k: row[k] for k in ("registered", "closed", "on_time", "overdue")
        }

    for row in (
        Activity.objects.filter(
            organiser__area__in=counties, campaign__in=records_of, held_on__year=year
        )
        .values("organiser__area")
        .annotate(activities=Count("pk"))
    ):
        figures[row["organiser__area"]]["activities"] = row["activities"]

    for county_id, average in _assessments(counties, campaigns, period, cases).items():
        figures[county_id]["assessment"] = average
    return {county_id: _with_rates(f) for county_id, f in figures.items()}


def _assessments(counties, campaigns: dict, period: Period, cases) -> dict[int, float | None]:
    """Each county's assessment (the mean of its units' totals), all counties in three
    queries: the units' progress, their inspections and items, the schemes."""
    units = Unit.objects.filter(area__in=counties, kind__in=PROGRESS_KINDS).filter(
        counted_in(period.year)
    )
    raw = progress_rows(
        unit_progress(units, period, cases=cases, campaigns=list(campaigns.values()))
    )
    extras = unit_extras(units, period.year, list(campaigns.values()))
    schemes = {
        scheme.campaign_id: scheme
        for scheme in AssessmentScheme.objects.filter(
            campaign__in=list(campaigns.values()), year=period.year
        )
    }
    by_county: dict[int, list] = {}
    for row in raw:
        by_county.setdefault(row["county_id"], []).append(row)
    averages = {}
    for county_id, rows in by_county.items():
        campaign = campaigns.get(county_id)
        if campaign is None:
            continue
        scheme = schemes.get(campaign.pk) or AssessmentScheme(campaign=campaign, year=period.year)
        averages[county_id] = average_total(
            scored_rows(progress_from(rows)["rows"], scheme, extras)
        )
    return averages


def _total(rows: list[dict]) -> dict:
    total = {key: sum(row[key] or 0 for row in rows) for key in COUNTED}
    scored = [row["assessment"] for row in rows if row["assessment"] is not None]
    total["assessment"] = round(sum(scored) / len(scored), 1) if scored else None
    return _with_rates(total)
