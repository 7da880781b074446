"""In Chromium: the office names the county leader who takes a case personally (包案); the
leader finds it in 我包的案件 and writes an instruction (批示); the unit handling the case reads
it on the case page."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from grievances.models import Case, CaseEvent

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

INSTRUCTION = "请县民政局三日内上门核实，依法优先办理"


def test_a_leader_takes_a_case_and_the_unit_reads_his_instruction(
    live_server, signed_in, journal, office, leader, member, assigned_case
):
    url = live_server.url + assigned_case.get_absolute_url()

    desk = signed_in(office)
    desk.goto(url)
    desk.get_by_test_id("case-actions").get_by_role("link", name="确定包案领导").click()
    card = desk.locator("[data-action='set_leader']")
    card.get_by_label("包案领导").select_option(value=str(leader.pk))
    journal(desk, "office-sets-leader")
    card.get_by_role("button", name="确定包案领导").click()
    expect(desk.get_by_text("包案领导已记录。")).to_be_visible()
    expect(desk.get_by_test_id("leader")).to_have_text(leader.display_name)
    assert Case.objects.get(pk=assigned_case.pk).leader == leader

    boss = signed_in(leader)
    boss.get_by_role("link", name="我包的案件").first.click()
    expect(boss).to_have_url(live_server.url + reverse("grievances:cases_led"))
    expect(boss.get_by_test_id("list-total")).to_have_attribute("data-total", "1")
    journal(boss, "cases-led")
    boss.get_by_role("link", name=assigned_case.number).click()
    boss.get_by_test_id("case-actions").get_by_role("link", name="作出批示").click()
    card = boss.locator("[data-action='instruct']")
    card.get_by_label("批示内容").fill(INSTRUCTION)
    card.get_by_role("button", name="作出批示").click()
    expect(boss.get_by_text("批示已记录。")).to_be_visible()
    assert CaseEvent.objects.get(kind=CaseEvent.Kind.INSTRUCTED).note == INSTRUCTION

    unit = signed_in(member)
    unit.goto(url)
    instructions = unit.get_by_test_id("instructions")
    expect(instructions).to_contain_text(INSTRUCTION)
    expect(instructions).to_contain_text(leader.display_name)
    journal(unit, "unit-reads-instruction")
