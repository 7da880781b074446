from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from grievances import services
from grievances.models import Case, CaseEvent, Status

pytestmark = pytest.mark.django_db


def test_the_case_page_shows_its_timeline_and_only_allowed_actions(
    client_for, member, assigned_case
):
    response = client_for(member).get(assigned_case.get_absolute_url())
    assert [step.name for step in response.context["actions"]] == ["accept", "decline"]
    kinds = [e.kind for e in response.context["events"]]
    assert kinds == ["registered", "assigned"]


def test_a_leader_reads_the_case_and_has_no_action(client_for, leader, assigned_case):
    response = client_for(leader).get(assigned_case.get_absolute_url())
    assert response.context["actions"] == []
    assert (
        client_for(leader)
        .post(reverse("grievances:case_action", args=[assigned_case.pk, "close"]))
        .status_code
        == 403
    )


def test_assigning_by_working_days_uses_the_calendar(
    client_for, office, finding, member_unit, settings
):
    settings.SHUANGYONG_TODAY = date(2015, 9, 30)
    case = services.case_register_findings(user=office, findings=[finding], merge=False)[0]
    client_for(office).post(
        reverse("grievances:case_action", args=[case.pk, "assign"]),
        {
            "assign-lead_unit": member_unit.pk,
            "assign-responsible_person": "王",
            "assign-measures": "核查",
            "assign-workdays": 3,
        },
    )
    case.refresh_from_db()
    assert case.deadline == date(2015, 10, 10)


def test_a_bad_action_form_shows_its_errors_and_changes_nothing(client_for, member, assigned_case):
    client_for(member).post(
        reverse("grievances:case_action", args=[assigned_case.pk, "accept"]), {}
    )
    assigned_case.refresh_from_db()
    response = client_for(member).post(
        reverse("grievances:case_action", args=[assigned_case.pk, "resolve"]),
        {"resolve-result": ""},
    )
    assert response.status_code == 400
    assert "这个字段是必填项" in response.content.decode()
    assigned_case.refresh_from_db()
    assert assigned_case.status == Status.IN_PROGRESS


def test_another_unit_cannot_act_on_the_case(client_for, clerk_b, assigned_case):
    assert (
        client_for(clerk_b)
        .post(reverse("grievances:case_action", args=[assigned_case.pk, "accept"]))
        .status_code
        == 404
    )
    assert Case.objects.get(pk=assigned_case.pk).status == Status.ASSIGNED


def test_a_stale_edit_is_refused_and_loses_nothing(office, assigned_case, plan):
    from tests.factories import UserFactory

    colleague = UserFactory(username="office2", unit=office.unit)
    first, second = Client(), Client()
    first.force_login(office)
    second.force_login(colleague)
    url = reverse("grievances:case_edit", args=[assigned_case.pk])
    form_one = first.get(url).context["form"]
    form_two = second.get(url).context["form"]

    def data(form, **changes):
        values = {name: form[name].value() for name in form.fields}
        values["topic"] = form["topic"].value()
        return {key: ("" if value is None else value) for key, value in values.items()} | changes

    assert first.post(url, data(form_one, measures="第一人的措施")).status_code == 302
    response = second.post(url, data(form_two, measures="第二人的措施"))
    assert response.status_code == 409
    page = response.content.decode()
    assert "在您编辑期间，他人修改了此问题，未保存任何内容。" in page
    assert "第一人的措施" in page and "第二人的措施" in page
    assigned_case.refresh_from_db()
    assert assigned_case.measures == "第一人的措施"
    assert CaseEvent.objects.filter(case=assigned_case, kind="edited").count() == 1


def test_the_assign_form_lists_the_countys_working_units_only(
    client_for, office, case, member_unit, township_a, township_b, garrison_unit
):
    from campaign.models import Unit
    from tests.factories import UnitFactory, county_for_tests

    other = county_for_tests("乙县")
    UnitFactory(area=other, code="minzheng", name="乙县民政局", kind=Unit.Kind.MEMBER)
    UnitFactory(area=other, code="town-c", name="丙镇", kind=Unit.Kind.TOWNSHIP)
    response = client_for(office).get(case.get_absolute_url(), {"action": "assign"})
    form = response.context["form"]
    working = {member_unit.pk, township_a.pk, township_b.pk}
    for name in ("lead_unit", "co_units"):
        offered = {int(str(value)) for value, _label in form.fields[name].choices if value}
        assert offered == working
    page = response.content.decode()
    assert "乙县民政局" not in page and "丙镇" not in page
    assert f'<option value="{member_unit.pk}">县民政局</option>' in page
