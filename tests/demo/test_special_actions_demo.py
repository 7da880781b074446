"""The demo's seven special actions: each framed with the lead unit the plan names, progress
noted, two completed with their results; a second run changes nothing."""

import pytest

from campaign.models import SpecialAction, SpecialActionNote
from campaign.services import plan_load
from demo.organisation import seed_organisation
from demo.special_actions import seed_special_actions
from tests.factories import county_for_tests

pytestmark = pytest.mark.django_db


def test_the_seven_actions_are_framed_as_the_plan_assigns_them():
    county = seed_organisation(plan_load(county=county_for_tests()).campaign)
    assert seed_special_actions(county) == 7
    actions = {
        a.topic.number: a
        for a in SpecialAction.objects.filter(topic__campaign=county.campaign).select_related(
            "topic", "lead_unit"
        )
    }
    assert actions[4].lead_unit.name == "县民政局"
    assert actions[7].lead_unit.name == "县司法局"
    assert all(a.lead_unit and a.plan and a.starts_on for a in actions.values())
    completed = [n for n, a in actions.items() if a.status == SpecialAction.Status.COMPLETED]
    assert completed == [4, 7]
    assert all(actions[n].result for n in completed)
    assert actions[4].cooperating_units.filter(kind="township").count() == 3
    notes = SpecialActionNote.objects.filter(action__topic__campaign=county.campaign)
    assert notes.count() == 9
    assert notes.filter(author__unit=actions[4].lead_unit).exists()  # its own login wrote them
    assert seed_special_actions(county) == 0
    assert notes.count() == 9
