"""In Chromium at 360 px, offline as Playwright makes it: the clerk downloads its worklist,
loses signal, records four visits (one finding needing action), closes the app and opens it
again without signal (the service worker serves it; the visits still wait), and finds signal
again. The first answer is lost on the way back, so the phone sends everything twice: three
visits are on the server once each, and the fourth, whose household the office archived in
the meantime, comes back refused with the reason. Logging out clears the phone's copy."""

import re
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.signals import request_started
from playwright.sync_api import expect

from outreach.models import Visit, VisitKey
from outreach.services import household_archive
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 740}
APP = "/outreach/survey/"
# The phone's clock on the campaign's pinned "today".
PHONE_NOW = datetime(2015, 6, 15, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def requests_seen():
    """The paths the live server was asked for, to tell the network from the phone's copy."""
    seen = []

    def note(sender, environ, **kwargs):
        seen.append(environ["PATH_INFO"])

    request_started.connect(note)
    yield seen
    request_started.disconnect(note)


def no_network(route):
    route.abort("internetdisconnected")


def go_offline(context):
    """Playwright's offline mode, and every request refused besides: a page opened while
    offline may still see itself online for a moment, and must not reach the server then."""
    context.set_offline(True)
    context.route("**/*", no_network)


def record_visit(page, head, text, *, topic=5, needs_action=False):
    page.locator("[data-household]", has_text=head).get_by_role("button", name="记录走访").click()
    form = page.get_by_test_id("visit-form")
    expect(form).to_be_visible()
    form.locator(f'[data-topic-text="{topic}"]').fill(text)
    if needs_action:
        form.locator(f'[data-topic-action="{topic}"]').check()
    form.get_by_role("button", name="保存在本机").click()
    expect(page.get_by_test_id("survey-status")).to_contain_text("走访记录已保存在本机")


def test_a_clerk_surveys_without_signal_and_sends_once_back_online(
    live_server, signed_in, journal, plan, clerk_a, office, township_a, requests_seen
):
    heads = ["赵一", "钱二", "孙三", "李四"]
    homes = {}
    for head in heads:
        homes[head] = HouseholdFactory(township=township_a, head_name=head, village="南村")
        PersonFactory(household=homes[head], name=f"{head}之子")

    page = signed_in(clerk_a, viewport=PHONE)
    context = page.context
    context.clock.set_fixed_time(PHONE_NOW)
    page.goto(live_server.url + APP)
    expect(page.get_by_test_id("worklist-info")).to_contain_text("本机还没有走访清单")
    page.get_by_test_id("download").click()
    expect(page.get_by_test_id("survey-status")).to_contain_text("走访清单已下载：4 户")
    expect(page.locator("[data-household]")).to_have_count(4)
    expect(page.locator("[data-household]", has_text="赵一")).to_contain_text("赵一之子")
    # The service worker has the app's page and files before the signal goes.
    page.evaluate(
        """async () => {
            await navigator.serviceWorker.ready;
            if (navigator.serviceWorker.controller) return;
            await new Promise((taken) =>
                navigator.serviceWorker.addEventListener("controllerchange", taken, { once: true })
            );
        }"""
    )
    journal(page, "worklist")
    # Four days on, the phone asks for a fresher worklist; today it does not.
    context.clock.set_fixed_time(PHONE_NOW + timedelta(days=4))
    page.reload()
    expect(page.get_by_test_id("stale")).to_have_text("走访清单已超过 3 天，出发前请重新下载。")
    context.clock.set_fixed_time(PHONE_NOW)
    page.reload()
    expect(page.get_by_test_id("worklist-info")).to_contain_text("待走访 4 户")
    expect(page.get_by_test_id("stale")).to_be_hidden()

    go_offline(context)
    expect(page.get_by_test_id("connection")).to_have_text("离线：走访记录保存在本机")
    record_visit(page, "赵一", "房屋漏雨，需维修", needs_action=True)
    record_visit(page, "钱二", "生活稳定")
    record_visit(page, "孙三", "身体健康", topic=6)
    record_visit(page, "李四", "无特殊困难")
    expect(page.get_by_test_id("pending-count")).to_have_text("待上报：4 条")
    journal(page, "four-waiting")
    # Meanwhile, at the office, one of the households is archived.
    household_archive(user=office, household=homes["李四"])

    # Closed and opened again without signal: the page comes from the phone's copy.
    seen_before = len(requests_seen)
    # Left first: Playwright lifts a page's offline mode as it closes it, and the app, still
    # running, would take that for the signal coming back.
    page.goto("about:blank")
    page.close()
    page = context.new_page()
    page.goto(live_server.url + APP)
    expect(page.get_by_test_id("pending-count")).to_have_text("待上报：4 条")
    page.reload()
    expect(page.get_by_test_id("pending-count")).to_have_text("待上报：4 条")
    expect(page.locator("[data-household]", has_text="赵一")).to_contain_text("走访待上报")
    assert requests_seen[seen_before:] == []
    assert page.evaluate("fetch('/outreach/survey/worklist/').then(() => 1, () => 0)") == 0
    assert Visit.objects.count() == 0
    journal(page, "reopened-offline")

    # The first answer is lost on the way back: the server recorded, the phone never heard.
    lost = []

    def lose_first_answer(route):
        if not lost:
            lost.append(route.fetch().status)
            lost.append(time.monotonic())  # the server has recorded all and answered
            route.abort()
        else:
            route.continue_()

    context.unroute("**/*", no_network)
    context.route("**/outreach/survey/send/", lose_first_answer)
    started = time.monotonic()
    context.set_offline(False)
    expect(page.get_by_test_id("survey-status")).to_contain_text("上报失败")
    assert lost[0] == 200
    online_to_recorded = lost[1] - started
    assert Visit.objects.count() == 3
    expect(page.get_by_test_id("pending-count")).to_have_text("待上报：4 条")

    page.get_by_test_id("send").click()
    expect(page.get_by_test_id("pending-count")).to_have_text("待上报：0 条")
    expect(page.get_by_test_id("survey-status")).to_contain_text(
        "已上报：记录 0 条，此前已记录 3 条，未接收 1 条。"
    )
    refused = page.get_by_test_id("refused")
    expect(refused).to_contain_text("李四（南村）")
    expect(refused.get_by_test_id("refusal-reason")).to_have_text("下载走访清单后，该户已被归档。")
    journal(page, "sent")
    print(f"\nFrom going online to all visits recorded: {online_to_recorded:.2f} s")

    visits = Visit.objects.order_by("household__head_name")
    assert sorted(v.household.head_name for v in visits) == ["孙三", "赵一", "钱二"]
    assert VisitKey.objects.count() == 3
    zhao = Visit.objects.get(household=homes["赵一"])
    assert zhao.created_by == clerk_a and str(zhao.visited_on) == "2015-06-15"
    assert [(f.topic.number, f.text, f.needs_action) for f in zhao.findings.all()] == [
        (5, "房屋漏雨，需维修", True)
    ]
    # Recorded households leave the worklist; the refused one stays to be fixed or discarded.
    expect(page.locator("[data-household]")).to_have_count(1)
    expect(page.locator("[data-household]")).to_contain_text("未被接收")

    # Logging out clears the phone's copy, after naming what was not recorded.
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="菜单").click()
    page.get_by_role("button", name="退出").click()
    # Clearing the phone's copy (databases, cached pages, the service worker) comes before the
    # logout is posted; on a machine running two test suites at once it took over 5 s.
    expect(page).to_have_url(re.compile(r"/accounts/login/"), timeout=15_000)
    left = page.evaluate(
        """async () => ({
            databases: (await indexedDB.databases()).map((d) => d.name),
            caches: await caches.keys(),
            workers: (await navigator.serviceWorker.getRegistrations()).length,
        })"""
    )
    assert left == {"databases": [], "caches": [], "workers": 0}
