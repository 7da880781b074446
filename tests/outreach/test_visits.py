from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from campaign.models import Topic
from outreach.models import Finding, Policy, Visit
from outreach.services import visit_record
from tests.factories import FindingFactory, HouseholdFactory, VisitFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plan")]


def test_a_clerk_records_a_visit_with_two_findings(client_for, clerk_a, household):
    policies = list(Policy.objects.all()[:3])
    response = client_for(clerk_a).post(
        reverse("outreach:visit_household", args=[household.pk]),
        {
            "visited_on": "2015-04-02",
            "visitors": "甲、村主任",
            "topic_4_text": "优待金未发放",
            "topic_4_action": "on",
            "policies_done": [policies[0].pk, policies[1].pk],
            "policies_missing": [policies[2].pk],
            "topic_5_text": "房屋漏雨",
        },
    )
    visit = Visit.objects.get()
    assert response["Location"] == visit.get_absolute_url()
    findings = {f.topic.number: f for f in visit.findings.all()}
    assert sorted(findings) == [4, 5]
    assert findings[4].needs_action and not findings[5].needs_action
    assert list(findings[4].policies_missing.all()) == [policies[2]]
    assert visit.township == household.township and visit.created_by == clerk_a


def test_a_visit_needs_a_finding(client_for, clerk_a, household):
    response = client_for(clerk_a).post(
        reverse("outreach:visit_household", args=[household.pk]),
        {"visited_on": "2015-04-02", "visitors": "甲"},
    )
    assert "请至少记录一条走访情况。" in response.content.decode()
    assert Visit.objects.count() == 0


def test_a_visit_in_the_future_is_refused(client_for, clerk_a, household):
    response = client_for(clerk_a).post(
        reverse("outreach:visit_household", args=[household.pk]),
        {"visited_on": "2015-07-01", "visitors": "甲", "topic_5_text": "房屋漏雨"},
    )
    assert "走访日期不能晚于今天。" in response.content.decode()
    assert Visit.objects.count() == 0


def test_the_same_visit_saved_twice_is_refused_the_second_time(
    client_for, clerk_a, member, household
):
    """A double tap on 保存 records one visit; the second answer names the day. Another unit
    visiting the household that day records its own."""
    url = reverse("outreach:visit_household", args=[household.pk])
    visit = {"visited_on": "2015-04-02", "visitors": "甲", "topic_5_text": "房屋漏雨"}
    client = client_for(clerk_a)
    assert client.post(url, visit).status_code == 302
    again = client.post(url, visit)
    assert again.status_code == 200
    assert "该户 2015-04-02 的走访已有记录。" in again.content.decode()
    assert Visit.objects.filter(household=household).count() == 1
    visit_record(
        user=member,
        township=household.township,
        household=household,
        visited_on=date(2015, 4, 2),
        visitors="乙",
        findings=[{"topic": Topic.objects.get(number=5), "text": "门前路面坑洼"}],
    )
    assert Visit.objects.filter(household=household).count() == 2


def test_a_policy_cannot_be_both_done_and_missing(client_for, clerk_a, household):
    policy = Policy.objects.first()
    response = client_for(clerk_a).post(
        reverse("outreach:visit_household", args=[household.pk]),
        {
            "visited_on": "2015-04-02",
            "visitors": "甲",
            "topic_4_text": "政策落实",
            "policies_done": [policy.pk],
            "policies_missing": [policy.pk],
        },
    )
    assert f"同一项政策不能既已落实又未落实：{policy.name}。" in response.content.decode()
    assert Finding.objects.count() == 0


def test_a_garrison_visit_covers_topics_1_to_3(client_for, clerk_a, garrison_unit, plan):
    client_for(clerk_a).post(
        reverse("outreach:visit_garrison", args=[garrison_unit.pk]),
        {
            "visited_on": "2015-04-02",
            "visitors": "甲",
            "topic_1_text": "训练场需确权",
            "topic_1_action": "on",
        },
    )
    visit = Visit.objects.get()
    assert visit.garrison == garrison_unit and visit.township == clerk_a.unit
    assert [f.topic.number for f in visit.findings.all()] == [1]


def test_the_service_refuses_a_garrison_topic_on_a_household(clerk_a, household):
    with pytest.raises(ValidationError):
        visit_record(
            user=clerk_a,
            township=household.township,
            household=household,
            visited_on=date(2015, 4, 1),
            visitors="甲",
            findings=[{"topic": Topic.objects.get(number=1), "text": "x"}],
        )
    assert Visit.objects.count() == 0


def test_the_service_refuses_another_townships_household(clerk_b, household):
    with pytest.raises(PermissionDenied):
        visit_record(
            user=clerk_b,
            township=clerk_b.unit,
            household=household,
            visited_on=date(2015, 4, 1),
            visitors="乙",
            findings=[{"topic": Topic.objects.get(number=5), "text": "x"}],
        )


# A leader reads the household but changes nothing (403); the others cannot see it (404).
@pytest.mark.parametrize("role, status", [("leader", 403), ("member", 404), ("liaison", 404)])
def test_only_office_and_the_township_record_visits(role, status, request, client, household):
    client.force_login(request.getfixturevalue(role))
    url = reverse("outreach:visit_household", args=[household.pk])
    assert client.get(url).status_code == status
    response = client.post(
        url, {"visited_on": "2015-04-02", "visitors": "甲", "topic_5_text": "房屋漏雨"}
    )
    assert response.status_code == status
    assert Visit.objects.count() == 0


def test_the_visit_list_is_scoped(client_for, clerk_a, clerk_b, household):
    VisitFactory(household=household, visited_on=date(2015, 3, 3), created_by=clerk_a)
    assert client_for(clerk_b).get(reverse("outreach:visits")).context["object_list"].count() == 0
    assert client_for(clerk_a).get(reverse("outreach:visits")).context["object_list"].count() == 1


@pytest.mark.parametrize("rows", [1, 3])
def test_the_visit_list_keeps_its_query_count(
    client_for, office, township_a, garrison_unit, clerk_a, rows, django_assert_num_queries
):
    visits = []
    for _ in range(rows):
        household = HouseholdFactory(township=township_a)
        visits.append(VisitFactory(household=household, created_by=clerk_a))
        visits.append(
            VisitFactory(
                garrison_visit=True, garrison=garrison_unit, township=township_a, created_by=clerk_a
            )
        )
        FindingFactory(visit=visits[-2])
    client = client_for(office)
    with django_assert_num_queries(7):
        response = client.get(reverse("outreach:visits"))
    page = response.content.decode()
    for visit in visits:
        assert visit.get_absolute_url() in page and str(visit.subject) in page


def test_the_service_refuses_a_topic_of_another_countys_campaign(clerk_a, household, plan):
    from campaign.services import plan_load
    from tests.factories import county_for_tests

    elsewhere = plan_load(county=county_for_tests("另一县")).campaign
    with pytest.raises(PermissionDenied):
        visit_record(
            user=clerk_a,
            township=household.township,
            household=household,
            visited_on=date(2015, 4, 1),
            visitors="甲",
            findings=[{"topic": elsewhere.topics.get(number=5), "text": "x"}],
        )
    assert Visit.objects.count() == 0


def test_the_policies_go_with_the_topic_the_plan_flags_not_with_a_number(household, plan):
    from outreach.forms import VisitForm
    from tests.campaigns import add_next_campaign

    second = add_next_campaign()
    policy = Policy.objects.filter(county=household.township.area).first()
    form = VisitForm(
        {
            "visited_on": "2015-04-02",  # the form asks only that it is not in the future
            "visitors": "甲",
            "topic_3_text": "已核查",
            "policies_done": [policy.pk],
        },
        about="beneficiary",
        county_id=household.township.area_id,
        campaign=second,
    )
    assert [t.number for t in form.topics] == [3, 4, 5]
    assert form.is_valid(), form.errors
    [finding] = form.cleaned_data["findings"]
    assert finding["topic"] == second.topics.get(number=3)
    assert finding["policies_done"] == {policy}
    first = VisitForm(about="beneficiary", county_id=household.township.area_id, campaign=plan)
    assert [t.number for t in first.topics if t.policy_check] == [4]
    assert "policies_done" in first.fields
