"""The progress page: every township and member unit for the county, one's own row and the
county totals for a unit, sortable, each figure opening what it counts; a fixed number of
queries whatever the number of units and cases."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("reports:progress")


def rows(response):
    return {row["name"]: row for row in response.context["rows"]}


def test_the_county_sees_every_unit_and_the_total(county, client_for, office):
    response = client_for(office).get(URL)
    assert response.status_code == 200
    assert set(rows(response)) == {"甲镇", "乙乡", "县民政局"}
    page = response.content.decode()
    assert 'data-unit="total"' in page
    a = rows(response)["甲镇"]
    assert (a["households"], a["visited"], a["cases"], a["closed"], a["overdue"]) == (3, 2, 2, 1, 0)
    assert a["visited_pct"] == 66.7 and a["on_time_pct"] == 100.0
    member = rows(response)["县民政局"]
    assert (member["cases"], member["closed"], member["overdue"], member["on_time"]) == (4, 2, 1, 1)
    assert member["households"] is None
    total = response.context["total"]
    assert (total["cases"], total["closed"], total["overdue"], total["five_ones"]) == (7, 3, 2, 4)


@pytest.mark.parametrize(
    "role, own", [("clerk_a", "甲镇"), ("clerk_b", "乙乡"), ("member", "县民政局")]
)
def test_a_unit_sees_its_own_row_and_the_county_totals_only(county, client_for, request, role, own):
    response = client_for(request.getfixturevalue(role)).get(URL)
    assert response.status_code == 200
    assert list(rows(response)) == [own]
    page = response.content.decode()
    others = {"甲镇", "乙乡", "县民政局"} - {own}
    assert not any(f'<th scope="row">{name}' in page for name in others)
    assert response.context["total"]["cases"] == 7


def test_a_garrison_unit_has_no_progress_page(county, client_for, liaison):
    assert client_for(liaison).get(URL).status_code == 404


def test_it_sorts_by_any_column_with_missing_figures_last(county, client_for, office):
    client = client_for(office)
    names = list(rows(client.get(URL + "?sort=-cases")))
    assert names == ["县民政局", "甲镇", "乙乡"]
    names = list(rows(client.get(URL + "?sort=on_time_pct")))
    assert names == ["县民政局", "甲镇", "乙乡"]  # 乙乡 closed nothing: no rate, last
    assert list(rows(client.get(URL + "?sort=nonsense"))) == ["甲镇", "乙乡", "县民政局"]


def test_each_figure_opens_the_records_it_counts(county, client_for, office):
    client = client_for(office)
    response = client.get(URL)
    for row in [*response.context["rows"], response.context["total"]]:
        for key, figure in [
            ("cases", "cases"),
            ("closed", "closed"),
            ("overdue", "overdue"),
            ("on_time", "on_time"),
            ("activities", "activities"),
        ]:
            listed = client.get(row["links"][key])
            assert listed.status_code == 200
            assert listed.context["paginator"].count == row[figure], (row.get("name"), key)
        if row.get("households") is not None:
            listed = client.get(row["links"]["visited"])
            assert listed.context["paginator"].count == row["visited"]


@pytest.mark.parametrize("units", [1, 3])
def test_the_query_count_does_not_grow_with_units_and_cases(
    units, grow_county, client_for, office, django_assert_num_queries
):
    grow_county(units)
    client = client_for(office)
    with django_assert_num_queries(7):
        response = client.get(URL)
    assert len(response.context["rows"]) == units + 1  # the townships and the member unit
    page = response.content.decode()
    for name in [f"增长镇{i}" for i in range(units)] + ["县民政局"]:
        assert f'<th scope="row">{name} ' in page


def test_a_year_outside_the_campaign_is_not_found(county, client_for, office):
    assert client_for(office).get(URL + "?year=2013").status_code == 404
    assert re.search(r"2016", client_for(office).get(URL + "?year=2016").content.decode())
