"""The benchmark's harness at a tiny size: the generator fills every table with valid rows
(COPY on PostgreSQL, INSERTs on SQLite) in a province of cities and counties, each county's
records its own; a page measurement counts queries and times the ledger against its admin
baseline, as one county's users; the import runs a filled-in template against its baseline;
on PostgreSQL the reports' SQL baselines count what the app counts. Figures are never
asserted: the bench prints them."""

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import override_settings

from bench.county import measured_county
from bench.dataset import Generator
from bench.import_file import build
from bench.isolated import task_import, task_import_baseline
from bench.pages import detail_pages, ledger_pages, measure
from bench.sizes import TINY
from bench.writer import Writer
from campaign.models import Area, Campaign, Unit, User
from campaign.services import area_add
from grievances.models import Case, CaseEvent, LedgerCounter
from outreach.idnumbers import parse_id_number
from outreach.models import Activity, Household, Person, Visit

pytestmark = pytest.mark.django_db
COUNTIES = TINY.counties


@pytest.fixture
def generated(db):
    return Generator(TINY).run()


def test_it_generates_the_sizes_asked_for(generated):
    assert COUNTIES == 3
    assert Unit.objects.filter(kind="township").count() == TINY.townships * COUNTIES
    assert Unit.objects.filter(kind="member").count() == TINY.members * COUNTIES
    assert Household.objects.count() == TINY.households * COUNTIES
    assert Person.objects.count() == TINY.persons * COUNTIES
    assert Visit.objects.count() == TINY.visits * COUNTIES
    assert Case.objects.count() == TINY.cases * COUNTIES
    assert CaseEvent.objects.count() >= TINY.events * COUNTIES
    assert generated["outreach_person"] == TINY.persons * COUNTIES


def test_it_builds_the_area_tree_with_two_campaigns_and_units_per_county(generated):
    province = Area.objects.get(level="province")
    cities = Area.objects.filter(level="city", parent=province)
    assert cities.count() == TINY.cities
    assert [c.children.count() for c in cities.order_by("pk")] == TINY.city_counties()
    for county in Area.objects.counties():
        assert county.path == f"{county.parent.path}{county.pk}/"
        earlier, campaign = Campaign.objects.filter(county=county).order_by("starts_on")
        assert campaign.phases.count() == earlier.phases.count() == 7
        assert earlier.ends_on < campaign.starts_on
        units = Unit.objects.filter(area=county)
        assert units.filter(kind="office").count() == 1
        assert units.filter(kind="township").count() == TINY.townships
        assert units.filter(kind="member").count() == TINY.members
        assert units.filter(kind="garrison").count() == TINY.garrisons
    # An office above the counties in the province and in each city.
    assert Unit.objects.filter(kind="higher_office").count() == 1 + TINY.cities


def test_the_earlier_campaign_is_over_and_the_measured_county_looks_at_the_current(generated):
    county = measured_county()
    current = Campaign.objects.get(pk=county.campaign)
    assert current.starts_on.year == 2015
    earlier = Campaign.objects.filter(county=current.county).exclude(pk=current.pk).get()
    assert earlier.ends_on.year == 2014
    earlier_cases = Case.objects.filter(campaign=earlier)
    assert earlier_cases.exists()
    assert set(earlier_cases.values_list("status", flat=True)) == {"closed"}
    assert not earlier_cases.filter(closed_on__gt=earlier.ends_on).exists()
    assert Case.objects.filter(campaign=current).exclude(status="closed").exists()
    assert Activity.objects.filter(campaign=earlier).exists()
    assert Activity.objects.filter(campaign=current).exists()


def test_its_id_numbers_are_valid_and_unique(generated):
    numbers = list(Person.objects.values_list("id_number", "birth_date", "sex"))
    assert len({n for n, _, _ in numbers}) == len(numbers)
    for number, born, sex in numbers:
        parsed = parse_id_number(number)
        assert (parsed.birth_date, parsed.sex) == (born, sex)


def test_its_cases_spread_over_statuses_townships_and_lead_units(generated):
    assert Case.objects.values("status").distinct().count() >= 5
    assert Case.objects.values("township").distinct().count() == TINY.townships * COUNTIES
    assert Case.objects.exclude(lead_unit=None).values("lead_unit").distinct().count() > 3
    assert Case.co_units.through.objects.exists()
    # Ledger numbers run gapless per campaign and year, as the app gives them out, and the
    # counters stand at the last.
    for campaign, year in Case.objects.values_list("campaign", "year").distinct():
        sequences = sorted(
            Case.objects.filter(campaign=campaign, year=year).values_list("sequence", flat=True)
        )
        assert sequences == list(range(1, len(sequences) + 1))
        assert LedgerCounter.objects.get(campaign=campaign, year=year).last == len(sequences)


def test_every_county_keeps_to_its_own_units(generated):
    for campaign in Campaign.objects.all():
        cases = Case.objects.filter(campaign=campaign)
        assert cases.exists()
        for field in ("township", "lead_unit", "garrison", "household__township", "co_units"):
            assert (
                not cases.filter(**{f"{field}__isnull": False})
                .exclude(**{f"{field}__area": campaign.county})
                .exists()
            ), field
        assert not cases.exclude(registered_phase__campaign=campaign).exists()
    activities = Activity.objects.filter(phase__isnull=False)
    assert activities.exists()
    assert not activities.exclude(phase__campaign__county=F("organiser__area")).exists()


def test_a_county_office_sees_its_county_and_a_clerk_its_township(generated):
    for county in Area.objects.counties():
        office = User.objects.get(unit__area=county, unit__kind="office", read_only=False)
        assert set(Case.objects.visible_to(office)) == set(
            Case.objects.filter(campaign__county=county)
        )
        assert set(Household.objects.visible_to(office)) == set(
            Household.objects.filter(township__area=county)
        )
        assert Visit.objects.visible_to(office).count() == TINY.visits
        assert Activity.objects.visible_to(office).count() == TINY.activities
    clerk = User.objects.get(username=measured_county().clerk)
    assert set(Household.objects.visible_to(clerk)) == set(
        Household.objects.filter(township=clerk.unit)
    )


def test_new_rows_get_ids_after_the_generated_ones(generated):
    county = Area.objects.counties().first()
    unit = Unit.objects.create(area=county, name="新单位", code="new-unit", kind="member")
    assert unit.pk > max(Unit.objects.exclude(pk=unit.pk).values_list("pk", flat=True))


def test_it_measures_the_ledger_against_the_admin(generated):
    first, deep, clerk = ledger_pages()
    county = measured_county()
    assert (first.username, clerk.username) == (county.office, county.clerk)
    result = measure(first, runs=2)
    assert result["page"]["runs"] == result["baseline"]["runs"] == 2
    assert 0 < result["page"]["queries"] < 30
    assert 0 < result["baseline"]["queries"] < 30
    assert result["page"]["median_ms"] > 0
    # The admin baseline lists the same county's cases as the office's ledger.
    in_progress = Case.objects.filter(campaign=county.campaign, status="in_progress").count()
    with override_settings(ROOT_URLCONF="bench.urls"):
        assert first.get().context["paginator"].count == in_progress
        assert first.baseline.get().context["cl"].result_count == in_progress
    assert User.objects.filter(username="admin", is_superuser=True).exists()


def test_it_measures_the_case_and_household_pages(generated):
    for page in detail_pages():
        result = measure(page, runs=1)
        assert "baseline" not in result
        assert result["page"]["queries"] > 0


def test_it_imports_a_filled_in_template_against_its_baseline(generated, tmp_path):
    # bench.imports at a tiny size: the same file, the same two tasks, run here rather than
    # each in a fresh process, and rolled back as there.
    path = tmp_path / "import.xlsx"
    build(path, rows=20)
    before = Person.objects.count()
    clerk = measured_county().clerk
    assert task_import(str(path), clerk) == {"rows": 20, "persons": 20}
    assert task_import_baseline(str(path), clerk) == {"rows": 20, "persons": 20}
    assert Person.objects.count() == before


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the SQL baselines are PostgreSQL's SQL"
)
def test_the_reports_baselines_count_the_county_as_the_app_does(generated):
    from bench.reports import dashboard_matches, progress_matches

    assert progress_matches()
    assert dashboard_matches()


def test_the_writer_gives_unlisted_fields_their_defaults(db):
    writer = Writer()
    first = writer.next_id(Unit)
    county = area_add(name="某县", level="county")
    writer.write(
        Unit,
        ["id", "area_id", "name", "code", "kind"],
        [(first, county.pk, "某单位", "some-unit", "member")],
    )
    unit = Unit.objects.get(pk=first)
    assert (unit.short_name, unit.is_active) == ("", True)
