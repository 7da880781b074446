"""Odd values in every filter of every list: each is refused as a form error (or, for a page
number or a report year that does not exist, a 404), never a server error. Once
/outreach/activities/?year=0 answered 500 (a date lookup on year 0)."""

import re

import pytest
from django.urls import reverse

from tests.factories import HouseholdFactory, PersonFactory
from tests.test_url_sweep import EXPECTED

pytestmark = pytest.mark.django_db

ODD = ["0", "-1", "1e5", "99999999999999999999", "2015-13", "' OR 1=1 --", "\x00"]
ALWAYS_TRIED = ["year", "month", "page", "sort", "unit", "township", "topic", "status"]
FIELD = re.compile(r'<(?:input|select)[^>]*\bname="([a-z_]+)"')
LISTS = sorted(name for name, answers in EXPECTED.items() if answers.get("office") == 200)


def text(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


@pytest.fixture
def some_data(township_a, clerk_a, plan):
    PersonFactory(household=HouseholdFactory(township=township_a, head_name="甲户主"))


@pytest.mark.parametrize("name", LISTS)
def test_odd_filter_values_never_break_a_list(name, client_for, office, some_data):
    client = client_for(office)
    url = reverse(name)
    fields = set(FIELD.findall(text(client.get(url)))) | set(ALWAYS_TRIED)
    fields -= {"csrfmiddlewaretoken", "username", "password", "next", "file"}
    for field in sorted(fields):
        for value in ODD:
            response = client.get(url, {field: value})
            assert response.status_code in (200, 404), (name, field, value)
            if response.status_code == 200:
                assert "Traceback" not in text(response)


def test_a_year_out_of_range_is_a_form_error_on_the_activity_list(client_for, office, plan):
    response = client_for(office).get(reverse("outreach:activities"), {"year": "0"})
    assert response.status_code == 200
    assert response.context["filter"].errors["year"]


def test_an_impossible_month_on_the_ledger_is_a_form_error(client_for, office, case):
    response = client_for(office).get(reverse("grievances:ledger"), {"month": "2015-13"})
    assert response.status_code == 200
    assert response.context["filter"].errors["month"] == ["请按“2015-06”的格式填写月份。"]


def test_a_real_month_on_the_ledger_filters_by_registration(client_for, office, case):
    month = case.registered_on.strftime("%Y-%m")
    response = client_for(office).get(reverse("grievances:ledger"), {"month": month})
    assert [c.number for c in response.context["object_list"]] == [case.number]


def test_an_impossible_month_behind_a_figure_is_a_bad_link(client_for, office, case):
    response = client_for(office).get(reverse("reports:cases"), {"registered": "2015-13"})
    assert response.status_code == 404
