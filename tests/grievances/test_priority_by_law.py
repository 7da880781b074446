"""依法优先、快捷高效: a topic the plan gives a time limit (the first plan's topic 7, 涉法涉诉)
makes its cases priority, due that many working days after assignment unless the office gives
a deadline; an open priority case past its deadline goes up to the office and the leaders."""

from datetime import date
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from administration.plans.workbook import campaign_spec, plan_workbook
from campaign.models import Topic
from campaign.plan import first_plan, next_plan_path
from campaign.plan_file import PlanFileError, read_plan_bytes
from campaign.workbench import items_for
from grievances import services
from grievances.models import Case, CaseEvent
from tests.factories import FindingFactory, VisitFactory

pytestmark = pytest.mark.django_db

ASSIGN = {"responsible_person": "王", "measures": "依法处理"}


@pytest.fixture
def law_case(office, household, clerk_a, plan):
    """A registered case under topic 7 (军人军属涉法涉诉等纠纷问题)."""
    visit = VisitFactory(household=household, created_by=clerk_a)
    finding = FindingFactory(visit=visit, topic=Topic.objects.get(number=7), text="劳动纠纷")
    return services.case_register_findings(user=office, findings=[finding], merge=False)[0]


def test_the_plans_carry_the_law_topics_time_limit(plan):
    assert {t.number: t.time_limit_days for t in first_plan().topics if t.time_limit_days} == {
        7: 10
    }
    assert Topic.objects.get(campaign=plan, number=7).time_limit_days == 10
    assert Topic.objects.get(campaign=plan, number=5).time_limit_days is None
    next_plan = read_plan_bytes(next_plan_path().name, next_plan_path().read_bytes())
    assert [t.name for t in next_plan.topics if t.time_limit_days == 10] == ["军人军属合法权益维护"]


def test_a_case_of_a_topic_with_a_time_limit_is_priority(office, finding, plan):
    topic = Topic.objects.get(campaign=plan, number=finding.topic.number)
    assert not topic.priority
    Topic.objects.filter(pk=topic.pk).update(time_limit_days=5)
    case = services.case_register_findings(user=office, findings=[finding], merge=False)[0]
    assert case.priority


def test_assigned_without_a_deadline_it_is_due_in_ten_working_days(office, member_unit, law_case):
    assert law_case.priority
    case = services.case_assign(user=office, case=law_case, lead_unit=member_unit, **ASSIGN)
    # From Monday 2015-06-15: the Dragon Boat Festival takes Monday 22 June off.
    assert Case.objects.get(pk=case.pk).deadline == date(2015, 6, 30)
    assert CaseEvent.objects.get(case=case, kind="assigned").changes["deadline"] == "2015-06-30"


def test_a_deadline_the_office_gives_wins(office, member_unit, law_case):
    case = services.case_assign(
        user=office, case=law_case, lead_unit=member_unit, deadline=date(2015, 6, 20), **ASSIGN
    )
    assert case.deadline == date(2015, 6, 20)


def test_without_a_time_limit_a_deadline_is_required(office, member_unit, case):
    with pytest.raises(ValidationError) as refused:
        services.case_assign(user=office, case=case, lead_unit=member_unit, **ASSIGN)
    assert "工作日" in " ".join(refused.value.messages)
    case.refresh_from_db()
    assert case.lead_unit is None and case.deadline is None
    assert not CaseEvent.objects.filter(case=case, kind="assigned").exists()


def test_the_assign_form_may_be_left_without_a_date_for_a_topic_with_a_time_limit(
    client_for, office, member_unit, law_case, case
):
    client = client_for(office)
    form = client.get(law_case.get_absolute_url(), {"action": "assign"}).content.decode()
    assert "10 个工作日" in form
    posted = {
        "assign-lead_unit": member_unit.pk,
        "assign-responsible_person": "王",
        "assign-measures": "依法处理",
    }
    response = client.post(
        reverse("grievances:case_action", args=[law_case.pk, "assign"]),
        {**posted, "assign-version": law_case.version},
    )
    assert response.status_code == 302
    assert Case.objects.get(pk=law_case.pk).deadline == date(2015, 6, 30)
    refused = client.post(
        reverse("grievances:case_action", args=[case.pk, "assign"]),
        {**posted, "assign-version": case.version},
    )
    assert refused.status_code == 400
    assert Case.objects.get(pk=case.pk).deadline is None


# Escalation.


def test_an_overdue_priority_case_is_escalated_to_the_office_and_the_leaders(
    client_for, settings, office, leader, member, member_unit, law_case, assigned_case
):
    services.case_assign(user=office, case=law_case, lead_unit=member_unit, **ASSIGN)
    settings.SHUANGYONG_TODAY = date(2015, 7, 2)  # both past their deadline; one is priority
    for user in (office, leader):
        [item] = [i for i in items_for(user) if i.key == "escalated"]
        assert item.count == 1 and item.label == "逾期的优先办理事项"
        listed = client_for(user).get(item.url)
        assert [c.pk for c in listed.context["object_list"]] == [law_case.pk]
        assert listed.context["paginator"].count == item.count
    assert not [i for i in items_for(member) if i.key == "escalated"]
    overdue = client_for(office).get(reverse("grievances:ledger"), {"overdue": "yes"})
    assert {c.pk for c in overdue.context["object_list"]} == {law_case.pk, assigned_case.pk}
    page = client_for(member).get(law_case.get_absolute_url()).content.decode()
    assert 'data-testid="escalated"' in page
    assert 'data-testid="escalated"' not in (
        client_for(member).get(assigned_case.get_absolute_url()).content.decode()
    )


def test_a_priority_case_resolved_or_not_yet_due_is_not_escalated(
    client_for, settings, office, member, member_unit, law_case
):
    services.case_assign(user=office, case=law_case, lead_unit=member_unit, **ASSIGN)
    [item] = [i for i in items_for(office) if i.key == "escalated"]
    assert item.count == 0
    services.case_accept(user=member, case=law_case)
    services.case_resolve(user=member, case=law_case, result="调解结案")
    settings.SHUANGYONG_TODAY = date(2015, 7, 2)
    [item] = [i for i in items_for(office) if i.key == "escalated"]
    assert item.count == 0
    listed = client_for(office).get(reverse("grievances:ledger"), {"escalated": "yes"})
    assert list(listed.context["object_list"]) == []


# The plan file.


def toml_with_time_limit(value: str) -> bytes:
    text = next_plan_path().read_text(encoding="utf-8")
    return text.replace("time_limit_days = 10", f"time_limit_days = {value}").encode()


@pytest.mark.parametrize("value", ["0", "-3", '"十天"', "1.5", "true", "251"])
def test_a_bad_time_limit_in_a_toml_plan_is_refused_in_chinese(value):
    with pytest.raises(PlanFileError) as raised:
        read_plan_bytes("next.toml", toml_with_time_limit(value))
    message = str(raised.value)
    assert "办理时限应为 1 至 250 之间的整数个工作日" in message
    assert "topics" in message and "time_limit_days" in message


def test_a_good_time_limit_in_a_toml_plan_is_read():
    spec = read_plan_bytes("next.toml", toml_with_time_limit("15"))
    assert [t.time_limit_days for t in spec.topics if t.time_limit_days] == [15]


def test_the_plan_workbook_carries_the_time_limit_column(plan):
    content = plan_workbook(campaign_spec(plan))
    sheet = load_workbook(BytesIO(content))["专题"]
    header = [c.value for c in sheet[1]]
    column = header.index("办理时限（工作日）")
    assert {row[0].value: row[column].value for row in sheet.iter_rows(min_row=2)}[7] == 10
    assert read_plan_bytes("plan.xlsx", content) == first_plan()


@pytest.mark.parametrize(("value", "read"), [("十", None), (0, None), ("12", 12), ("", "none")])
def test_the_workbook_time_limit_is_checked_cell_by_cell(plan, value, read):
    workbook = load_workbook(BytesIO(plan_workbook(campaign_spec(plan))))
    sheet = workbook["专题"]
    header = [c.value for c in sheet[1]]
    column = header.index("办理时限（工作日）") + 1
    sheet.cell(row=8, column=column, value=value)  # topic 7's row
    out = BytesIO()
    workbook.save(out)
    if read is None:
        with pytest.raises(PlanFileError) as raised:
            read_plan_bytes("plan.xlsx", out.getvalue())
        assert str(raised.value).startswith("“专题”表第8行“办理时限（工作日）”列：办理时限应为")
    else:
        spec = read_plan_bytes("plan.xlsx", out.getvalue())
        [topic] = [t for t in spec.topics if t.number == 7]
        assert topic.time_limit_days == (None if read == "none" else read)
