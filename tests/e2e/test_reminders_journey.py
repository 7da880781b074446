"""In Chromium: after the day's reminders run, a township clerk's bell shows one unread digest;
opening the list shows it, and the bell's count drops to nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.fixtures.submissions import make_report_request

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_bell_counts_the_days_digest_until_it_is_read(
    live_server, signed_in, journal, plan, office, clerk_a, township_a
):
    from datetime import date

    make_report_request(office, [township_a], due_on=date(2015, 7, 6), title="七月报送")
    call_command("send_reminders", "--date", "2015-07-03", stdout=StringIO())

    town = signed_in(clerk_a)
    town.goto(live_server.url + "/")
    badge = town.get_by_test_id("unread-count")
    expect(badge).to_have_text("1")
    expect(badge).to_be_visible()
    journal(town, "bell")

    town.get_by_test_id("bell").click()
    digest = town.get_by_test_id("notification")
    expect(digest).to_have_count(1)
    expect(digest).to_contain_text("2015-07-03 提醒")
    expect(digest.get_by_role("link", name="报送", exact=True)).to_be_visible()
    journal(town, "list")

    town.goto(live_server.url + "/")
    expect(town.get_by_test_id("bell")).to_have_attribute("data-unread", "0")
    expect(badge).to_be_hidden()
