"""Done when: a person archived past the retention period is anonymised and the 2015
workbook's figures are unchanged. In a county built as the demo is, a household that a 2015
case is about is archived on 2016-03-15 with its persons, 2015 is signed off, and five years
and a day later anonymise_expired reduces them: the signed-off 2015 workbook holds the same
value in every cell; the live one (as if not signed off) differs only in the 对象 cells of
that household's cases, which now read the reduced name."""

import io
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from openpyxl.utils.cell import coordinate_from_string

from campaign.models import Campaign, Unit, User
from outreach.models import Household, Person
from outreach.services import household_archive
from reports.report import YearReport
from reports.services import ledger_rows_for, year_sign_off
from reports.yearend import write_yearend

pytestmark = pytest.mark.django_db

TODAY = date(2016, 3, 15)


def cells(report) -> dict:
    handle = io.BytesIO()
    write_yearend(report, handle, preparer="周")
    book = load_workbook(io.BytesIO(handle.getvalue()))
    return {
        (sheet.title, cell.coordinate): cell.value
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
    }


def test_anonymising_a_household_of_2015_leaves_the_2015_workbook_as_it_was(settings):
    settings.SHUANGYONG_TODAY = TODAY
    call_command("load_plan", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())
    campaign = Campaign.objects.get()
    office = User.objects.filter(
        unit__area=campaign.county, unit__kind=Unit.Kind.OFFICE, is_administrator=True
    ).first()
    case = ledger_rows_for(campaign, 2015).filter(household__isnull=False).first()
    household = case.household
    persons = list(household.persons.all())
    assert persons, "the demo household has persons"
    head = household.head_name
    household_archive(user=office, household=household)

    live = YearReport(2015, campaign=campaign, today=TODAY)
    live_before = cells(live)
    year_sign_off(user=office, campaign=campaign, year=2015, today=TODAY)
    signed_before = cells(YearReport.load(2015, campaign=campaign, today=TODAY))
    assert head in live_before.values()

    out = StringIO()
    call_command("anonymise_expired", date="2021-03-16", stdout=out)
    household.refresh_from_db()
    assert household.anonymised_on == date(2021, 3, 16)
    assert all(
        p.id_number == "" and p.name.endswith("某")
        for p in Person.objects.filter(pk__in=[p.pk for p in persons])
    )
    assert Household.objects.filter(anonymised_on__isnull=False).count() == 1

    signed_after = cells(YearReport.load(2015, campaign=campaign, today=TODAY))
    assert signed_after == signed_before

    live_after = cells(YearReport(2015, campaign=campaign, today=TODAY))
    assert live_after.keys() == live_before.keys()
    changed = {key for key in live_before if live_after[key] != live_before[key]}
    assert changed, "the live ledger names the household's head"
    assert {live_before[key] for key in changed} == {head}
    assert {live_after[key] for key in changed} == {household.head_name}
    # Only the ledger's subject column: every figure is the same.
    assert all(isinstance(live_before[key], str) for key in changed)
    assert len({(sheet, coordinate_from_string(at)[0]) for sheet, at in changed}) == 1
