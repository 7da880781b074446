"""第N期: an issue gets the next number of its county and year when published, and a number is
never given twice, even once its issue is withdrawn."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from bulletins.models import Bulletin
from bulletins.services import bulletin_publish, bulletin_withdraw
from tests.fixtures.bulletins import make_bulletin

pytestmark = pytest.mark.django_db


def test_a_draft_has_no_number_until_published(office, plan):
    draft = make_bulletin(office)
    assert (draft.status, draft.year, draft.number) == (Bulletin.Status.DRAFT, None, None)
    published = bulletin_publish(user=office, bulletin=draft, on=date(2015, 3, 2))
    assert (published.status, published.year, published.number) == ("published", 2015, 1)
    assert published.published_by == office
    assert published.published_at.date() == date(2015, 3, 2)


def test_two_publishes_in_one_year_take_the_next_numbers(office, plan):
    first = make_bulletin(office, title="一", publish_on=date(2015, 3, 1))
    second = make_bulletin(office, title="二", publish_on=date(2015, 9, 1))
    assert (first.number, second.number) == (1, 2)
    next_year = make_bulletin(office, title="三", publish_on=date(2016, 1, 5))
    assert (next_year.year, next_year.number) == (2016, 1)


def test_a_withdrawn_issue_keeps_its_number_and_it_is_never_given_again(office, plan):
    make_bulletin(office, title="一", publish_on=date(2015, 3, 1))
    second = make_bulletin(office, title="二", publish_on=date(2015, 4, 1))
    withdrawn = bulletin_withdraw(user=office, bulletin=second)
    assert (withdrawn.status, withdrawn.number) == (Bulletin.Status.WITHDRAWN, 2)
    third = make_bulletin(office, title="三", publish_on=date(2015, 5, 1))
    assert third.number == 3
    assert sorted(Bulletin.objects.values_list("number", flat=True)) == [1, 2, 3]


def test_only_a_draft_is_published_and_only_a_published_issue_withdrawn(office, plan):
    published = make_bulletin(office, publish_on=date(2015, 3, 1))
    with pytest.raises(ValidationError, match="只有草稿才能发布"):
        bulletin_publish(user=office, bulletin=published)
    draft = make_bulletin(office, title="草稿")
    with pytest.raises(ValidationError, match="只有已发布的简报才能撤回"):
        bulletin_withdraw(user=office, bulletin=draft)
    assert Bulletin.objects.get(pk=published.pk).number == 1
    assert Bulletin.objects.get(pk=draft.pk).number is None


def test_the_database_refuses_a_number_given_twice(office, plan):
    first = make_bulletin(office, title="一", publish_on=date(2015, 3, 1))
    other = make_bulletin(office, title="二")
    with pytest.raises(IntegrityError), transaction.atomic():
        Bulletin.objects.filter(pk=other.pk).update(
            status="published", year=first.year, number=first.number
        )


def test_the_database_refuses_a_published_issue_without_a_number(office, plan):
    draft = make_bulletin(office)
    with pytest.raises(IntegrityError), transaction.atomic():
        Bulletin.objects.filter(pk=draft.pk).update(status="published")


def test_each_county_numbers_its_own_issues(office, plan):
    from tests.other_county import build_other_county

    other = build_other_county()  # which has published its first issue of 2015
    ours = make_bulletin(office, publish_on=date(2015, 3, 1))
    theirs = make_bulletin(other.office, title="乙县简报二", publish_on=date(2015, 3, 2))
    assert (ours.number, theirs.number) == (1, 2)
    assert theirs.county_id == other.office.unit.area_id != ours.county_id


def test_the_publish_page_numbers_the_issue(client_for, office, bulletin_draft):
    from django.urls import reverse

    response = client_for(office).post(
        reverse("bulletins:bulletin_publish", args=[bulletin_draft.pk]),
        {"version": bulletin_draft.version},
        follow=True,
    )
    assert "简报已发布" in response.content.decode()
    bulletin_draft.refresh_from_db()
    assert (bulletin_draft.status, bulletin_draft.number) == ("published", 1)
    assert "第1期" in response.content.decode()
