"""A bulletin cites models, commendations and activities; the cited record's page says
"已被…第N期简报引用" and links to the issue, once it is published, for whoever may read it."""

from datetime import date

import pytest
from django.urls import reverse

from bulletins.services import bulletin_publish, bulletin_withdraw
from tests.factories import CommendationFactory, ModelFigureFactory
from tests.fixtures.bulletins import make_bulletin

pytestmark = pytest.mark.django_db


def _links(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_cited_model_commendation_and_activity_say_so(
    client_for, office, clerk_a, township_a, activity_a
):
    figure = ModelFigureFactory(unit=township_a, name="甲镇典型")
    commendation = CommendationFactory(unit=township_a)
    make_bulletin(office, title="第一期", publish_on=date(2015, 3, 1))
    bulletin = make_bulletin(
        office,
        title="引用简报",
        publish_on=date(2015, 6, 1),
        citations=([figure], [commendation], [activity_a]),
    )
    for user in (office, clerk_a):
        client = client_for(user)
        for url in (
            reverse("campaign:figure", args=[figure.pk]),
            reverse("campaign:commendation", args=[commendation.pk]),
            reverse("outreach:activity", args=[activity_a.pk]),
        ):
            page = _links(client, url)
            assert "已被2015年第2期简报引用" in page, url
            assert f'href="{bulletin.get_absolute_url()}"' in page
    issue = _links(client_for(clerk_a), bulletin.get_absolute_url())
    assert "甲镇典型" in issue and activity_a.title in issue


def test_a_draft_or_withdrawn_issue_is_not_shown_as_citing(client_for, office, clerk_a, township_a):
    figure = ModelFigureFactory(unit=township_a, name="甲镇典型")
    draft = make_bulletin(office, title="草稿", citations=([figure], [], []))
    url = reverse("campaign:figure", args=[figure.pk])
    for user in (office, clerk_a):
        assert "简报引用" not in _links(client_for(user), url)
    published = bulletin_publish(user=office, bulletin=draft, on=date(2015, 5, 1))
    assert "已被2015年第1期简报引用" in _links(client_for(clerk_a), url)
    bulletin_withdraw(user=office, bulletin=published)
    for user in (office, clerk_a):
        assert "简报引用" not in _links(client_for(user), url)


def test_a_cited_model_cannot_be_removed_from_under_the_bulletin(client_for, office, township_a):
    figure = ModelFigureFactory(unit=township_a, name="甲镇典型")
    make_bulletin(office, title="引用简报", citations=([figure], [], []))
    response = client_for(office).post(reverse("campaign:figure_remove", args=[figure.pk]))
    assert "简报引用" in response.content.decode()
    figure.refresh_from_db()
