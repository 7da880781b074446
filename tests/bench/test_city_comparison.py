"""The city office's comparison of its counties in the bench: its rows are checked against the
aggregates' targets like the county's own reports; the page is measured as the office of the
measured county's city; on PostgreSQL its one-statement baseline counts each county as the
page does, and the check comparing the two tells them apart when they differ."""

import pytest
from django.db import connection
from django.test.utils import override_settings

from bench.county import measured_county
from bench.dataset import Generator
from bench.pages import Page, measure
from bench.report import rows, targets
from bench.sizes import TINY
from campaign.models import Area, Campaign
from outreach.models import Household, Visit

POSTGRESQL_ONLY = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the SQL baselines are PostgreSQL's SQL"
)


def entry(name, ms, queries, baseline_ms):
    return {
        "page": {"name": name, "median_ms": ms, "min_ms": ms, "max_ms": ms, "queries": queries},
        "baseline": {"name": "SQL", "median_ms": baseline_ms, "min_ms": 1, "max_ms": 1},
    }


def comparison_results(county_ms, province_ms, baseline_ms, province_queries=6):
    return {
        "county": {"measurements": {"reports": [entry("city comparison", county_ms, 6, 10)]}},
        "province": {
            "measurements": {
                "reports": [entry("city comparison", province_ms, province_queries, baseline_ms)]
            }
        },
    }


def verdicts(results):
    return {c["target"]: c["met"] for c in targets(rows(results), None)}


def test_the_city_comparison_is_held_to_the_aggregates_targets():
    table = rows(comparison_results(county_ms=40, province_ms=60, baseline_ms=30))
    province = next(r for r in table if r["size"] == "province")
    assert (province["key"], province["vs_county"], province["vs_baseline"]) == (
        "city comparison",
        1.5,
        2.0,
    )
    found = verdicts(comparison_results(county_ms=40, province_ms=60, baseline_ms=30))
    assert found["city comparison: province ≤ 1.5× county"]
    assert found["city comparison: ≤ 2× its one-SQL baseline"]
    assert found["city comparison: ≤ 15 queries, the same at both sizes"]
    found = verdicts(
        comparison_results(county_ms=40, province_ms=61, baseline_ms=30, province_queries=7)
    )
    assert not found["city comparison: province ≤ 1.5× county"]
    assert not found["city comparison: ≤ 2× its one-SQL baseline"]
    assert not found["city comparison: ≤ 15 queries, the same at both sizes"]


@pytest.fixture
def generated(db):
    return Generator(TINY).run()


def test_it_measures_the_comparison_as_the_office_of_the_measured_countys_city(generated):
    from bench.reports import YEAR, city_comparison, city_office

    county = Area.objects.get(pk=measured_county().area)
    office = city_office()
    assert office == "city00-office"
    page = Page("city comparison", f"/reports/counties/?year={YEAR}", office)
    result = measure(page, runs=1)
    assert result["page"]["queries"] > 0
    with override_settings(ROOT_URLCONF="bench.urls"):
        shown = [row.county.pk for row in page.get().context["rows"]]
    siblings = Area.objects.counties().filter(parent=county.parent_id)
    assert sorted(shown) == sorted(siblings.values_list("pk", flat=True))
    assert len(shown) == TINY.city_counties()[0]
    # Each county by its campaign covering the year.
    for row in city_comparison()["rows"]:
        assert row.campaign.county_id == row.county.pk
        assert row.campaign.starts_on.year <= YEAR <= row.campaign.ends_on.year


def visit_in_the_earlier_campaign(county_id):
    """A visit to a household not yet visited in the county's current campaign, recorded in
    its earlier one: the comparison must not count that household as visited."""
    earlier, current = Campaign.objects.filter(county=county_id).order_by("starts_on")
    household = (
        Household.objects.filter(township__area=county_id, archived=False)
        .exclude(visits__campaign=current)
        .order_by("pk")
        .first()
    )
    assert household is not None
    visit = Visit.objects.filter(household__isnull=False).order_by("pk").first()
    visit.pk = None
    visit.household, visit.township_id, visit.campaign = household, household.township_id, earlier
    visit.save()


@POSTGRESQL_ONLY
def test_the_baseline_counts_each_county_as_the_comparison_does(generated):
    from bench.reports import city_comparison_matches

    visit_in_the_earlier_campaign(measured_county().area)
    assert city_comparison_matches()


@POSTGRESQL_ONLY
def test_the_check_tells_a_baseline_that_counts_otherwise(generated, monkeypatch):
    from bench import reports

    visit_in_the_earlier_campaign(measured_county().area)
    own_campaign = "v.household_id = h.id AND v.campaign_id = ch.campaign_id"
    assert own_campaign in reports.CITY_SQL
    monkeypatch.setattr(
        reports, "CITY_SQL", reports.CITY_SQL.replace(own_campaign, "v.household_id = h.id")
    )
    assert not reports.city_comparison_matches()
