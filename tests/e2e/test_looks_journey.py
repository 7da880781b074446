"""In Chromium: the county office opens a household, where the full ID number shows, then
follows "who looked" from the person's row and finds its own look on the person's page; the
faint mark across both pages names it, and clicks go through the mark."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_office_user_sees_a_full_id_number_and_finds_itself_on_the_persons_access_page(
    live_server, signed_in, journal, plan, office, township_a
):
    household = HouseholdFactory(township=township_a, head_name="赵户主", village="东村")
    person = PersonFactory(household=household, name="赵成员")

    page = signed_in(office)
    page.goto(f"{live_server.url}/outreach/households/{household.pk}/")
    expect(page.get_by_test_id("id-number")).to_have_text(person.id_number)
    mark = page.get_by_test_id("watermark")
    expect(mark).to_be_attached()
    expect(mark.locator("span").first).to_contain_text(f"{office.display_name}（office）")
    assert mark.evaluate("m => getComputedStyle(m).pointerEvents") == "none"
    journal(page, "household")

    # The link lies under the mark: the click reaches it.
    page.get_by_test_id("person-looks").click()
    expect(page).to_have_url(re.compile(rf"/outreach/persons/{person.pk}/looks/$"))
    expect(page.get_by_role("heading", name="谁查阅过赵成员")).to_be_visible()
    looks = page.get_by_test_id("looks")
    expect(looks.locator("tbody tr")).to_have_count(1)
    expect(looks).to_contain_text(office.display_name)
    expect(looks).to_contain_text("查看完整证件号或电话")
    expect(looks).to_contain_text("优抚对象户页面")
    expect(page.get_by_test_id("watermark").locator("span").first).to_contain_text(
        f"{office.display_name}（office）"
    )
    journal(page, "looks")
