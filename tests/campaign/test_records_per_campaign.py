"""Visits, activities, inspections and 五个一 belong to the campaign they were recorded in:
a second campaign starts with empty lists and a blank checklist, the first one's figures stay as
they were, and a household carries its visits of every campaign."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaign.models import FiveOnesItem, Inspection, Topic
from campaign.services import five_ones_update, inspection_record
from outreach.activities import activity_save
from outreach.models import Activity, Visit
from outreach.services import visit_record
from reports.report import SECTIONS, YearReport
from tests.campaigns import NEXT_NAME, add_next_campaign
from tests.factories import (
    ActivityFactory,
    FindingFactory,
    FiveOnesItemFactory,
    HouseholdFactory,
    InspectionFactory,
    VisitFactory,
    kind_of,
    rating_of,
)

pytestmark = pytest.mark.django_db

IN_THE_NEXT = date(2017, 6, 1)


@pytest.fixture
def first_records(plan, township_a, clerk_a, office):
    """A household visited, an activity, an inspection and a 五个一 item in the first campaign."""
    household = HouseholdFactory(township=township_a, head_name="钱甲")
    visit = VisitFactory(household=household, visited_on=date(2015, 4, 1), created_by=clerk_a)
    FindingFactory(visit=visit)
    return {
        "household": household,
        "visit": visit,
        "activity": ActivityFactory(organiser=township_a, title="首轮慰问", created_by=clerk_a),
        "inspection": InspectionFactory(
            unit=township_a, inspectors="首轮督查组", created_by=office
        ),
        "five_ones": FiveOnesItemFactory(unit=township_a, item="room", updated_by=clerk_a),
    }


def figures(campaign, year):
    report = YearReport(year, campaign=campaign, today=IN_THE_NEXT)
    return {name: report.section(name) for name in SECTIONS}


def next_topic():
    return Topic.objects.get(campaign__starts_on__year=2017, number=5)


def record_in_the_next(household, township, clerk, office):
    visit_record(
        user=clerk, township=township, household=household, visited_on=date(2017, 5, 2),
        visitors="乙", findings=[{"topic": next_topic(), "text": "再访"}],
    )  # fmt: skip
    activity_save(
        user=clerk,
        activity=Activity(
            kind=kind_of(township, "condolence_visit"), held_on=date(2017, 5, 3), title="次轮慰问"
        ),
    )
    inspection_record(
        user=office, unit=township, inspected_on=date(2017, 5, 4), inspectors="次轮督查组",
        checked="台账", rating=rating_of(township, "good"),
    )  # fmt: skip
    five_ones_update(
        user=clerk, unit=township, item="room", status="building", done_on=None,
        description="次轮活动室",
    )  # fmt: skip


def test_the_next_campaign_starts_with_empty_lists_and_a_blank_checklist(
    first_records, township_a, office, client_for, settings
):
    add_next_campaign()
    settings.SHUANGYONG_TODAY = IN_THE_NEXT
    client = client_for(office)
    for name in ("outreach:visits", "outreach:activities", "campaign:inspections"):
        page = client.get(reverse(name)).content.decode()
        assert "首轮" not in page, name
        assert first_records["visit"].get_absolute_url() not in page, name
    unit_page = client.get(reverse("campaign:five_ones_unit", args=[township_a.pk]))
    assert [entry for _label, entry, _form in unit_page.context["forms"]] == [None] * 5
    county_page = client.get(reverse("campaign:five_ones")).context["rows"]
    assert [row["done"] for row in county_page if row["unit"] == township_a] == [0]
    # Visited in the first campaign is not visited in this one.
    households = client.get(reverse("outreach:households"), {"visited": "no"})
    assert "钱甲" in households.content.decode()
    assert households.context["coverage"] == {"total": 1, "visited": 0}


def test_records_go_to_the_campaign_in_view_and_the_first_ones_figures_stay(
    first_records, plan, township_a, clerk_a, office, settings
):
    before = {year: figures(plan, year) for year in (2015, 2016)}
    assert before[2015]["summary"]["visited"] == 1 and before[2015]["summary"]["activities"] == 1
    next_campaign = add_next_campaign()
    settings.SHUANGYONG_TODAY = IN_THE_NEXT
    record_in_the_next(first_records["household"], township_a, clerk_a, office)
    for model in (Visit, Activity, Inspection, FiveOnesItem):
        campaigns = sorted(model.objects.values_list("campaign__name", flat=True))
        assert campaigns == sorted([plan.name, NEXT_NAME]), model.__name__
    # The first campaign's room stays as it was; the next one has its own.
    assert FiveOnesItem.objects.get(campaign=plan).status == "done"
    assert FiveOnesItem.objects.get(campaign=next_campaign).description == "次轮活动室"
    assert {year: figures(plan, year) for year in (2015, 2016)} == before
    later = figures(next_campaign, 2017)
    assert later["summary"]["visited"] == 1
    assert later["summary"]["activities"] == 1
    assert later["summary"]["five_ones_done"] == 0


def test_a_date_outside_the_campaign_in_view_is_refused_and_nothing_written(
    first_records, township_a, clerk_a, office, settings
):
    add_next_campaign()
    settings.SHUANGYONG_TODAY = IN_THE_NEXT
    household = first_records["household"]
    expected = f"2016-12-01不在“{NEXT_NAME}”的起止日期（2017-01-01 – 2020-12-31）之内"
    attempts = {
        Visit: lambda: visit_record(
            user=clerk_a,
            township=township_a,
            household=household,
            visited_on=date(2016, 12, 1),
            visitors="乙",
            findings=[{"topic": next_topic(), "text": "补记"}],
        ),  # fmt: skip
        Activity: lambda: activity_save(
            user=clerk_a,
            activity=Activity(
                kind=kind_of(township_a, "condolence_visit"), held_on=date(2016, 12, 1), title="补"
            ),
        ),
        Inspection: lambda: inspection_record(
            user=office,
            unit=township_a,
            inspected_on=date(2016, 12, 1),
            inspectors="补",
            checked="台账",
            rating=rating_of(township_a, "good"),
        ),  # fmt: skip
    }
    for model, attempt in attempts.items():
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert any(expected in message for message in refused.value.messages), model.__name__
        assert model.objects.count() == 1, model.__name__


def test_the_county_without_a_campaign_records_nothing(township_a, clerk_a):
    household = HouseholdFactory(township=township_a)
    with pytest.raises(ValidationError) as refused:
        visit_record(
            user=clerk_a, township=township_a, household=household, visited_on=date(2015, 4, 1),
            visitors="乙", findings=[{"topic": None, "text": "x"}],
        )  # fmt: skip
    assert refused.value.messages == ["本县尚未载入实施方案：请县双拥办先载入。"]
    assert Visit.objects.count() == 0


def test_a_household_page_lists_its_visits_under_each_campaign(
    first_records, township_a, clerk_a, office, client_for, settings
):
    next_campaign = add_next_campaign()
    settings.SHUANGYONG_TODAY = IN_THE_NEXT
    record_in_the_next(first_records["household"], township_a, clerk_a, office)
    page = client_for(clerk_a).get(first_records["household"].get_absolute_url()).content.decode()
    later = page.index(f'data-campaign="{next_campaign.pk}"')
    earlier = page.index(f'data-campaign="{first_records["visit"].campaign_id}"')
    assert later < page.index("2017-05-02") < earlier < page.index("2015-04-01")
    assert NEXT_NAME in page
