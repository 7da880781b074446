"""Read receipts and the workbench: opening a published issue records that the reader's unit
has read it (its first reader kept); the office sees which units have read it; each unit's
workbench counts the issues it has not read, the same rows as the list's unread filter."""

from datetime import date

import pytest
from django.urls import reverse

from bulletins.models import ReadReceipt
from tests.factories import UserFactory
from tests.fixtures.bulletins import make_bulletin

pytestmark = pytest.mark.django_db


def _open(client, bulletin):
    response = client.get(reverse("bulletins:bulletin", args=[bulletin.pk]))
    assert response.status_code == 200
    return response


def test_a_units_first_reader_is_kept(client_for, clerk_a, township_a, bulletin_published):
    _open(client_for(clerk_a), bulletin_published)
    colleague = UserFactory(username="clerk-a2", unit=township_a)
    _open(client_for(colleague), bulletin_published)
    [receipt] = ReadReceipt.objects.all()
    assert (receipt.unit, receipt.read_by) == (township_a, clerk_a)


@pytest.mark.parametrize("role", ["office", "leader", "city"])
def test_the_office_leaders_and_city_leave_no_receipt(
    role, request, client_for, bulletin_published
):
    _open(client_for(request.getfixturevalue(role)), bulletin_published)
    assert not ReadReceipt.objects.exists()


def test_the_print_view_counts_as_reading(client_for, member, member_unit, bulletin_published):
    client_for(member).get(reverse("bulletins:bulletin_print", args=[bulletin_published.pk]))
    assert ReadReceipt.objects.get().unit == member_unit


def test_the_office_sees_which_units_have_read_it(
    client_for, office, leader, clerk_a, liaison, township_b, member_unit, bulletin_published
):
    _open(client_for(clerk_a), bulletin_published)
    _open(client_for(liaison), bulletin_published)
    for user in (office, leader):
        response = _open(client_for(user), bulletin_published)
        page = response.content.decode()
        assert {r.unit.name for r in response.context["receipts"]} == {"甲镇", liaison.unit.name}
        assert {u.name for u in response.context["not_read"]} == {"乙乡", "县民政局"}
        assert 'data-testid="receipts"' in page and "甲镇" in page
    clerk_page = _open(client_for(clerk_a), bulletin_published)
    assert "receipts" not in clerk_page.context
    assert 'data-testid="receipts"' not in clerk_page.content.decode()


def _workbench(client):
    return {item.key: item for item in client.get(reverse("home")).context["workbench"]}


@pytest.mark.parametrize("role", ["clerk_a", "member", "liaison"])
def test_the_workbench_counts_the_unread_issues_as_the_list_does(
    role, request, client_for, office, bulletin_draft, plan
):
    first = make_bulletin(office, title="第一期", publish_on=date(2015, 3, 1))
    make_bulletin(office, title="第二期", publish_on=date(2015, 4, 1))
    make_bulletin(office, title="第三期", publish_on=date(2015, 5, 1))
    client = client_for(request.getfixturevalue(role))
    item = _workbench(client)["unread_bulletins"]
    assert item.count == 3 and item.label == "未读简报"
    listed = client.get(item.url)
    assert listed.context["paginator"].count == 3
    _open(client, first)
    item = _workbench(client)["unread_bulletins"]
    listed = client.get(item.url)
    assert item.count == listed.context["paginator"].count == 2
    assert "第一期" not in {b.title for b in listed.context["page_obj"].object_list}
    page = client.get(reverse("home")).content.decode()
    assert 'data-item="unread_bulletins" data-count="2"' in page


def test_a_unit_that_has_read_everything_has_no_item(client_for, clerk_a, bulletin_published):
    client = client_for(clerk_a)
    assert "unread_bulletins" in _workbench(client)
    _open(client, bulletin_published)
    assert "unread_bulletins" not in _workbench(client)


@pytest.mark.parametrize("role", ["office", "leader", "city"])
def test_the_office_and_those_above_get_no_unread_item(
    role, request, client_for, bulletin_published
):
    assert "unread_bulletins" not in _workbench(client_for(request.getfixturevalue(role)))


def test_another_units_reading_does_not_count_as_ours(
    client_for, clerk_a, clerk_b, bulletin_published
):
    _open(client_for(clerk_b), bulletin_published)
    assert _workbench(client_for(clerk_a))["unread_bulletins"].count == 1
