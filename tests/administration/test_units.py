"""The county's units in 系统管理: the list with what each holds, a unit's page, add, rename,
deactivate (refused with its reasons) and reactivate."""

import pytest
from django.urls import reverse

from campaign.history import seen_mark
from campaign.models import Unit
from tests.factories import CaseFactory, HouseholdFactory, UnitFactory, UserFactory
from tests.other_county import build_other_county

pytestmark = pytest.mark.django_db

URL = reverse("administration:units")


def codes(response):
    return [unit.code for unit in response.context["page_obj"].object_list]


def row_of(page: str, code: str) -> str:
    row = page[page.index(f'data-unit="{code}"') :]
    return row[: row.index("</tr>")]


def test_it_lists_the_countys_units_by_kind_with_accounts_households_and_open_cases(
    client_for, office, clerk_a, township_a, township_b, plan
):
    HouseholdFactory(township=township_a)
    HouseholdFactory(township=township_a, archived=True)
    CaseFactory(household=HouseholdFactory(township=township_a), township=township_a)
    other = build_other_county()
    response = client_for(office).get(URL)
    page = response.content.decode()
    assert "town-a" in codes(response) and "town-b" in codes(response)
    assert other.township.name not in page
    cells = [c.split(">")[-1] for c in row_of(page, "town-a").split("</td>")]
    # active accounts 1, households 2 (the archived one not counted), open cases 1
    assert cells[3:6] == ["1", "2", "1"]
    assert codes(client_for(office).get(URL, {"kind": "township"})) == ["town-a", "town-b"]


@pytest.mark.parametrize("rows", [1, 3])
def test_it_keeps_a_fixed_query_count(rows, client_for, office, django_assert_max_num_queries):
    for n in range(rows):
        unit = UnitFactory(code=f"t{n}", name=f"镇{n}", kind=Unit.Kind.TOWNSHIP)
        HouseholdFactory(township=unit)
        UserFactory(unit=unit)
    client = client_for(office)
    # session, user with its unit, the count, the page of units with their counts, the
    # county's campaigns for the switcher
    with django_assert_max_num_queries(5):
        response = client.get(URL, {"kind": "township"})
    assert len(codes(response)) == rows
    for n in range(rows):
        assert f"镇{n}" in response.content.decode()


def test_the_unit_page_shows_details_and_history(client_for, office, township_a):
    township_a._history_user = office
    township_a.phone = "0100"
    township_a.save()
    page = client_for(office).get(reverse("administration:units_detail", args=[township_a.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "甲镇" in text and "0100" in text and "周" in text


def test_another_countys_unit_is_not_found_whatever_the_method(client_for, office):
    other = build_other_county()
    client = client_for(office)
    for name in ("units_detail", "units_edit", "units_deactivate", "units_reactivate"):
        url = reverse(f"administration:{name}", args=[other.township.pk])
        assert client.get(url).status_code == 404, name
        assert client.post(url).status_code == 404, name
    other.township.refresh_from_db()
    assert other.township.is_active


def form(unit, **changes):
    data = {
        "name": unit.name,
        "short_name": unit.short_name,
        "code": unit.code,
        "contact": unit.contact,
        "phone": unit.phone,
        "seen": seen_mark(unit),
    }
    data.update(changes)
    return data


def test_the_administrator_adds_a_unit_and_it_shows_in_the_operation_log(client_for, office):
    client = client_for(office)
    response = client.post(
        reverse("administration:units_add"),
        {"kind": "township", "name": "丁镇", "code": "town-d", "phone": "123"},
    )
    unit = Unit.objects.get(code="town-d")
    assert response.status_code == 302 and unit.area_id == office.unit.area_id
    assert unit.history.get().history_user == office
    trail = client.get(reverse("audit:trail"), {"record_type": "unit"}).content.decode()
    assert "丁镇" in trail or str(unit.pk) in trail


def test_a_name_or_code_the_county_already_has_is_refused(client_for, office, township_a):
    response = client_for(office).post(
        reverse("administration:units_add"),
        {"kind": "township", "name": "甲镇", "code": "town-a"},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "甲镇" in text and Unit.objects.filter(name="甲镇").count() == 1


def test_a_rename_is_kept_in_history(client_for, office, township_a):
    url = reverse("administration:units_edit", args=[township_a.pk])
    client = client_for(office)
    response = client.post(url, form(township_a, name="甲街道"))
    assert response.status_code == 302
    township_a.refresh_from_db()
    assert township_a.name == "甲街道"
    row = township_a.history.order_by("-history_id").first()
    assert row.history_user == office and "甲镇" in row.history_change_reason


def test_a_stale_form_is_refused_naming_who_changed_the_unit_and_when(
    client_for, office, township_a
):
    opened = form(township_a, name="甲街道")
    other = UserFactory(unit=office.unit, last_name="钱", is_administrator=True)
    township_a._history_user = other
    township_a.phone = "999"
    township_a.save()
    response = client_for(office).post(
        reverse("administration:units_edit", args=[township_a.pk]), opened
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "钱" in text
    township_a.refresh_from_db()
    assert township_a.name == "甲镇" and township_a.phone == "999"


def test_deactivation_is_refused_with_its_reasons(client_for, office, clerk_a, township_a, plan):
    HouseholdFactory(township=township_a)
    CaseFactory(household=HouseholdFactory(township=township_a), township=township_a)
    client = client_for(office)
    response = client.post(
        reverse("administration:units_deactivate", args=[township_a.pk]), follow=True
    )
    text = response.content.decode()
    township_a.refresh_from_db()
    assert township_a.is_active
    assert "该单位有1个启用中的账号" in text
    assert "该单位涉及1个未办结问题" in text
    assert "该乡镇登记有2户" in text


def test_an_idle_unit_is_deactivated_and_reactivated(client_for, office, township_b):
    client = client_for(office)
    client.post(reverse("administration:units_deactivate", args=[township_b.pk]))
    township_b.refresh_from_db()
    assert not township_b.is_active
    client.post(reverse("administration:units_reactivate", args=[township_b.pk]))
    township_b.refresh_from_db()
    assert township_b.is_active
    reasons = list(township_b.history.values_list("history_change_reason", flat=True))
    assert len(reasons) == 3
