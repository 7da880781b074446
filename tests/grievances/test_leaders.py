"""Leaders' cases (包案领导): the office names the county leader who takes a case personally;
he reads it in his own list and writes instructions (批示) the handling units read."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from campaign.workbench import items_for
from demo.county import DemoCounty
from demo.leaders import CASES_LED, INSTRUCTION, seed_leaders
from grievances import access, services
from grievances.models import Case, CaseEvent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ASSIGN = {"responsible_person": "王", "deadline": date(2015, 7, 1), "measures": "核查"}


def action_url(case, action):
    return reverse("grievances:case_action", args=[case.pk, action])


def events(case, kind):
    return list(CaseEvent.objects.filter(case=case, kind=kind).order_by("at", "id"))


# The services.


def test_the_office_sets_and_clears_the_leader_with_an_event_each(office, leader, assigned_case):
    case = services.case_set_leader(user=office, case=assigned_case, leader=leader, note="包案")
    assert Case.objects.get(pk=case.pk).leader == leader
    [event] = events(case, CaseEvent.Kind.LEADER_SET)
    assert event.changes == {"leader": ["", leader.display_name]} and event.note == "包案"
    services.case_set_leader(user=office, case=case, leader=None)
    assert Case.objects.get(pk=case.pk).leader is None
    assert events(case, CaseEvent.Kind.LEADER_SET)[-1].changes == {
        "leader": [leader.display_name, ""]
    }


@pytest.mark.parametrize("who", ["office_staff", "member", "clerk_a", "city"])
def test_only_a_county_leader_may_lead_a_case(request, office, assigned_case, who):
    candidate = request.getfixturevalue(who)
    before = CaseEvent.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.case_set_leader(user=office, case=assigned_case, leader=candidate)
    assert "不是本县的县领导" in " ".join(refused.value.messages)
    assert Case.objects.get(pk=assigned_case.pk).leader is None
    assert CaseEvent.objects.count() == before


def test_another_countys_leader_or_an_inactive_one_may_not_lead(
    office, leader, assigned_case, other_county_leader
):
    for candidate in (other_county_leader, leader):
        if candidate == leader:
            leader.is_active = False
            leader.save()
        with pytest.raises(ValidationError):
            services.case_set_leader(user=office, case=assigned_case, leader=candidate)
    assert Case.objects.get(pk=assigned_case.pk).leader is None
    assert not events(assigned_case, CaseEvent.Kind.LEADER_SET)


def test_setting_the_same_leader_or_clearing_none_is_refused(office, leader, led_case):
    with pytest.raises(ValidationError, match="已是"):
        services.case_set_leader(user=office, case=led_case, leader=leader)
    services.case_set_leader(user=office, case=led_case, leader=None)
    with pytest.raises(ValidationError, match="尚无包案领导"):
        services.case_set_leader(user=office, case=led_case, leader=None)


@pytest.mark.parametrize("who", ["leader", "member", "clerk_a", "city"])
def test_only_the_office_names_a_leader(request, leader, assigned_case, who):
    with pytest.raises(PermissionDenied):
        services.case_set_leader(
            user=request.getfixturevalue(who), case=assigned_case, leader=leader
        )
    assert Case.objects.get(pk=assigned_case.pk).leader is None


def test_the_leader_instructs_his_case_and_nobody_else_does(
    leader, second_leader, office, member, led_case
):
    event = services.case_instruct(user=leader, case=led_case, text=" 依法优先办理 ")
    assert event.kind == CaseEvent.Kind.INSTRUCTED and event.note == "依法优先办理"
    assert event.by == leader
    for other in (second_leader, office, member):
        with pytest.raises(PermissionDenied):
            services.case_instruct(user=other, case=led_case, text="另一批示")
    assert len(events(led_case, CaseEvent.Kind.INSTRUCTED)) == 1


def test_an_empty_instruction_is_refused_and_nothing_is_written(leader, led_case):
    with pytest.raises(ValidationError) as refused:
        services.case_instruct(user=leader, case=led_case, text="   ")
    assert "请填写批示内容" in " ".join(refused.value.messages)
    assert not events(led_case, CaseEvent.Kind.INSTRUCTED)


def test_a_leader_no_longer_in_charge_cannot_instruct(office, leader, led_case):
    services.case_set_leader(user=office, case=led_case, leader=None)
    with pytest.raises(PermissionDenied):
        services.case_instruct(user=leader, case=led_case, text="批示")


def test_a_closed_case_takes_no_leader_and_no_instruction(office, leader, member, led_case):
    for step in (services.case_accept, services.case_resolve, services.case_close):
        kwargs = {"result": "已办结"} if step is services.case_resolve else {}
        step(user=member if step is not services.case_close else office, case=led_case, **kwargs)
    with pytest.raises(PermissionDenied):
        services.case_instruct(user=leader, case=led_case, text="批示")
    with pytest.raises(PermissionDenied):
        services.case_set_leader(user=office, case=led_case, leader=None)


# Access per role.


@pytest.mark.parametrize(
    ("role", "set_leader", "instruct"),
    [
        ("office", True, False),
        ("leader", False, True),
        ("second_leader", False, False),
        ("member", False, False),
        ("clerk_a", False, False),
        ("city", False, False),
    ],
)
def test_who_may_set_the_leader_and_who_may_instruct(request, led_case, role, set_leader, instruct):
    user = request.getfixturevalue(role)
    case = Case.objects.get(pk=led_case.pk)
    assert access.can_set_leader(user, case) is set_leader
    assert access.can_instruct(user, case) is instruct


# The pages.


def test_the_office_sets_the_leader_on_the_case_page(client_for, office, leader, assigned_case):
    client = client_for(office)
    page = client.get(assigned_case.get_absolute_url(), {"action": "set_leader"}).content.decode()
    assert leader.display_name in page
    response = client.post(
        action_url(assigned_case, "set_leader"),
        {"set_leader-leader": leader.pk, "set_leader-version": assigned_case.version},
    )
    assert response.status_code == 302
    assert Case.objects.get(pk=assigned_case.pk).leader == leader


def test_another_countys_leader_is_not_offered_and_refused(
    client_for, office, assigned_case, other_county_leader
):
    response = client_for(office).post(
        action_url(assigned_case, "set_leader"),
        {"set_leader-leader": other_county_leader.pk, "set_leader-version": assigned_case.version},
    )
    assert response.status_code == 400
    assert Case.objects.get(pk=assigned_case.pk).leader is None


def test_a_stale_leader_form_is_refused_and_saves_nothing(
    client_for, office, leader, second_leader, assigned_case
):
    opened = assigned_case.version
    services.case_set_leader(user=office, case=assigned_case, leader=second_leader)
    response = client_for(office).post(
        action_url(assigned_case, "set_leader"),
        {"set_leader-leader": leader.pk, "set_leader-version": opened},
    )
    assert response.status_code == 409
    assert "Nothing was saved" in response.content.decode() or "未保存" in (
        response.content.decode()
    )
    assert Case.objects.get(pk=assigned_case.pk).leader == second_leader


def test_a_stale_instruction_form_is_refused(client_for, office, leader, led_case):
    opened = Case.objects.get(pk=led_case.pk).version
    services.case_report_progress(
        user=UserFactory(username="m2", unit=led_case.lead_unit),
        case=services.case_accept(
            user=UserFactory(username="m1", unit=led_case.lead_unit), case=led_case
        ),
        on=date(2015, 6, 15),
        note="进展",
    )
    response = client_for(leader).post(
        action_url(led_case, "instruct"), {"instruct-text": "批示", "instruct-version": opened}
    )
    assert response.status_code == 409
    assert not events(led_case, CaseEvent.Kind.INSTRUCTED)


@pytest.mark.parametrize(("role", "status"), [("member", 403), ("clerk_b", 404), ("leader", 403)])
def test_others_may_not_set_a_leader_through_the_page(
    request, client_for, leader, assigned_case, role, status
):
    response = client_for(request.getfixturevalue(role)).post(
        action_url(assigned_case, "set_leader"),
        {"set_leader-leader": leader.pk, "set_leader-version": assigned_case.version},
    )
    assert response.status_code == status
    assert Case.objects.get(pk=assigned_case.pk).leader is None


def test_the_lead_unit_reads_the_instruction_on_the_case_page(
    client_for, leader, second_leader, member, led_case
):
    response = client_for(leader).post(
        action_url(led_case, "instruct"),
        {"instruct-text": "请民政局本周内上门核查", "instruct-version": led_case.version},
    )
    assert response.status_code == 302
    page = client_for(member).get(led_case.get_absolute_url()).content.decode()
    assert "请民政局本周内上门核查" in page and 'data-testid="instructions"' in page
    assert leader.display_name in page
    refused = client_for(second_leader).post(
        action_url(led_case, "instruct"),
        {"instruct-text": "越权批示", "instruct-version": led_case.version + 1},
    )
    assert refused.status_code == 403


# The ledger, its print and its workbook.


def test_the_ledger_shows_and_filters_by_the_leader(
    client_for, office, leader, make_cases, member_unit
):
    cases = make_cases(2, **ASSIGN)
    services.case_set_leader(user=office, case=cases[1], leader=leader)
    client = client_for(office)
    response = client.get(reverse("grievances:ledger"), {"leader": leader.pk})
    assert [c.number for c in response.context["object_list"]] == [cases[1].number]
    assert leader.display_name in response.content.decode()
    printed = client.get(reverse("grievances:ledger_print")).content.decode()
    assert "包案领导" in printed and leader.display_name in printed
    workbook = load_workbook(
        io.BytesIO(b"".join(client.get(reverse("grievances:ledger_export")).streaming_content)),
        read_only=True,
    )
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[1][-1] == "包案领导"
    assert [(r[0], r[-1]) for r in rows[2:]] == [
        (cases[0].number, None),
        (cases[1].number, leader.display_name),
    ]


# The leader's own list and his workbench.


@pytest.mark.parametrize("rows", [1, 3])
def test_the_cases_led_list_keeps_its_query_count(
    client_for, office, leader, make_cases, rows, django_assert_max_num_queries
):
    cases = make_cases(rows, **ASSIGN)
    for case in cases:
        services.case_set_leader(user=office, case=case, leader=leader)
    client = client_for(leader)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("grievances:cases_led"))
    page = response.content.decode()
    assert [c.number for c in response.context["cases"]] == [c.number for c in cases]
    assert f'data-total="{rows}"' in page
    for case in cases:
        assert f'data-case="{case.pk}"' in page


def test_each_leader_sees_his_own_cases_and_the_office_all(
    client_for, office, leader, second_leader, member, make_cases
):
    cases = make_cases(3, **ASSIGN)
    services.case_set_leader(user=office, case=cases[0], leader=leader)
    services.case_set_leader(user=office, case=cases[2], leader=second_leader)
    url = reverse("grievances:cases_led")

    def listed(user):
        return [c.number for c in client_for(user).get(url).context["cases"]]

    assert listed(leader) == [cases[0].number]
    assert listed(second_leader) == [cases[2].number]
    assert listed(office) == [cases[0].number, cases[2].number]
    assert client_for(member).get(url).status_code == 404


def test_the_leaders_workbench_counts_his_open_cases_as_the_list_does(
    client_for, office, leader, member, make_cases
):
    cases = make_cases(3, **ASSIGN)
    for case in cases:
        services.case_set_leader(user=office, case=case, leader=leader)
    services.case_accept(user=member, case=cases[0])
    services.case_resolve(user=member, case=cases[0], result="已解决")
    [item] = [i for i in items_for(leader) if i.key == "cases_led"]
    assert item.count == 2
    listed = client_for(leader).get(item.url)
    assert listed.context["paginator"].count == item.count
    assert cases[0].number not in [c.number for c in listed.context["cases"]]
    assert not [i for i in items_for(office) if i.key == "cases_led"]
    assert not [i for i in items_for(member) if i.key == "cases_led"]


# The demo.


def test_the_demo_leader_leads_three_cases_and_has_written_one_instruction(
    plan, office, leader, make_cases
):
    make_cases(5, **ASSIGN)
    county = DemoCounty(campaign=plan, office=office, units=[], staff={}, logins=[])
    assert seed_leaders(county) == CASES_LED
    assert Case.objects.filter(leader=leader).count() == CASES_LED
    [instruction] = CaseEvent.objects.filter(kind=CaseEvent.Kind.INSTRUCTED)
    assert instruction.by == leader and instruction.note == INSTRUCTION
    assert CaseEvent.objects.filter(kind=CaseEvent.Kind.LEADER_SET).count() == CASES_LED
    # The priority case (topic 7) is among them.
    assert Case.objects.filter(leader=leader, priority=True).exists()
    assert seed_leaders(county) == 0
    assert CaseEvent.objects.filter(kind=CaseEvent.Kind.INSTRUCTED).count() == 1
