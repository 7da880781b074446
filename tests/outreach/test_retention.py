"""Kept no longer than needed: anonymise_expired reduces, once the county's period has passed
since archiving, the personal details of archived households and persons, in the records and
in their history, and keeps everything that is counted."""

from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection

from outreach import services
from outreach.models import AnonymisationRun, Household, Person, RetentionPolicy
from outreach.retention import (
    anonymise_expired,
    last_due_day,
    months_before,
    reduced_name,
)
from tests.factories import HouseholdFactory, PersonFactory, VisitFactory

pytestmark = pytest.mark.django_db

ARCHIVED = date(2016, 3, 15)
KEPT_THROUGH = date(2021, 3, 15)  # 60 months, the default


@pytest.fixture
def archived(household, person, clerk_a, settings):
    """张甲's household, with 张成员 and a second person, archived on 2016-03-15."""
    household.address, household.notes = "东村12号", "户主张甲，电话见上"
    household.save()
    second = PersonFactory(household=household, name="欧阳娜娜", phone="13900001111")
    person.phone = "13811112222"
    person.save()
    settings.SHUANGYONG_TODAY = ARCHIVED
    services.household_archive(user=clerk_a, household=household)
    household.refresh_from_db()
    return household, person, second


def _run(day, **options):
    out = StringIO()
    call_command("anonymise_expired", date=day.isoformat(), stdout=out, **options)
    return out.getvalue()


def test_archiving_records_the_day_and_restoring_clears_it(archived, clerk_a):
    household, person, _second = archived
    person.refresh_from_db()
    assert household.archived_on == ARCHIVED
    assert person.archived_on == ARCHIVED
    services.household_archive(user=clerk_a, household=household, archived=False)
    household.refresh_from_db()
    person.refresh_from_db()
    assert (household.archived_on, person.archived_on) == (None, None)


def test_names_keep_the_surname_only():
    assert reduced_name("张三丰") == "张某"
    assert reduced_name("张 三") == "张某"
    assert reduced_name("欧阳娜娜") == "欧阳某"
    assert reduced_name("欧阳") == "欧某"
    assert reduced_name("阿依古丽·买买提") == "某某"
    assert reduced_name("") == "某某"
    assert reduced_name("张某") == "张某"


def test_the_period_counts_in_calendar_months():
    assert months_before(date(2021, 3, 31), 1) == date(2021, 2, 28)
    assert months_before(date(2021, 3, 16), 60) == date(2016, 3, 16)
    assert last_due_day(date(2021, 3, 16), 60) == ARCHIVED


def test_it_keeps_the_details_through_the_last_day_of_the_period(archived):
    household, person, _second = archived
    output = _run(KEPT_THROUGH)
    assert "0" in output
    household.refresh_from_db()
    person.refresh_from_db()
    assert household.head_name == "张甲" and household.anonymised_on is None
    assert person.name == "张成员" and person.id_number and person.anonymised_on is None
    assert not AnonymisationRun.objects.exists()


def test_it_anonymises_on_the_first_day_after(archived, township_a):
    household, person, second = archived
    birth_year = person.birth_date.year
    kept = {
        "sex": person.sex,
        "relation": person.relation,
        "categories": list(person.categories.values_list("pk", flat=True)),
    }
    output = _run(date(2021, 3, 16))
    assert "1" in output and "2" in output
    household.refresh_from_db()
    person.refresh_from_db()
    second.refresh_from_db()
    assert (household.head_name, household.address, household.phone, household.notes) == (
        "张某",
        "",
        "",
        "",
    )
    assert (household.number, household.village, household.township) == (
        household.number,
        "东村",
        township_a,
    )
    assert household.anonymised_on == date(2021, 3, 16)
    assert (person.name, person.id_number, person.phone) == ("张某", "", "")
    assert person.birth_date == date(birth_year, 1, 1)
    assert person.sex == kept["sex"] and person.relation == kept["relation"]
    assert list(person.categories.values_list("pk", flat=True)) == kept["categories"]
    assert second.name == "欧阳某" and second.id_number == "" and second.phone == ""
    assert person.anonymised_on == second.anonymised_on == date(2021, 3, 16)


def test_a_household_not_archived_long_enough_and_an_active_one_are_left(
    archived, township_a, clerk_a, settings
):
    later = HouseholdFactory(township=township_a, head_name="李乙")
    later_person = PersonFactory(household=later, name="李成员")
    settings.SHUANGYONG_TODAY = date(2016, 3, 16)
    services.household_archive(user=clerk_a, household=later)
    active = PersonFactory(household=HouseholdFactory(township=township_a), name="王在册")
    _run(date(2021, 3, 16))
    later_person.refresh_from_db()
    active.refresh_from_db()
    assert later_person.name == "李成员" and later_person.anonymised_on is None
    assert active.name == "王在册" and active.id_number


def test_history_keeps_nothing_that_was_removed(archived):
    household, person, _second = archived
    number = person.id_number
    _run(date(2021, 3, 16))
    person_rows = list(Person.history.filter(id=person.pk))
    household_rows = list(Household.history.filter(id=household.pk))
    assert len(person_rows) >= 3  # created, changed, archived, anonymised
    assert {(r.name, r.id_number, r.phone) for r in person_rows} == {("张某", "", "")}
    assert {r.birth_date.month * 100 + r.birth_date.day for r in person_rows} == {101}
    assert {(r.head_name, r.address, r.phone, r.notes) for r in household_rows} == {
        ("张某", "", "", "")
    }
    # Nowhere in the database, whatever the table.
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            columns = [
                c.name for c in connection.introspection.get_table_description(cursor, table)
            ]
            for column in columns:
                cursor.execute(
                    f'SELECT COUNT(*) FROM "{table}" WHERE CAST("{column}" AS TEXT) LIKE %s',
                    [f"%{number}%"],
                )
                assert cursor.fetchone()[0] == 0, f"{table}.{column}"


def test_counted_records_are_kept(archived, clerk_a, plan):
    household, person, _second = archived
    visit = VisitFactory(household=household, visited_on=date(2015, 4, 1), created_by=clerk_a)
    _run(date(2021, 3, 16))
    visit.refresh_from_db()
    assert visit.household_id == household.pk
    assert Person.objects.filter(household=household).count() == 2
    assert Household.objects.filter(pk=household.pk, archived=True).exists()


def test_a_dry_run_writes_nothing(archived):
    household, person, _second = archived
    before = {
        "households": list(Household.objects.values()),
        "persons": list(Person.objects.values()),
        "household_history": Household.history.count(),
        "person_history": list(Person.history.values()),
    }
    output = _run(date(2021, 3, 16), dry_run=True)
    assert "1" in output
    after = {
        "households": list(Household.objects.values()),
        "persons": list(Person.objects.values()),
        "household_history": Household.history.count(),
        "person_history": list(Person.history.values()),
    }
    assert after == before
    assert not AnonymisationRun.objects.exists()


def test_running_again_does_nothing(archived):
    _run(date(2021, 3, 16))
    history = (Household.history.count(), Person.history.count())
    again = anonymise_expired(county=archived[0].township.area, as_of=date(2021, 3, 17))
    assert again.nothing
    assert (Household.history.count(), Person.history.count()) == history
    assert AnonymisationRun.objects.count() == 1


def test_the_run_lists_its_counts_and_records(archived):
    household, person, second = archived
    _run(date(2021, 3, 16))
    run = AnonymisationRun.objects.get()
    assert (run.households, run.persons, run.months) == (1, 2, 60)
    assert run.county == household.township.area
    assert run.archived_by == ARCHIVED
    assert run.records == [
        {
            "id": household.pk,
            "number": household.number,
            "township": "甲镇",
            "village": "东村",
            "household": True,
            "persons": [person.pk, second.pk],
        }
    ]
    assert run.history.count() == 1


def test_the_county_setting_shortens_or_lengthens_the_period(archived):
    household, _person, _second = archived
    RetentionPolicy.objects.create(county=household.township.area, months=12)
    _run(date(2017, 3, 15))
    household.refresh_from_db()
    assert household.anonymised_on is None
    _run(date(2017, 3, 16))
    household.refresh_from_db()
    assert household.anonymised_on == date(2017, 3, 16)


def test_an_anonymised_household_cannot_be_restored_nor_its_persons_edited(archived, clerk_a):
    household, person, _second = archived
    _run(date(2021, 3, 16))
    household.refresh_from_db()
    with pytest.raises(ValidationError):
        services.household_archive(user=clerk_a, household=household, archived=False)
    person.refresh_from_db()
    person.name = "张成员"
    with pytest.raises(ValidationError):
        services.person_save(user=clerk_a, person=person)
    household.refresh_from_db()
    assert household.archived and household.head_name == "张某"


def test_the_command_refuses_an_unknown_county_or_a_bad_date(db):
    with pytest.raises(CommandError):
        call_command("anonymise_expired", county="无此县", stdout=StringIO())
    with pytest.raises(CommandError):
        call_command("anonymise_expired", date="2021-13-01", stdout=StringIO())


def test_the_command_takes_one_county(archived):
    household = archived[0]
    county = household.township.area
    _run(date(2021, 3, 16), county=county.name)
    household.refresh_from_db()
    assert household.anonymised_on == date(2021, 3, 16)


def test_the_household_page_says_anonymised_and_shows_nothing_in_full(
    archived, client_for, clerk_a
):
    from django.urls import reverse

    from outreach.models import IdNumberView

    household, person, _second = archived
    _run(date(2021, 3, 16))
    response = client_for(clerk_a).get(reverse("outreach:household", args=[household.pk]))
    page = response.content.decode()
    assert page.count("已匿名化") >= 3  # the household, its phone, each person
    assert not response.context["show_full"] and not response.context["can_edit"]
    assert reverse("outreach:person_edit", args=[person.pk]) not in page
    assert 'name="restore"' not in page
    assert "张成员" not in page and "13811112222" not in page
    assert not IdNumberView.objects.exists()
    edit = client_for(clerk_a).get(reverse("outreach:person_edit", args=[person.pk]))
    assert edit.status_code == 403
    restore = client_for(clerk_a).post(
        reverse("outreach:household_archive", args=[household.pk]), {"restore": "1"}
    )
    assert restore.status_code == 403
    household.refresh_from_db()
    assert household.archived


def test_archiving_again_does_not_move_the_day(archived, clerk_a, settings):
    household, person, _second = archived
    settings.SHUANGYONG_TODAY = date(2017, 1, 1)
    services.household_archive(user=clerk_a, household=household)
    household.refresh_from_db()
    person.refresh_from_db()
    assert household.archived_on == person.archived_on == ARCHIVED
