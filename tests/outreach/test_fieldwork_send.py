"""Visits recorded on a clerk's phone without signal, sent once there is signal again."""

import json
import uuid
from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from outreach.fieldwork.sync import MAX_VISITS
from outreach.models import Finding, Household, Policy, Visit, VisitKey
from outreach.services import household_archive
from tests.factories import HouseholdFactory, PersonFactory, VisitFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plan")]

URL = reverse("outreach:survey_send")


def visit_of(household, plan, **changes):
    return {
        "key": str(uuid.uuid4()),
        "household": household.pk,
        "campaign": plan.pk,
        "visited_on": "2015-06-14",
        "visitors": "甲、村主任",
        "notes": "",
        "findings": [{"topic": 5, "text": "生活困难", "needs_action": False}],
        "policies_done": [],
        "policies_missing": [],
    } | changes


def send(client, visits):
    response = client.post(URL, json.dumps({"visits": visits}), content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


def statuses(answer):
    return [(r["status"], r["reason"]) for r in answer["results"]]


@pytest.fixture
def homes(township_a):
    return [HouseholdFactory(township=township_a, head_name=f"户{n}") for n in range(3)]


def test_three_visits_are_recorded_once_each_whatever_the_sends(client_for, clerk_a, homes, plan):
    policy = Policy.objects.filter(county=plan.county).first()
    sent = [
        visit_of(
            homes[0],
            plan,
            findings=[
                {"topic": 4, "text": "优待金未发放", "needs_action": True},
                {"topic": 5, "text": "房屋漏雨", "needs_action": False},
            ],
            policies_missing=[policy.pk],
        ),
        visit_of(homes[1], plan),
        visit_of(homes[2], plan, visited_on="2015-06-15"),
    ]
    client = client_for(clerk_a)

    first = send(client, sent)
    again = send(client, sent)

    assert [r["status"] for r in first["results"]] == ["recorded"] * 3
    assert first["counts"] == {"recorded": 3, "already": 0, "refused": 0}
    assert [r["key"] for r in first["results"]] == [v["key"] for v in sent]
    assert statuses(again) == [("already", "已记录过。")] * 3
    assert [r["visit"] for r in again["results"]] == [r["visit"] for r in first["results"]]
    assert Visit.objects.count() == 3 and VisitKey.objects.count() == 3
    visit = Visit.objects.get(household=homes[0])
    assert visit.created_by == clerk_a and visit.township == homes[0].township
    assert visit.campaign == plan and visit.visited_on == date(2015, 6, 14)
    assert str(visit.sent_key.key) == sent[0]["key"]
    action = visit.findings.get(topic__number=4)
    assert action.needs_action and list(action.policies_missing.all()) == [policy]
    # What the visit form would have made: the finding waits for the ledger like any other.
    assert Finding.objects.filter(needs_action=True, case_link__isnull=True).count() == 1


def refusal(client, visit):
    before = Visit.objects.count()
    [result] = send(client, [visit])["results"]
    assert result["status"] == "refused" and result["visit"] is None
    assert Visit.objects.count() == before
    assert VisitKey.objects.count() == 0
    return result["reason"]


def test_a_visit_without_a_valid_key_is_refused(client_for, clerk_a, household, plan):
    client = client_for(clerk_a)
    assert refusal(client, visit_of(household, plan, key="not-a-key")) == (
        "这条走访记录缺少有效的本机编号，请重新记录。"
    )
    assert refusal(client, visit_of(household, plan, key=None)).startswith("这条走访记录缺少")


def test_a_household_archived_meanwhile_is_refused(client_for, clerk_a, household, plan):
    household_archive(user=clerk_a, household=household)
    reason = refusal(client_for(clerk_a), visit_of(household, plan))
    assert reason == "下载走访清单后，该户已被归档。"


def test_a_household_moved_to_another_township_is_refused(
    client_for, clerk_a, household, township_b, plan
):
    Household.objects.filter(pk=household.pk).update(township=township_b)
    reason = refusal(client_for(clerk_a), visit_of(household, plan))
    assert reason.startswith("该户已不在本乡镇的名册中")


def test_a_clerk_cannot_send_a_visit_for_another_township(client_for, clerk_b, household, plan):
    PersonFactory(household=household, name="张成员")
    reason = refusal(client_for(clerk_b), visit_of(household, plan))
    assert reason.startswith("该户已不在本乡镇的名册中")
    assert "张" not in reason


def test_a_clerk_cannot_send_a_visit_for_another_county(client_for, clerk_a, plan, cast):
    from tests.other_county import build_other_county

    theirs = build_other_county()
    household = theirs.objects["household"]
    reason = refusal(client_for(clerk_a), visit_of(household, plan))
    assert reason.startswith("该户已不在本乡镇的名册中")
    assert not Visit.objects.filter(household=household, created_by__unit__area=plan.county)


def test_a_date_in_the_future_is_refused_as_the_form_refuses_it(
    client_for, clerk_a, household, plan
):
    reason = refusal(client_for(clerk_a), visit_of(household, plan, visited_on="2015-06-16"))
    assert "走访日期不能晚于今天。" in reason


def test_a_second_visit_the_same_day_is_refused(client_for, clerk_a, household, plan):
    VisitFactory(household=household, visited_on=date(2015, 6, 14), created_by=clerk_a)
    reason = refusal(client_for(clerk_a), visit_of(household, plan))
    assert reason == "该户 2015-06-14 的走访已有记录。"


def test_the_forms_other_rules_are_applied(client_for, clerk_a, household, plan):
    client = client_for(clerk_a)
    no_text = visit_of(household, plan, findings=[{"topic": 5, "text": "", "needs_action": True}])
    assert refusal(client, no_text).endswith("：请写明需要解决的问题。")
    assert "请至少记录一条走访情况。" in refusal(client, visit_of(household, plan, findings=[]))
    garrison_topic = visit_of(household, plan, findings=[{"topic": 1, "text": "训练器材不足"}])
    assert refusal(client, garrison_topic) == "专题1不适用于此类走访。"
    before_campaign = visit_of(household, plan, visited_on="2014-12-01")
    assert "2014-12-01" in refusal(client, before_campaign)
    assert refusal(client, visit_of(household, plan, findings="房屋漏雨")) == (
        "这条走访记录的走访情况无法读取。"
    )
    assert refusal(client, visit_of(household, plan, campaign=plan.pk + 1000)).startswith(
        "这条走访记录属于另一轮活动"
    )


def test_one_visit_refused_leaves_the_others_recorded(client_for, clerk_a, homes, plan):
    household_archive(user=clerk_a, household=homes[1])
    answer = send(client_for(clerk_a), [visit_of(h, plan) for h in homes])
    assert [r["status"] for r in answer["results"]] == ["recorded", "refused", "recorded"]
    assert set(Visit.objects.values_list("household", flat=True)) == {homes[0].pk, homes[2].pk}


def test_the_key_is_unique_in_the_database(clerk_a, household, plan):
    visit = VisitFactory(household=household, created_by=clerk_a)
    key = uuid.uuid4()
    VisitKey.objects.create(key=key, visit=visit)
    other = VisitFactory(household=household, visited_on=date(2015, 4, 2), created_by=clerk_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        VisitKey.objects.create(key=key, visit=other)


def test_malformed_json_is_refused_whole_with_nothing_written(client_for, clerk_a, household):
    client = client_for(clerk_a)
    for body in ['{"visits": [', '["a list"]', '{"visits": "x"}', b"\xff\xfe"]:
        response = client.post(URL, body, content_type="application/json")
        assert response.status_code == 400
        assert response.json() == {"error": "发送的走访记录无法读取；未记录任何内容。"}
    assert Visit.objects.count() == 0


def test_more_than_the_limit_in_one_send_is_refused_whole(client_for, clerk_a, household, plan):
    visits = [visit_of(household, plan) for _ in range(MAX_VISITS + 1)]
    response = client_for(clerk_a).post(
        URL, json.dumps({"visits": visits}), content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error"] == f"一次最多发送 {MAX_VISITS} 条走访记录；本次未记录任何内容。"
    assert Visit.objects.count() == 0


def test_a_send_needs_the_csrf_token(clerk_a, household, plan):
    client = Client(enforce_csrf_checks=True)
    client.force_login(clerk_a)
    body = json.dumps({"visits": [visit_of(household, plan)]})
    refused = client.post(URL, body, content_type="application/json")
    assert refused.status_code == 403
    assert Visit.objects.count() == 0
    client.get(reverse("outreach:survey"))  # the app's page sets the token's cookie
    token = client.cookies["csrftoken"].value
    accepted = client.post(
        URL, body, content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert accepted.status_code == 200 and Visit.objects.count() == 1


@pytest.mark.parametrize("role", ["office", "leader", "member", "liaison", "city"])
def test_only_a_township_clerk_sends(role, request, client_for, household, plan):
    response = client_for(request.getfixturevalue(role)).post(
        URL, json.dumps({"visits": [visit_of(household, plan)]}), content_type="application/json"
    )
    assert response.status_code == 403
    assert Visit.objects.count() == 0


def test_a_read_only_clerk_cannot_send(client_for, clerk_a, household, plan):
    clerk_a.read_only = True
    clerk_a.save()
    response = client_for(clerk_a).post(
        URL, json.dumps({"visits": [visit_of(household, plan)]}), content_type="application/json"
    )
    assert response.status_code == 403
    assert Visit.objects.count() == 0
