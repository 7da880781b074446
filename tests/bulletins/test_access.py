"""Who reads and who writes: every unit of the county and the city read published issues;
drafts and withdrawn issues are the office's (404 for the rest); only the office's writers
draft, edit, publish and withdraw (403 for readers)."""

from datetime import date

import pytest
from django.urls import reverse

from bulletins.models import Bulletin
from bulletins.services import bulletin_withdraw
from tests.fixtures.bulletins import make_bulletin

pytestmark = pytest.mark.django_db

READERS = ["leader", "clerk_a", "clerk_b", "member", "liaison", "city"]


def _titles(client):
    response = client.get(reverse("bulletins:bulletins"))
    assert response.status_code == 200
    return {b.title for b in response.context["page_obj"].object_list}


@pytest.mark.parametrize("role", READERS)
def test_readers_see_published_issues_only(
    role, request, client_for, office, bulletin_draft, bulletin_published
):
    gone = make_bulletin(office, title="撤回的简报", publish_on=date(2015, 7, 1))
    withdrawn = bulletin_withdraw(user=office, bulletin=gone)
    client = client_for(request.getfixturevalue(role))
    assert _titles(client) == {"已发简报"}
    for hidden in (bulletin_draft, withdrawn):
        for name in ("bulletins:bulletin", "bulletins:bulletin_print", "bulletins:bulletin_edit"):
            response = client.get(reverse(name, args=[hidden.pk]))
            assert response.status_code == 404, name
            assert hidden.title not in response.content.decode()
    page = client.get(reverse("bulletins:bulletin", args=[bulletin_published.pk]))
    assert page.status_code == 200 and "已发简报的正文" in page.content.decode()
    assert not page.context["can_edit"] and not page.context["can_withdraw"]


def test_the_office_sees_drafts_and_withdrawn_issues(client_for, office, bulletin_draft, plan):
    gone = make_bulletin(office, title="撤回的简报", publish_on=date(2015, 7, 1))
    bulletin_withdraw(user=office, bulletin=gone)
    client = client_for(office)
    assert _titles(client) == {"简报草稿", "撤回的简报"}
    page = client.get(reverse("bulletins:bulletin", args=[bulletin_draft.pk]))
    assert page.context["can_publish"] and page.context["can_edit"]


@pytest.mark.parametrize("role", READERS)
def test_readers_change_nothing(role, request, client_for, bulletin_published, bulletin_draft):
    client = client_for(request.getfixturevalue(role))
    before = list(Bulletin.objects.order_by("pk").values())
    assert (
        client.post(reverse("bulletins:bulletin_add"), {"title": "x", "body": "y"}).status_code
        == 403
    )
    assert (
        client.post(
            reverse("bulletins:bulletin_withdraw", args=[bulletin_published.pk])
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("bulletins:bulletin_edit", args=[bulletin_published.pk]), {}
        ).status_code
        == 403
    )
    assert (
        client.post(reverse("bulletins:bulletin_publish", args=[bulletin_draft.pk])).status_code
        == 404
    )
    assert list(Bulletin.objects.order_by("pk").values()) == before


@pytest.mark.parametrize("role", READERS)
def test_a_drafts_attachment_is_the_offices(
    role, request, client_for, office, bulletin_draft_attachment, bulletin_attachment
):
    client = client_for(request.getfixturevalue(role))
    assert (
        client.get(reverse("bulletins:attachment", args=[bulletin_draft_attachment.pk])).status_code
        == 404
    )
    published = client.get(reverse("bulletins:attachment", args=[bulletin_attachment.pk]))
    assert published.status_code == 200
    assert b"".join(published.streaming_content).startswith(b"%PDF")
    assert (
        client_for(office)
        .get(reverse("bulletins:attachment", args=[bulletin_draft_attachment.pk]))
        .status_code
        == 200
    )


def test_another_countys_issues_are_not_found(client_for, office, clerk_a, plan):
    from tests.fixtures.bulletins import make_bulletin
    from tests.other_county import build_other_county

    other = build_other_county()
    theirs = make_bulletin(other.office, title="乙县简报", publish_on=date(2015, 3, 2))
    for user in (office, clerk_a):
        client = client_for(user)
        assert client.get(reverse("bulletins:bulletin", args=[theirs.pk])).status_code == 404
        assert "乙县简报" not in client.get(reverse("bulletins:bulletins")).content.decode()


def test_the_office_withdraws_an_issue_from_the_units(
    client_for, office, clerk_a, bulletin_published
):
    client_for(office).post(
        reverse("bulletins:bulletin_withdraw", args=[bulletin_published.pk]),
        {"version": bulletin_published.version},
    )
    bulletin_published.refresh_from_db()
    assert bulletin_published.status == Bulletin.Status.WITHDRAWN
    clerk = client_for(clerk_a)
    assert clerk.get(reverse("bulletins:bulletin", args=[bulletin_published.pk])).status_code == 404


def test_the_navigation_offers_bulletins_to_everyone(client_for, member, plan):
    page = client_for(member).get(reverse("home")).content.decode()
    assert reverse("bulletins:bulletins") in page
