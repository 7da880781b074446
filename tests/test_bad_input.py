"""Bad input across the app: each form answers with a clear Chinese message, stores nothing
half, and never renders what it was given unescaped."""

import pytest
from django.urls import reverse

from campaign.models import Inspection, Topic
from grievances import services
from grievances.models import Case
from outreach.models import Activity, Household, Person, Visit
from tests.factories import rating_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plan")]

SCRIPT = "<script>alert('x')</script>"
SQL = "1' OR '1'='1"
TOO_LONG = "长" * 300


def counts():
    return (
        Household.objects.count(),
        Person.objects.count(),
        Visit.objects.count(),
        Activity.objects.count(),
        Case.objects.count(),
        Inspection.objects.count(),
    )


def refused(response, message, status=200):
    """A form view shows its errors on the page it was posted from (200); a case action
    answers 400, as tests/grievances/test_case_pages.py expects."""
    page = response.content.decode()
    assert response.status_code == status
    assert message in page, message
    assert SCRIPT not in page


CASES = [
    ("household_add", {}, {"head_name": "", "village": "东村"}, "这个字段是必填项。"),
    (
        "household_add",
        {},
        {"head_name": TOO_LONG, "village": "东村"},
        "确保该变量包含不超过 50 字符",
    ),
    (
        "household_add",
        {},
        {"head_name": "甲", "village": "东村", "phone": SQL},
        "电话号码只能包含数字和短横线。",
    ),
    (
        "household_add",
        {},
        {"head_name": SCRIPT, "village": SCRIPT, "phone": "abc"},
        "电话号码只能包含数字和短横线。",
    ),
    (
        "person_add",
        {"household": True},
        {"name": "甲", "id_number": SQL, "relation": "self"},
        "身份证号应为18位",
    ),
    (
        "person_add",
        {"household": True},
        {"name": SCRIPT, "id_number": "abc", "relation": "self"},
        "身份证号应为18位",
    ),
    (
        "person_add",
        {"household": True},
        {"name": "甲", "id_number": "", "relation": "nobody"},
        "选择一个有效的选项",
    ),
    (
        "visit_household",
        {"household": True},
        {"visited_on": "2015-02-30", "visitors": "甲", "topic_5_text": "x"},
        "输入一个有效的日期。",
    ),
    (
        "visit_household",
        {"household": True},
        {"visited_on": "2999-01-01", "visitors": "甲", "topic_5_text": SCRIPT},
        "走访日期不能晚于今天。",
    ),
    (
        "visit_household",
        {"household": True},
        {"visited_on": "2015-04-01", "visitors": "", "topic_5_text": "x"},
        "这个字段是必填项。",
    ),
    (
        "activity_add",
        {},
        {
            "kind": "legal_aid",
            "held_on": "2015-05-01",
            "title": SCRIPT,
            "people_reached": 1,
            "amount": "-1",
        },
        "金额不能为负数。",
    ),
    (
        "activity_add",
        {},
        {
            "kind": "legal_aid",
            "held_on": "2015-05-01",
            "title": "x",
            "people_reached": "many",
            "amount": "0",
        },
        "输入整数。",
    ),
    (
        "activity_add",
        {},
        {
            "kind": "legal_aid",
            "held_on": "2015-13-01",
            "title": "x",
            "people_reached": 1,
            "amount": "abc",
        },
        "输入一个数字。",
    ),
    (
        "activity_add",
        {},
        {"kind": SQL, "held_on": "2015-05-01", "title": "x", "people_reached": 1, "amount": "1"},
        "选择一个有效的选项",
    ),
]


@pytest.mark.parametrize("name, kwargs, data, message", CASES)
def test_a_clerk_form_refuses_bad_input(
    name, kwargs, data, message, client_for, clerk_a, household
):
    args = [household.pk] if kwargs.get("household") else []
    before = counts()
    response = client_for(clerk_a).post(reverse(f"outreach:{name}", args=args), data)
    refused(response, message)
    assert counts() == before


def test_the_office_forms_refuse_bad_input(client_for, office, township_a, household, member_unit):
    client = client_for(office)
    before = counts()
    refused(
        client.post(
            reverse("campaign:inspection_add"),
            {
                "unit": township_a.pk,
                "inspected_on": "2999-01-01",
                "inspectors": SCRIPT,
                "checked": SQL,
                "rating": rating_of(township_a, "good").pk,
            },
        ),
        "日期不能晚于今天。",
    )
    refused(
        client.post(
            reverse("campaign:inspection_add"),
            {
                "unit": SQL,
                "inspected_on": "2015-06-01",
                "inspectors": "x",
                "checked": "x",
                "rating": "best",
            },
        ),
        "选择一个有效的选项",
    )
    refused(
        client.post(
            reverse("grievances:case_add"),
            {
                "topic": Topic.objects.get(number=1).pk,
                "source": "letter",
                "township": township_a.pk,
                "description": SCRIPT,
            },
        ),
        "该专题针对驻军部队，请选择部队。",
    )
    assert counts() == before


def test_assigning_refuses_bad_numbers_and_dates(client_for, office, finding, member_unit):
    case = services.case_register_findings(user=office, findings=[finding], merge=False)[0]
    url = reverse("grievances:case_action", args=[case.pk, "assign"])
    client = client_for(office)
    base = {
        "assign-lead_unit": member_unit.pk,
        "assign-responsible_person": "王",
        "assign-measures": "x",
    }
    for data, message in [
        ({"assign-workdays": "-3"}, "确保该值大于或等于1。"),
        ({"assign-workdays": "abc"}, "输入整数。"),
        ({"assign-deadline": "2015-02-30"}, "输入一个有效的日期。"),
        ({"assign-deadline": "2015-06-01"}, "完成时限不能早于今天。"),
    ]:
        refused(client.post(url, base | data), message, status=400)
    case.refresh_from_db()
    assert (case.status, case.lead_unit, case.events.count()) == ("registered", None, 1)


def test_saved_markup_is_rendered_escaped(client_for, clerk_a, township_a, plan):
    client = client_for(clerk_a)
    client.post(
        reverse("outreach:household_add"), {"head_name": SCRIPT, "village": SCRIPT, "notes": SCRIPT}
    )
    household = Household.objects.get()
    assert household.head_name == SCRIPT  # stored as typed
    for url in (household.get_absolute_url(), reverse("outreach:households")):
        page = client.get(url).content.decode()
        assert SCRIPT not in page
        assert "&lt;script&gt;" in page


def test_sql_in_searches_is_just_text(client_for, office, finding):
    services.case_register_findings(user=office, findings=[finding], merge=False)
    client = client_for(office)
    for url in (reverse("outreach:households"), reverse("grievances:ledger")):
        # a row is there to be found: a query the text could rewrite would list it
        assert len(client.get(url).context["object_list"]) == 1
        response = client.get(url, {"q": SQL})
        assert response.status_code == 200
        assert len(response.context["object_list"]) == 0


def test_an_impossible_month_in_a_filter_is_not_an_error(client_for, office):
    response = client_for(office).get(reverse("grievances:ledger"), {"month": "2015-13"})
    assert response.status_code == 200
    assert 'value="2015-13"' in response.content.decode()  # shown back as typed
