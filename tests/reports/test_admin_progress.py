"""The progress table in the Django admin: every township and member unit with its figures,
filtered by kind, sortable, read only, a fixed number of queries."""

import pytest

pytestmark = pytest.mark.django_db

URL = "/admin/reports/unitprogress/"


@pytest.fixture
def staff(office):
    office.is_superuser = True
    office.save()
    return office


def test_it_lists_every_unit_with_its_figures(county, client_for, staff):
    response = client_for(staff).get(URL)
    assert response.status_code == 200
    units = {u.name: u for u in response.context["cl"].result_list}
    assert set(units) == {"甲镇", "乙乡", "县民政局"}
    a = units["甲镇"]
    assert (a.n_households, a.n_visited, a.n_cases, a.n_closed, a.n_overdue) == (3, 2, 2, 1, 0)
    page = response.content.decode()
    assert "66.7%" in page


def test_it_filters_by_kind_and_sorts_by_a_figure(county, client_for, staff):
    client = client_for(staff)
    townships = client.get(URL + "?kind__exact=township").context["cl"].result_list
    assert {u.name for u in townships} == {"甲镇", "乙乡"}
    # column 6 is "cases led" (list_display index 5, 1-based in ?o=)
    ordered = client.get(URL + "?o=-6").context["cl"].result_list
    assert [u.name for u in ordered][0] == "县民政局"


def test_it_changes_nothing(county, client_for, staff, township_a):
    client = client_for(staff)
    assert client.get(f"{URL}add/").status_code == 403
    assert client.get(f"{URL}{township_a.pk}/delete/").status_code == 403


def test_only_the_county_staff_see_it(county, client_for, clerk_a, leader):
    assert client_for(clerk_a).get(URL).status_code == 302  # to the admin's login


@pytest.mark.parametrize("units", [1, 3])
def test_the_query_count_does_not_grow(
    units, grow_county, client_for, staff, django_assert_num_queries
):
    grow_county(units)
    client = client_for(staff)
    client.get(URL)  # the admin's first visit looks up its log entries etc. once
    with django_assert_num_queries(8):
        response = client.get(URL)
    page = response.content.decode()
    for name in [f"增长镇{i}" for i in range(units)] + ["县民政局"]:
        assert f">{name}</" in page
