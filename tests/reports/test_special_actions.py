"""The seven special actions: per topic, problems found, put on the ledger, solved and carried
over into consolidation once phase 3 has ended."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("reports:special_actions") + "?year=2015"


def by_topic(response):
    return {row["number"]: row for row in response.context["rows"]}


def test_it_counts_each_topic(county, client_for, office):
    rows = by_topic(client_for(office).get(URL))
    assert len(rows) == 7
    assert (rows[5]["found"], rows[5]["on_ledger"], rows[5]["solved"]) == (1, 5, 2)
    assert (rows[7]["found"], rows[7]["on_ledger"], rows[7]["solved"]) == (1, 1, 1)
    assert rows[1]["on_ledger"] == 0
    assert all(row["carried_over"] == 0 for row in rows.values())  # phase 3 still runs


def test_after_phase_3_open_rows_are_carried_over(county, client_for, office, settings):
    from datetime import date

    settings.SHUANGYONG_TODAY = date(2015, 12, 15)
    response = client_for(office).get(URL)
    total = response.context["total"]
    assert total["carried_over"] == 5  # all but the three closed off
    listed = client_for(office).get(response.context["total_links"]["carried_over"])
    assert listed.context["paginator"].count == 5


def test_each_figure_opens_what_it_counts(county, client_for, office):
    client = client_for(office)
    response = client.get(URL)
    for row in response.context["rows"]:
        for key in ["found", "on_ledger", "solved", "carried_over"]:
            listed = client.get(row["links"][key])
            assert listed.context["paginator"].count == row[key], (row["number"], key)


@pytest.mark.parametrize("units", [1, 3])
def test_the_query_count_does_not_grow_with_cases(
    units, grow_county, client_for, office, django_assert_num_queries
):
    grow_county(units)
    client = client_for(office)
    # The sixth reads the special actions' records with their latest notes.
    with django_assert_num_queries(7):
        response = client.get(URL)
    rows = by_topic(response)
    assert (rows[5]["on_ledger"], rows[5]["solved"]) == (3 * units, 2 * units)
    page = response.content.decode()
    assert all(f'<th scope="row">{number}. ' in page for number in range(1, 8))
