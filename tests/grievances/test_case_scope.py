"""A unit's cases (access.case_scope) are a union of one index lookup per way a unit is involved
in a case. Each way is tried alone, beside a case of the same county that is none of the unit's
business and cases of another county that name the unit (as no real case of that county would):
the county still comes first."""

import pytest
from django.urls import reverse

from campaign.models import Unit
from campaign.services import plan_load
from grievances.models import Case, Status
from tests.factories import CaseFactory, HouseholdFactory, UnitFactory, county_for_tests

pytestmark = pytest.mark.django_db


def _case(campaign, township, **kwargs):
    return CaseFactory(campaign=campaign, household=HouseholdFactory(township=township), **kwargs)


def _other_county_cases_naming(unit):
    county = county_for_tests("乙县")
    campaign = plan_load(county=county).campaign
    town_c = UnitFactory(area=county, code="town-c", name="丙镇", kind=Unit.Kind.TOWNSHIP)
    led = _case(campaign, town_c, assigned=True, lead_unit=unit)
    helped = _case(campaign, town_c)
    helped.co_units.add(unit)
    about = CaseFactory(campaign=campaign, household=None, subject_unit=unit)
    return {led, helped, about}


@pytest.fixture
def involving_township_a(plan, township_a, township_b, member_unit):
    merged = UnitFactory(
        code="town-old", name="旧镇", kind=Unit.Kind.TOWNSHIP, merged_into=township_a
    )
    cases = {
        "own township": _case(plan, township_a),
        "merged township": _case(plan, merged, status=Status.CLOSED),
        "leads": _case(plan, township_b, assigned=True, lead_unit=township_a),
        "subject": CaseFactory(campaign=plan, household=None, subject_unit=township_a),
        "helps": _case(plan, township_b, assigned=True, lead_unit=member_unit),
    }
    cases["helps"].co_units.add(township_a)
    # Its own township's case it also helps with: once in the scope, not twice.
    cases["own township"].co_units.add(township_a)
    _case(plan, township_b, assigned=True, lead_unit=member_unit)
    return cases


def test_a_clerk_reads_each_case_its_township_is_involved_in_and_no_other(
    involving_township_a, clerk_a, township_a, client_for
):
    elsewhere = _other_county_cases_naming(township_a)
    seen = list(Case.objects.visible_to(clerk_a))
    assert sorted(c.pk for c in seen) == sorted(c.pk for c in involving_township_a.values())
    assert not {c.pk for c in elsewhere} & {c.pk for c in seen}
    response = client_for(clerk_a).get(reverse("grievances:ledger"))
    assert response.context["paginator"].count == len(involving_township_a)


@pytest.mark.parametrize("way", ["leads", "subject", "helps"])
def test_a_member_unit_reads_the_cases_it_leads_is_the_subject_of_or_helps_with(
    way, plan, township_a, member_unit, co_unit, co_member
):
    involved = {
        "leads": lambda: _case(plan, township_a, assigned=True, lead_unit=co_unit),
        "subject": lambda: CaseFactory(campaign=plan, household=None, subject_unit=co_unit),
        "helps": lambda: _case(plan, township_a, assigned=True, lead_unit=member_unit),
    }[way]()
    if way == "helps":
        involved.co_units.add(co_unit)
    _case(plan, township_a, assigned=True, lead_unit=member_unit)
    elsewhere = _other_county_cases_naming(co_unit)
    assert list(Case.objects.visible_to(co_member)) == [involved]
    assert not Case.objects.visible_to(co_member).filter(pk__in=[c.pk for c in elsewhere]).exists()


def test_the_ledger_offers_a_clerk_no_choice_of_township(client_for, clerk_a, office, plan):
    clerk_form = client_for(clerk_a).get(reverse("grievances:ledger")).context["filter"].form
    office_form = client_for(office).get(reverse("grievances:ledger")).context["filter"].form
    assert "township" not in clerk_form.fields and "lead_unit" in clerk_form.fields
    assert "township" in office_form.fields
