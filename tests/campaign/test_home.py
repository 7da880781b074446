from datetime import date

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_requires_login(client, plan):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_shows_the_current_phases_mid_campaign(client_for, clerk_a, plan):
    response = client_for(clerk_a).get(reverse("home"))
    page = response.content.decode()
    status = page.split('data-testid="phase-status"')[1].split("</div>")[0]
    assert "今天是2015年6月15日" in status
    assert "第3阶段：排忧解难" in status and "第6阶段：检查督促" in status
    assert "宣传动员" not in status
    assert [p.number for p in response.context["timeline"].current_phases] == [3, 6]


def test_it_says_when_the_campaign_has_not_started(client_for, clerk_a, plan, settings):
    settings.SHUANGYONG_TODAY = date(2014, 12, 1)
    page = client_for(clerk_a).get(reverse("home")).content.decode()
    assert "本轮活动尚未开始，将于2015年1月1日开始" in page


def test_it_says_when_the_campaign_has_ended(client_for, clerk_a, plan, settings):
    settings.SHUANGYONG_TODAY = date(2026, 11, 28)
    page = client_for(clerk_a).get(reverse("home")).content.decode()
    assert "本轮活动已于2016年12月31日结束" in page
    assert 'data-current="1"' not in page


def test_it_lists_the_five_workstreams_and_seven_topics(client_for, member, plan):
    page = client_for(member).get(reverse("home")).content.decode()
    for name in [
        "热爱国防崇尚荣誉教育",
        "双拥文化活动",
        "部队练兵打仗急需什么",
        "军人军属涉法涉诉等纠纷问题",
    ]:
        assert name in page


def test_it_keeps_a_fixed_query_count(client_for, office, plan, django_assert_max_num_queries):
    client = client_for(office)
    # The workbench's queues (one aggregate), its intake, survey and overdue priority counts,
    # the submissions waiting for review, beside the plan.
    with django_assert_max_num_queries(11):
        client.get(reverse("home"))


def test_a_clerk_sees_how_many_households_wait_for_a_visit(client_for, clerk_a, clerk_b, plan):
    from tests.factories import HouseholdFactory

    HouseholdFactory(township=clerk_a.unit)
    HouseholdFactory(township=clerk_b.unit)
    page = client_for(clerk_a).get(reverse("home")).content.decode()
    assert 'data-item="not_visited" data-count="1"' in page and "尚未走访的户" in page
