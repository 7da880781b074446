"""The benchmark's harness at a tiny size: the generator fills every table with valid rows
(COPY on PostgreSQL, INSERTs on SQLite), a page measurement counts queries and times the
ledger against its admin baseline, and the import runs a filled-in template against its
baseline. Figures are never asserted: the bench prints them."""

import pytest

from bench.dataset import Generator
from bench.import_file import build
from bench.imports import TOWNSHIP
from bench.isolated import task_import, task_import_baseline
from bench.pages import detail_pages, ledger_pages, measure
from bench.sizes import TINY
from bench.writer import Writer
from campaign.models import Unit, User
from grievances.models import Case, CaseEvent
from outreach.idnumbers import parse_id_number
from outreach.models import Household, Person, Visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated(plan):
    return Generator(TINY).run()


def test_it_generates_the_sizes_asked_for(generated):
    assert Unit.objects.filter(kind="township").count() == TINY.townships
    assert Unit.objects.filter(kind="member").count() == TINY.members
    assert Household.objects.count() == TINY.households
    assert Person.objects.count() == TINY.persons
    assert Visit.objects.count() == TINY.visits
    assert Case.objects.count() == TINY.cases
    assert CaseEvent.objects.count() >= TINY.events
    assert generated["outreach_person"] == TINY.persons


def test_its_id_numbers_are_valid_and_unique(generated):
    numbers = list(Person.objects.values_list("id_number", "birth_date", "sex"))
    assert len({n for n, _, _ in numbers}) == len(numbers)
    for number, born, sex in numbers:
        parsed = parse_id_number(number)
        assert (parsed.birth_date, parsed.sex) == (born, sex)


def test_its_cases_spread_over_statuses_townships_and_lead_units(generated):
    assert Case.objects.values("status").distinct().count() >= 5
    assert Case.objects.values("township").distinct().count() == TINY.townships
    assert Case.objects.exclude(lead_unit=None).values("lead_unit").distinct().count() > 3
    assert Case.co_units.through.objects.exists()
    # Ledger numbers run gapless per year, as the app gives them out.
    for year in Case.objects.values_list("year", flat=True).distinct():
        sequences = sorted(Case.objects.filter(year=year).values_list("sequence", flat=True))
        assert sequences == list(range(1, len(sequences) + 1))


def test_new_rows_get_ids_after_the_generated_ones(generated):
    unit = Unit.objects.create(name="新单位", code="new-unit", kind="member")
    assert unit.pk > max(Unit.objects.exclude(pk=unit.pk).values_list("pk", flat=True))


def test_it_measures_the_ledger_against_the_admin(generated):
    first = ledger_pages()[0]
    result = measure(first, runs=2)
    assert result["page"]["runs"] == result["baseline"]["runs"] == 2
    assert 0 < result["page"]["queries"] < 30
    assert 0 < result["baseline"]["queries"] < 30
    assert result["page"]["median_ms"] > 0
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
    assert task_import(str(path), TOWNSHIP, TOWNSHIP) == {"rows": 20, "persons": 20}
    assert task_import_baseline(str(path), TOWNSHIP) == {"rows": 20, "persons": 20}
    assert Person.objects.count() == before


def test_the_writer_gives_unlisted_fields_their_defaults(plan):
    writer = Writer()
    first = writer.next_id(Unit)
    writer.write(Unit, ["id", "name", "code", "kind"], [(first, "某单位", "some-unit", "member")])
    unit = Unit.objects.get(pk=first)
    assert (unit.short_name, unit.is_active) == ("", True)
