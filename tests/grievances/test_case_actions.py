"""The case page: the steps a user may take as buttons named for them, one step's form open at
a time, the deadline in words, a reopened case's earlier result as history, and 退回交办."""

from datetime import date

import pytest
from django.urls import reverse

from grievances import services
from grievances.models import Case, CaseEvent, Status
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REASON = "该问题属住房保障范围，不属本单位职责"


def step_url(case, action):
    return reverse("grievances:case_action", args=[case.pk, action])


def page(client, case, action=None):
    url = case.get_absolute_url() + (f"?action={action}" if action else "")
    return client.get(url)


def test_it_offers_each_step_as_a_button_and_opens_no_form_until_asked(
    client_for, member, assigned_case
):
    response = page(client_for(member), assigned_case)
    html = response.content.decode()
    assert [step.name for step in response.context["actions"]] == ["accept", "decline"]
    assert response.context["form"] is None
    url = assigned_case.get_absolute_url()
    assert f'href="{url}?action=accept#action-form"' in html and ">签收</a>" in html
    assert f'href="{url}?action=decline#action-form"' in html and ">退回交办</a>" in html
    assert '<form method="post" action="/ledger/' not in html
    assert "提交" not in html


def test_it_opens_one_steps_form_with_a_button_named_for_it(client_for, member, assigned_case):
    client = client_for(member)
    services.case_accept(user=member, case=assigned_case)
    response = page(client, assigned_case, "progress")
    html = response.content.decode()
    assert response.context["open_action"].name == "progress"
    assert html.count('method="post"') == 2  # the step's form and the sign-out form
    assert f'action="{step_url(assigned_case, "progress")}"' in html
    assert '<button class="btn btn-sm btn-primary" type="submit">报告进展</button>' in html
    assert 'aria-current="true">报告进展</a>' in html
    assert "提交" not in html


def test_a_step_not_open_to_the_user_opens_no_form_and_says_so(client_for, member, assigned_case):
    response = page(client_for(member), assigned_case, "close")
    assert response.context["form"] is None
    assert "此问题当前不能由您进行该项办理。" in response.content.decode()


def test_a_bad_step_keeps_what_was_typed_and_says_what_is_wrong(client_for, member, assigned_case):
    services.case_accept(user=member, case=assigned_case)
    response = client_for(member).post(
        step_url(assigned_case, "progress"),
        {"progress-on": "2099-01-01", "progress-note": "已联系施工队", "progress-version": 3},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "进展日期不能晚于今天。" in html
    assert "已联系施工队" in html
    assert assigned_case.events.filter(kind=CaseEvent.Kind.PROGRESS).count() == 0


def test_a_step_on_a_case_changed_meanwhile_is_refused_with_what_changed(
    client_for, office, member, member_unit, assigned_case
):
    opened = page(client_for(member), assigned_case, "accept").context["form"]
    version = opened.initial["version"]
    services.case_assign(
        user=office,
        case=assigned_case,
        lead_unit=member_unit,
        responsible_person="王科长",
        deadline=date(2015, 7, 10),
        measures="核查并报住建局",
    )
    response = client_for(member).post(
        step_url(assigned_case, "accept"), {"accept-note": "收到", "accept-version": version}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "打开表单后此问题已有变动" in html and "交办" in html
    assert "收到" in html  # what was typed is still there
    assert Case.objects.get(pk=assigned_case.pk).status == Status.ASSIGNED
    # Sent again from the page it came back on, it goes through.
    response = client_for(member).post(
        step_url(assigned_case, "accept"),
        {"accept-note": "收到", "accept-version": response.context["form"]["version"].value()},
    )
    assert response.status_code == 302
    assert Case.objects.get(pk=assigned_case.pk).status == Status.IN_PROGRESS


def test_a_step_no_longer_offered_because_the_case_moved_on_says_so(
    client_for, member, assigned_case
):
    colleague = UserFactory(username="minzheng2", unit=member.unit)
    version = assigned_case.version
    services.case_accept(user=colleague, case=assigned_case)
    response = client_for(member).post(
        step_url(assigned_case, "decline"),
        {"decline-reason": REASON, "decline-version": version},
    )
    assert response.status_code == 409
    assert "打开表单后此问题已有变动" in response.content.decode()
    assert Case.objects.get(pk=assigned_case.pk).status == Status.IN_PROGRESS


# 退回交办 through the page.


def test_the_lead_unit_declines_and_is_sent_to_its_inbox(
    client_for, member, member_unit, office, assigned_case
):
    response = client_for(member).post(
        step_url(assigned_case, "decline"),
        {"decline-reason": REASON, "decline-version": assigned_case.version},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("grievances:inbox")
    case = Case.objects.get(pk=assigned_case.pk)
    assert (case.status, case.lead_unit, case.declined_by) == (
        Status.REGISTERED,
        None,
        member_unit,
    )
    # No longer its case; the office sees it declined, with the reason in the timeline.
    assert page(client_for(member), case).status_code == 404
    office_page = page(client_for(office), case)
    html = office_page.content.decode()
    assert "县民政局已退回交办" in html
    declined = [e for e in office_page.context["events"] if e.kind == "declined"]
    assert [(e.note, e.unit) for e in declined] == [(REASON, member_unit)]
    assert REASON in html and "退回交办" in html
    assert [s.name for s in office_page.context["actions"]] == ["assign", "set_leader"]


def test_declining_without_a_reason_says_so_in_chinese_and_changes_nothing(
    client_for, member, assigned_case
):
    response = client_for(member).post(step_url(assigned_case, "decline"), {"decline-reason": " "})
    assert response.status_code == 400
    html = response.content.decode()
    assert "请说明此问题不属本单位职责的理由" in html
    # From the page it came back on (another address), the steps still open on the case page.
    assert f'href="{assigned_case.get_absolute_url()}?action=accept#action-form"' in html
    assert Case.objects.get(pk=assigned_case.pk).status == Status.ASSIGNED


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("office", 403),
        ("leader", 403),
        ("clerk_a", 403),
        ("co_member", 403),
        ("clerk_b", 404),
        ("liaison", 404),
        ("city", 403),
    ],
)
def test_only_the_lead_unit_may_decline_through_the_page(
    role, status, request, client_for, office, member_unit, co_unit, assigned_case
):
    services.case_assign(
        user=office,
        case=assigned_case,
        lead_unit=member_unit,
        co_units=[co_unit],
        responsible_person="王科长",
        deadline=date(2015, 7, 1),
        measures="核查",
    )
    user = request.getfixturevalue(role)
    response = client_for(user).post(step_url(assigned_case, "decline"), {"decline-reason": REASON})
    assert response.status_code == status
    assert Case.objects.get(pk=assigned_case.pk).lead_unit == member_unit
    assert not CaseEvent.objects.filter(kind=CaseEvent.Kind.DECLINED).exists()


# The deadline in words.


@pytest.mark.parametrize(
    ("today", "words"),
    [
        (date(2015, 6, 29), "剩余2个工作日"),
        (date(2015, 7, 1), "今天到期"),
        (date(2015, 7, 3), "已超期2个工作日"),
    ],
)
def test_the_deadline_says_what_it_is(today, words, settings, client_for, member, assigned_case):
    settings.SHUANGYONG_TODAY = today
    html = page(client_for(member), assigned_case).content.decode()
    assert words in html
    assert "剩余-" not in html


def test_a_reopened_case_shows_its_earlier_result_as_history(
    client_for, office, member, clerk_a, assigned_case
):
    case = services.case_accept(user=member, case=assigned_case)
    case = services.case_resolve(user=member, case=case, result="已更换屋面瓦")
    case = services.case_close(user=office, case=case)
    services.case_revisit(user=clerk_a, case=case, satisfaction="dissatisfied", note="仍漏雨")
    response = page(client_for(member), case)
    html = response.content.decode()
    assert response.context["case"].result == ""
    assert "已重新办理，此前的办理结果见办理过程。" in html
    assert "此前办理结果： 已更换屋面瓦" in html
