"""Done when: in a county built as the demo is, 2015 signed off, the 2015 year-end workbook
written before and after two townships merge on 2016-02-01 holds the same value in every cell,
and the 2016 ledger names the surviving township on the open cases that moved."""

import io
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from administration.units.merge import merge_townships
from campaign.models import Campaign, Unit, User
from grievances.models import Case, CaseEvent, Status
from reports.report import YearReport
from reports.services import ledger_rows_for, year_sign_off
from reports.yearend import write_yearend

pytestmark = pytest.mark.django_db

TODAY = date(2016, 3, 15)
MERGED_ON = date(2016, 2, 1)


def cells(campaign) -> dict:
    handle = io.BytesIO()
    write_yearend(YearReport.load(2015, campaign=campaign, today=TODAY), handle, preparer="周")
    book = load_workbook(io.BytesIO(handle.getvalue()))
    return {
        sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()]
        for sheet in book.worksheets
    }


def test_a_merge_in_2016_leaves_the_signed_off_2015_workbook_unchanged(settings):
    settings.SHUANGYONG_TODAY = TODAY
    call_command("load_plan", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())
    campaign = Campaign.objects.get()
    office = User.objects.filter(
        unit__area=campaign.county, unit__kind=Unit.Kind.OFFICE, is_administrator=True
    ).first()
    year_sign_off(user=office, campaign=campaign, year=2015, today=TODAY)
    before = cells(campaign)

    absorbed, survivor = Unit.objects.filter(
        area=campaign.county, kind=Unit.Kind.TOWNSHIP, is_active=True
    ).order_by("code")[:2]
    moving = set(
        Case.objects.exclude(status=Status.CLOSED)
        .filter(township=absorbed)
        .values_list("pk", flat=True)
    )
    assert moving, "the demo's first township has open cases to move"
    merge_townships(
        user=office,
        absorbed=absorbed,
        survivor=survivor,
        merged_on=MERGED_ON,
        typed_name=absorbed.name,
        ticked=True,
    )
    assert CaseEvent.objects.filter(kind=CaseEvent.Kind.TOWNSHIP_MERGED).count() >= len(moving)

    after = cells(campaign)
    assert after.keys() == before.keys()
    for name in before:
        assert after[name] == before[name], name

    ledger_2016 = ledger_rows_for(campaign, 2016).filter(pk__in=moving)
    carried = Case.objects.filter(pk__in=moving)
    assert all(case.township == survivor for case in carried)
    assert all(case.township == survivor for case in ledger_2016)
