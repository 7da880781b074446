import pytest

from campaign import access
from campaign.models import Unit
from campaign.roles import Role
from reports.selectors import assessed_units
from tests.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def power_company(db):
    return UnitFactory(code="power", name="县供电公司", kind=Unit.Kind.ENTERPRISE)


def test_an_enterprise_works_as_a_member_unit(power_company):
    user = UserFactory(username="power", unit=power_company)
    assert access.role_of(user) == Role.MEMBER
    assert access.is_member_unit(user) and access.writes(user)


def test_enterprises_are_left_out_of_the_member_units_rankings(power_company, member_unit):
    ranked = set(assessed_units(power_company.area))
    assert member_unit in ranked and power_company not in ranked


def test_an_enterprise_may_lead_a_case(power_company):
    assert power_company.kind in Unit.WORKING_KINDS


def test_the_unit_form_accepts_the_kind(client_for, office):
    from django.urls import reverse

    response = client_for(office).post(
        reverse("administration:units_add"),
        {"name": "县人民医院", "short_name": "", "code": "hospital", "kind": "enterprise",
         "contact": "", "phone": ""},
    )  # fmt: skip
    assert response.status_code == 302
    assert Unit.objects.get(code="hospital").kind == Unit.Kind.ENTERPRISE
