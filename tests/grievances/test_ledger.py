from datetime import date

import pytest
from django.urls import reverse

from campaign.models import Topic
from grievances import services
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


def numbers(response):
    return [c.number for c in response.context["object_list"]]


@pytest.mark.parametrize("rows", [1, 3])
def test_the_ledger_keeps_its_query_count(
    client_for, office, make_cases, member_unit, rows, django_assert_num_queries
):
    cases = make_cases(rows, responsible_person="王", deadline=date(2015, 7, 1), measures="措施")
    cases += CaseFactory.create_batch(
        rows, about_garrison=True, assigned=True, lead_unit=member_unit
    )
    client = client_for(office)
    # The phases to filter by are the campaign's, read with it.
    with django_assert_num_queries(12):
        response = client.get(reverse("grievances:ledger"))
    assert numbers(response) == [case.number for case in cases]
    page = response.content.decode()
    for case in cases:
        assert f'data-case="{case.pk}"' in page and case.subject_label in page


@pytest.mark.parametrize("rows", [1, 3])
def test_the_clerks_ledger_keeps_its_query_count(
    client_for, clerk_a, township_a, member_unit, make_cases, rows, django_assert_num_queries
):
    """Each way a township is involved in a case, every one of them on the page."""
    cases = make_cases(rows, responsible_person="王", deadline=date(2015, 7, 1), measures="措施")
    cases += CaseFactory.create_batch(rows, assigned=True, lead_unit=township_a)
    helped = CaseFactory.create_batch(rows, assigned=True, lead_unit=member_unit)
    for case in helped:
        case.co_units.add(township_a)
    cases += helped + CaseFactory.create_batch(rows, household=None, subject_unit=township_a)
    client = client_for(clerk_a)
    # The office's ledger less the townships to filter by.
    with django_assert_num_queries(11):
        response = client.get(reverse("grievances:ledger"))
    assert numbers(response) == [case.number for case in cases]


def test_a_clerk_sees_its_townships_cases_only(client_for, clerk_a, clerk_b, make_cases):
    make_cases(2)
    assert len(numbers(client_for(clerk_a).get(reverse("grievances:ledger")))) == 2
    assert numbers(client_for(clerk_b).get(reverse("grievances:ledger"))) == []


def test_a_member_unit_sees_the_cases_it_leads(
    client_for, member, co_member, make_cases, office, co_unit
):
    cases = make_cases(2)
    services.case_assign(
        user=office,
        case=cases[0],
        lead_unit=co_unit,
        responsible_person="住",
        deadline=date(2015, 7, 1),
        measures="x",
    )
    assert numbers(client_for(co_member).get(reverse("grievances:ledger"))) == [cases[0].number]
    assert numbers(client_for(member).get(reverse("grievances:ledger"))) == []
    assert client_for(member).get(cases[0].get_absolute_url()).status_code == 404


def test_overdue_is_derived_from_the_deadline(client_for, office, make_cases, settings):
    make_cases(1, responsible_person="王", deadline=date(2015, 6, 20), measures="措施")
    client = client_for(office)
    assert numbers(client.get(reverse("grievances:ledger"), {"overdue": "yes"})) == []
    settings.SHUANGYONG_TODAY = date(2015, 6, 23)
    assert numbers(client.get(reverse("grievances:ledger"), {"overdue": "yes"})) == ["2015-0001"]


def test_open_cases_are_carried_over_when_phase_3_ends(client_for, office, make_cases, settings):
    make_cases(2)
    client = client_for(office)
    assert numbers(client.get(reverse("grievances:ledger"), {"carried_over": "yes"})) == []
    settings.SHUANGYONG_TODAY = date(2016, 1, 4)
    assert len(numbers(client.get(reverse("grievances:ledger"), {"carried_over": "yes"}))) == 2


def test_search_by_ledger_number(client_for, office, make_cases):
    make_cases(3)
    assert numbers(client_for(office).get(reverse("grievances:ledger"), {"q": "2015-2"})) == [
        "2015-0002"
    ]


def test_filters_by_topic_status_and_month(client_for, office, make_cases):
    make_cases(3)
    client = client_for(office)
    topic = Topic.objects.get(number=5)
    assert numbers(client.get(reverse("grievances:ledger"), {"topic": topic.pk})) == ["2015-0001"]
    assert len(numbers(client.get(reverse("grievances:ledger"), {"status": "registered"}))) == 3
    assert len(numbers(client.get(reverse("grievances:ledger"), {"month": "2015-06"}))) == 3
    assert numbers(client.get(reverse("grievances:ledger"), {"month": "2015-05"})) == []


def test_the_ledger_sorts_by_deadline(client_for, office, make_cases, member_unit):
    cases = make_cases(3)
    for case, deadline in zip(
        cases, [date(2015, 8, 1), date(2015, 7, 1), date(2015, 9, 1)], strict=True
    ):
        services.case_assign(
            user=office,
            case=case,
            lead_unit=member_unit,
            responsible_person="王",
            deadline=deadline,
            measures="x",
        )
    response = client_for(office).get(reverse("grievances:ledger"), {"sort": "-deadline"})
    assert numbers(response) == ["2015-0003", "2015-0001", "2015-0002"]


def test_the_sort_choices_read_in_chinese(client_for, office, make_cases):
    make_cases(1)
    form = client_for(office).get(reverse("grievances:ledger")).context["filter"].form
    assert [label for _, label in form.fields["sort"].choices][1:] == [
        "台账编号（从小到大）",
        "台账编号（从大到小）",
        "完成时限（从早到晚）",
        "完成时限（从晚到早）",
        "登记日期（从早到晚）",
        "登记日期（从晚到早）",
        "状态",
        "状态（倒序）",
    ]


def test_a_deep_page_shows_the_right_rows(client_for, office, make_cases, settings):
    make_cases(3)
    from grievances.views import LedgerView

    LedgerView.paginate_by, saved = 2, LedgerView.paginate_by
    try:
        second = client_for(office).get(reverse("grievances:ledger"), {"page": 2})
    finally:
        LedgerView.paginate_by = saved
    assert numbers(second) == ["2015-0003"]
    assert second.context["page_obj"].paginator.count == 3


def test_filters_by_the_phase_registered_in(client_for, office, make_cases, plan):
    cases = make_cases(2)
    registered_in = cases[0].registered_phase
    other = plan.phases.exclude(pk=registered_in.pk).first()
    client = client_for(office)
    response = client.get(reverse("grievances:ledger"), {"phase": registered_in.pk})
    assert numbers(response) == [case.number for case in cases]
    assert numbers(client.get(reverse("grievances:ledger"), {"phase": other.pk})) == []
    choices = list(response.context["filter"].form.fields["phase"].choices)[1:]
    assert choices == [(phase.pk, str(phase)) for phase in plan.phases.order_by("number")]
