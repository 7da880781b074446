"""Publicised models, commendations and the support registry: read by every signed-in user."""

from datetime import date

import pytest
from django.urls import reverse

from campaign.models import Commendation, ModelFigure, SupportOrganisation
from tests.factories import (
    CommendationFactory,
    ModelFigureFactory,
    SupportOrganisationFactory,
    county_for_tests,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rows", [1, 3])
def test_it_keeps_its_query_count(
    rows, client_for, clerk_a, township_a, member_unit, django_assert_num_queries
):
    shown = []
    for n in range(rows):
        figure = ModelFigure.objects.create(
            category="veteran", name=f"模范{n}", unit=township_a, year=2015
        )
        commendation = Commendation.objects.create(
            kind="person",
            unit=member_unit,
            person_name=f"先进个人{n}",
            title="双拥模范",
            commended_on=date(2016, 12, 1),
        )
        organisation = SupportOrganisation.objects.create(
            county=county_for_tests(),
            kind="legal",
            name=f"法律拥军服务队{n}",
            unit=member_unit,
            members=5,
        )
        shown += [
            f'{figure.pk}/">{figure.name}</a></strong> · {township_a.label}</li>',
            f"{commendation.person_name}（{member_unit.label}）",
            f'{organisation.pk}/">{organisation.name}</a></strong> · {member_unit.label}',
        ]
    client = client_for(clerk_a)
    # and the county's campaigns for the switcher
    with django_assert_num_queries(6):
        response = client.get(reverse("campaign:recognition"))
    page = response.content.decode()
    for row in shown:
        assert row in page
    assert page.count(f"全部{rows}条") == 3


@pytest.mark.parametrize("rows", [5, 7])
def test_it_shows_the_first_five_of_each_and_links_to_all(
    rows, client_for, clerk_a, township_a, django_assert_num_queries
):
    for n in range(rows):
        ModelFigureFactory(unit=township_a, name=f"模范{n}")
        CommendationFactory(unit=township_a, title=f"模范单位{n}")
        SupportOrganisationFactory(name=f"服务队{n}")
    SupportOrganisationFactory(name="已停用的服务队", active=False)
    client = client_for(clerk_a)
    # and the county's campaigns for the switcher
    with django_assert_num_queries(9):
        response = client.get(reverse("campaign:recognition"))
    assert [
        len(response.context[key]) for key in ("figures", "commendations", "organisations")
    ] == [5, 5, 5]
    page = response.content.decode()
    assert page.count(f"全部{rows}条") == 3
    assert "已停用的服务队" not in page
    listed = client.get(reverse("campaign:organisations"), {"active": "yes"})
    assert listed.context["page_obj"].paginator.count == rows
