import os
import re
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API + live_server

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "zh-CN", "timezone_id": "Asia/Shanghai"}


ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def journal(request):
    """journal(page, "step") keeps a screenshot of each step; they stay (and their folder is
    printed) only when the test fails."""
    folder = ARTIFACTS / re.sub(r"[^\w.-]+", "-", request.node.nodeid)
    shutil.rmtree(folder, ignore_errors=True)
    steps = []

    def shoot(page, label):
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{len(steps) + 1:02d}-{label}.png"
        page.screenshot(path=str(path), full_page=True)
        steps.append(path)

    yield shoot
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        print(f"\nScreenshots of each step: {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def signed_in(browser, live_server, browser_context_args):
    """signed_in(user, viewport=None) -> a page in its own browser context, logged in."""
    from playwright.sync_api import expect

    from tests.conftest import PASSWORD

    contexts = []

    def open_as(user, viewport=None):
        args = dict(browser_context_args)
        if viewport:
            args["viewport"] = viewport
        context = browser.new_context(**args)
        contexts.append(context)
        page = context.new_page()
        page.goto(live_server.url + "/accounts/login/")
        page.get_by_label("用户名").fill(user.username)
        page.get_by_label("密码").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        expect(page.get_by_test_id("phase-status")).to_be_visible()
        return page

    yield open_as
    for context in contexts:
        context.close()


def go_to(page, group, link):
    """Open a page through the navigation bar: the menu (on a phone), the group, the link."""
    toggle = page.get_by_role("button", name="菜单")
    if toggle.is_visible():
        toggle.click()
    page.get_by_role("button", name=group).click()
    page.get_by_role("link", name=link, exact=True).click()


# A case's steps and the words on their buttons (the one that opens the form and its submit).
STEPS = {
    "assign": "交办",
    "accept": "签收",
    "decline": "退回交办",
    "progress": "报告进展",
    "request_extension": "申请延期",
    "resolve": "报告办结",
    "decide_extension": "审批延期申请",
    "close": "销号",
    "return": "退回重办",
    "revisit": "记录回访",
}


def open_step(page, action):
    """On a case page: press the step's button; its form opens, and the card holding it is
    returned."""
    page.get_by_test_id("case-actions").get_by_role("link", name=STEPS[action], exact=True).click()
    return page.locator(f"[data-action='{action}']")


def take_step(page, action, fields=None):
    """Open a step's form, fill it in (field name -> value; a select by its label) and send it
    with the button named for the step."""
    card = open_step(page, action)
    for name, value in (fields or {}).items():
        field = card.locator(f"#id_{action}-{name}")
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    with page.expect_navigation():
        card.get_by_role("button", name=STEPS[action], exact=True).click()
