import pytest
from django.urls import reverse

from campaign.models import Unit
from outreach.models import Finding, Household, IdNumberView, Visit
from tests.factories import HouseholdFactory, PersonFactory, UnitFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plan")]

LOOKUP = reverse("outreach:visit_lookup")


def test_a_member_finds_a_household_by_its_exact_id_number(client_for, member, person):
    response = client_for(member).post(LOOKUP, {"id_number": person.id_number})
    assert response["Location"] == reverse("outreach:visit_household", args=[person.household_id])
    look = IdNumberView.objects.get()
    assert (look.user, look.person, look.kind) == (member, person, IdNumberView.Kind.LOOKUP)


def test_a_wrong_id_number_gets_a_clear_message(client_for, member, person):
    wrong = person.id_number[:-1] + ("0" if person.id_number[-1] != "0" else "1")
    response = client_for(member).post(LOOKUP, {"id_number": wrong})
    assert "身份证号" in response.content.decode()
    assert response.status_code == 200 and IdNumberView.objects.count() == 0


def test_another_countys_id_number_is_not_found(client_for, member, household):
    from tests.other_county import build_other_county

    other = build_other_county()
    stranger = PersonFactory(household=HouseholdFactory(township=other.township))
    response = client_for(member).post(LOOKUP, {"id_number": stranger.id_number})
    assert "本县没有成员持此身份证号的家庭" in response.content.decode()
    assert IdNumberView.objects.count() == 0


def test_a_member_cannot_list_or_open_households_it_did_not_find(client_for, member, person):
    client = client_for(member)
    listing = client.get(reverse("outreach:households"))
    assert person.household.head_name not in listing.content.decode()
    opened = client.get(reverse("outreach:visit_household", args=[person.household_id]))
    assert opened.status_code == 404


def test_a_members_visit_with_a_finding_waits_for_the_ledger(client_for, member, person, office):
    client = client_for(member)
    client.post(LOOKUP, {"id_number": person.id_number})
    response = client.post(
        reverse("outreach:visit_household", args=[person.household_id]),
        {"visited_on": "2015-04-02", "visitors": "民政局", "topic_5_text": "房屋漏雨",
         "topic_5_action": "on"},
    )  # fmt: skip
    visit = Visit.objects.get()
    assert response["Location"] == visit.get_absolute_url()
    assert (visit.unit, visit.township) == (member.unit, person.household.township)
    assert list(Household.objects.visible_to(member)) == [person.household]
    intake = client_for(office).get(reverse("grievances:intake"))
    assert "房屋漏雨" in intake.content.decode()
    assert Finding.objects.get().needs_action


def test_a_member_visits_a_garrison_charged_to_no_township(client_for, member, garrison_unit):
    client_for(member).post(
        reverse("outreach:visit_garrison", args=[garrison_unit.pk]),
        {"visited_on": "2015-04-02", "visitors": "民政局", "topic_1_text": "训练场需确权"},
    )
    visit = Visit.objects.get()
    assert (visit.unit, visit.township, visit.garrison) == (member.unit, None, garrison_unit)


def test_the_office_may_leave_a_garrison_visit_to_no_township(client_for, office, garrison_unit):
    client_for(office).post(
        reverse("outreach:visit_garrison", args=[garrison_unit.pk]),
        {"visited_on": "2015-04-02", "visitors": "办", "topic_2_text": "营区供水不足"},
    )
    visit = Visit.objects.get()
    assert (visit.unit, visit.township) == (office.unit, None)


def test_the_liaison_registers_needs_that_reach_the_ledger(client_for, liaison, office):
    response = client_for(liaison).post(
        reverse("outreach:needs_add"),
        {"topic_1_text": "缺少训练器材", "topic_3_text": "随军家属就业"},
    )
    assert response["Location"] == reverse("outreach:needs")
    visit = Visit.objects.get()
    assert (visit.kind, visit.garrison, visit.unit) == (
        Visit.Kind.SELF_REPORTED,
        liaison.unit,
        liaison.unit,
    )
    assert all(f.needs_action for f in visit.findings.all())
    assert visit.findings.count() == 2
    intake = client_for(office).get(reverse("grievances:intake")).content.decode()
    assert "缺少训练器材" in intake and "随军家属就业" in intake


def test_an_empty_needs_form_is_refused(client_for, liaison):
    response = client_for(liaison).post(reverse("outreach:needs_add"), {})
    assert "请至少记录一条走访情况。" in response.content.decode()
    assert Visit.objects.count() == 0


@pytest.mark.parametrize("role", ["office", "leader", "clerk_a", "member"])
def test_only_the_liaison_registers_needs(client_for, role, request):
    user = request.getfixturevalue(role)
    assert client_for(user).get(reverse("outreach:needs_add")).status_code == 403
    assert (
        client_for(user).post(reverse("outreach:needs_add"), {"topic_1_text": "x"}).status_code
        == 403
    )
    assert Visit.objects.count() == 0


@pytest.mark.parametrize("role", ["office", "leader", "clerk_a", "liaison"])
def test_only_member_units_look_up(client_for, role, request, person):
    user = request.getfixturevalue(role)
    assert client_for(user).post(LOOKUP, {"id_number": person.id_number}).status_code == 403
    assert IdNumberView.objects.count() == 0


def test_an_enterprise_looks_up_as_a_member_unit(client_for, person):
    power = UnitFactory(code="power", name="县供电公司", kind=Unit.Kind.ENTERPRISE)
    user = UserFactory(username="power", unit=power)
    response = client_for(user).post(LOOKUP, {"id_number": person.id_number})
    assert response.status_code == 302


def _needs(liaison, count):
    from campaign.models import Topic
    from outreach.field_units import needs_report

    topic = Topic.objects.get(number=1)
    for n in range(count):
        needs_report(user=liaison, findings=[{"topic": topic, "text": f"需求{n}"}])


@pytest.mark.parametrize("rows", [1, 3])
def test_the_needs_list_costs_the_same_for_1_and_3_rows(
    client_for, liaison, rows, django_assert_max_num_queries
):
    _needs(liaison, rows)
    client = client_for(liaison)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("outreach:needs")).content.decode()
    assert all(f"需求{n}" in page for n in range(rows))
    assert f'data-total="{rows}"' in page
