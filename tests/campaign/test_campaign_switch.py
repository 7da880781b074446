"""Several campaigns in a county: which one is current, choosing another with the switcher (kept
in the session, per county, refused for another county's), the banner on an earlier one, and
signed-off years that stay frozen whichever campaign is looked at."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from administration.units.merge import merge_plan
from campaign.middleware import CAMPAIGN_KEY
from campaign.models import Campaign
from campaign.selectors import campaign_for, current_campaign
from reports.services import year_sign_off
from tests.campaigns import NEXT_NAME, add_next_campaign
from tests.factories import county_for_tests
from tests.other_county import build_other_county

pytestmark = pytest.mark.django_db

SWITCH = reverse("campaign:choose_campaign")


def test_the_current_campaign_is_the_one_running_else_the_last_started_else_the_first_to_come(
    plan,
):
    county = county_for_tests()
    second = add_next_campaign()
    third = Campaign.objects.create(
        county=county, name="第三轮", starts_on=date(2022, 1, 1), ends_on=date(2023, 12, 31)
    )
    assert current_campaign(county, today=date(2014, 5, 1)) == plan  # none started yet
    assert current_campaign(county, today=date(2016, 12, 31)) == plan
    assert current_campaign(county, today=date(2017, 1, 1)) == second
    assert current_campaign(county, today=date(2021, 6, 1)) == second  # between two
    assert current_campaign(county, today=date(2022, 1, 1)) == third
    assert current_campaign(None) is None


def test_with_one_campaign_there_is_no_switcher(client_for, office):
    page = client_for(office).get(reverse("home")).content.decode()
    assert 'data-testid="campaign-switch"' not in page


def test_the_switcher_marks_the_current_campaign_and_keeps_the_choice(
    client_for, office, plan, settings
):
    second = add_next_campaign()
    client = client_for(office)
    page = client.get(reverse("reports:dashboard")).content.decode()
    assert 'data-testid="campaign-switch"' in page
    assert f'<option value="{plan.pk}" selected>{plan.name}（当前）</option>' in page
    assert f'<option value="{second.pk}">{NEXT_NAME}</option>' in page
    assert 'data-testid="other-campaign"' not in page

    response = client.post(SWITCH, {"campaign": second.pk, "next": reverse("reports:dashboard")})
    assert response.status_code == 302 and response["Location"] == reverse("reports:dashboard")
    page = client.get(reverse("reports:dashboard"))
    assert page.context["years"] == [2017, 2018, 2019, 2020]
    assert f'<option value="{second.pk}" selected>' in page.content.decode()
    # A later campaign chosen while the first still runs: the banner says it has not begun.
    assert f"您正在查看尚未开始的一轮活动：{NEXT_NAME}" in page.content.decode()
    assert client.get(reverse("reports:dashboard"), {"year": 2015}).status_code == 404

    settings.SHUANGYONG_TODAY = date(2017, 5, 1)
    client.post(SWITCH, {"campaign": plan.pk})
    page = client.get(reverse("reports:dashboard")).content.decode()
    assert f"您正在查看往期的一轮活动：{plan.name}" in page
    assert f'<option value="{second.pk}">{NEXT_NAME}（当前）</option>' in page


@pytest.mark.parametrize("value", ["", "x", "999999"])
def test_a_campaign_that_is_not_one_of_the_countys_is_refused(client_for, office, plan, value):
    add_next_campaign()
    client = client_for(office)
    assert client.post(SWITCH, {"campaign": value}).status_code == 404
    assert "campaign_in_view" not in client.session
    assert client.get(SWITCH).status_code == 405


def test_another_countys_campaign_answers_404_and_changes_nothing(client_for, office, plan, cast):
    other = build_other_county()
    theirs = Campaign.objects.get(county=other.township.area)
    client = client_for(office)
    assert client.post(SWITCH, {"campaign": theirs.pk}).status_code == 404
    assert "campaign_in_view" not in client.session
    assert campaign_for(office) == plan


def test_a_stale_choice_in_the_session_counts_for_nothing(client_for, office, plan):
    second = add_next_campaign()
    client = client_for(office)
    client.post(SWITCH, {"campaign": second.pk})
    # A campaign that no longer exists (removed by a developer, or a session from another
    # database) is ignored.
    session = client.session
    session[CAMPAIGN_KEY] = {str(plan.county_id): Campaign.objects.order_by("pk").last().pk + 1}
    session.save()
    assert client.get(reverse("reports:dashboard")).context["years"] == [2015, 2016]


def test_the_city_chooses_per_county_and_opens_a_county_in_the_campaign_of_the_year(
    client_for, city, plan, cast, settings
):
    other = build_other_county()
    settings.SHUANGYONG_TODAY = date(2017, 5, 1)
    mine_next = add_next_campaign()
    add_next_campaign(county=other.township.area)
    client = client_for(city)
    page = client.get(reverse("reports:counties"), {"year": 2016})
    rows = page.context["rows"]
    assert {row.campaign.name for row in rows} == {plan.name}
    assert page.context["years"] == [2015, 2016, 2017, 2018, 2019, 2020]
    assert client.get(reverse("reports:dashboard")).context["years"][0] == 2017
    # "Open its dashboard" from the 2016 comparison: the county and its 2016 campaign.
    response = client.post(
        reverse("campaign:look_at_county"),
        {
            "county": plan.county_id,
            "campaign": plan.pk,
            "next": reverse("reports:dashboard") + "?year=2016",
        },
    )
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert mine_next.pk != plan.pk


def test_the_comparison_says_when_counties_run_different_campaigns(
    client_for, city, plan, cast, settings
):
    other = build_other_county()
    settings.SHUANGYONG_TODAY = date(2017, 5, 1)
    theirs = Campaign.objects.get(county=other.township.area)
    theirs.name = "乙县双拥模范县创建（2015—2017年）"
    theirs.ends_on = date(2017, 12, 31)
    theirs.save()
    add_next_campaign()
    page = client_for(city).get(reverse("reports:counties"), {"year": 2017})
    text = page.content.decode()
    assert 'data-testid="campaigns-differ"' in text
    assert theirs.name in text and NEXT_NAME in text
    assert sorted(page.context["campaign_names"]) == sorted([theirs.name, NEXT_NAME])


def test_a_year_signed_off_in_an_earlier_campaign_stays_frozen(
    office, plan, township_a, township_b, settings
):
    settings.SHUANGYONG_TODAY = date(2017, 3, 1)
    year_sign_off(user=office, campaign=plan, year=2016, today=date(2017, 3, 1))
    add_next_campaign()  # now the current one, with nothing signed off
    with pytest.raises(ValidationError, match="2016"):
        merge_plan(
            user=office, absorbed=township_a, survivor=township_b, merged_on=date(2016, 5, 1)
        )
    # In the second campaign's first year, with the first campaign's years signed off: allowed.
    year_sign_off(user=office, campaign=plan, year=2015, today=date(2017, 3, 1))
    merge_plan(user=office, absorbed=township_a, survivor=township_b, merged_on=date(2017, 2, 1))


def test_a_case_registered_while_looking_at_an_earlier_campaign_goes_to_the_current_one(
    client_for, office, plan, settings
):
    from grievances.services import case_register_findings
    from tests.factories import FindingFactory, HouseholdFactory, VisitFactory

    settings.SHUANGYONG_TODAY = date(2017, 5, 1)
    second = add_next_campaign()
    client = client_for(office)
    client.post(SWITCH, {"campaign": plan.pk})
    assert client.get(reverse("reports:dashboard")).context["years"] == [2015, 2016]
    household = HouseholdFactory()
    visit = VisitFactory(household=household, visited_on=date(2017, 4, 20), created_by=office)
    finding = FindingFactory(visit=visit, text="新一轮问题")
    office._campaigns_chosen = {str(plan.county_id): plan.pk}  # as the middleware puts it
    assert campaign_for(office) == plan
    case = case_register_findings(user=office, findings=[finding], merge=False)[0]
    assert case.campaign == second


def test_the_admins_year_filter_offers_the_chosen_campaigns_years(client_for, office, plan):
    office.is_superuser = True
    office.save()
    client = client_for(office)
    before = client.get("/admin/reports/unitprogress/").content.decode()
    assert "?year=2015" in before and "?year=2017" not in before
    client.post(SWITCH, {"campaign": add_next_campaign().pk})
    after = client.get("/admin/reports/unitprogress/").content.decode()
    assert "?year=2017" in after and "?year=2020" in after and "?year=2015" not in after
