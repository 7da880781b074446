"""In Chromium: the office asks for a report, the township submits it with a file, the office
returns it, the township submits again, and the office accepts it and sees the state."""

import pytest
from playwright.sync_api import expect

from submissions.models import Submission
from tests.fixtures.submissions import PDF_BYTES

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_report_goes_out_comes_back_and_is_accepted(
    live_server, signed_in, plan, office, clerk_a, township_a, township_b
):
    desk = signed_in(office)
    desk.goto(live_server.url + "/submissions/")
    desk.get_by_role("link", name="发布报送要求").click()
    desk.locator("#id_title").fill("半年活动小结")
    desk.locator("#id_period").fill("2015年上半年")
    desk.locator("#id_due_on").fill("2015-06-30")
    desk.get_by_label("甲镇").check()
    desk.get_by_role("button", name="保存").click()
    expect(desk.get_by_text("报送要求已保存。")).to_be_visible()
    request_url = desk.url
    expect(desk.locator('[data-unit="甲镇"]')).to_have_attribute("data-state", "not_due")

    town = signed_in(clerk_a)
    town.goto(request_url)
    expect(town.get_by_test_id("own-state")).to_have_text("未到期")
    town.get_by_role("link", name="报送", exact=True).click()
    town.locator("#id_text").fill("上半年走访慰问23户。")
    town.locator("#id_files").set_input_files(
        {"name": "小结.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    town.get_by_role("button", name="提交").click()
    expect(town.get_by_text("已报送。")).to_be_visible()
    expect(town.get_by_test_id("attachments")).to_contain_text("小结.pdf")

    desk.goto(request_url)
    expect(desk.get_by_test_id("counts")).to_contain_text("已报1个")
    desk.locator('[data-unit="甲镇"]').get_by_role("link").click()
    desk.locator("#id_reason").fill("请补充解决问题的件数。")
    desk.get_by_test_id("return").click()
    expect(desk.get_by_test_id("state")).to_have_text("退回")

    town.reload()
    expect(town.get_by_test_id("return-reason")).to_contain_text("请补充解决问题的件数。")
    town.get_by_role("link", name="重新报送").click()
    town.locator("#id_text").fill("上半年走访慰问23户，解决问题5件。")
    town.get_by_role("button", name="提交").click()
    expect(town.get_by_test_id("state")).to_have_text("按时")

    desk.reload()
    desk.get_by_test_id("accept").click()
    expect(desk.get_by_test_id("state")).to_have_text("已采纳")
    desk.goto(request_url)
    expect(desk.locator('[data-unit="甲镇"]')).to_have_attribute("data-state", "accepted")
    submission = Submission.objects.get()
    assert (submission.status, submission.late, submission.attachments.count()) == (
        "accepted",
        False,
        1,
    )
    assert "解决问题5件" in submission.text
