"""The demo county's reports due: phase 4's 活动小结 with its late, missing and returned
answers, and phase 7's 总结 not yet due."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from demo.management.commands.seed_demo import _single_county_campaign
from demo.organisation import seed_organisation
from demo.submissions import seed_submissions
from submissions import states
from submissions.models import ReportRequest, Submission
from submissions.selectors import late_and_missing, unit_states

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_county(settings):
    settings.SHUANGYONG_TODAY = date(2016, 3, 15)
    call_command("load_plan", stdout=StringIO())
    county = seed_organisation(_single_county_campaign())
    assert seed_submissions(county) == 2
    return county


def test_the_summary_shows_each_kind_of_answer(demo_county):
    summary, final = ReportRequest.objects.order_by("due_on")
    assert (summary.phase.number, summary.due_on) == (4, date(2015, 12, 20))
    found = {
        row["unit"].name: row["state"] for row in unit_states(summary, summary.submissions.all())
    }
    assert len(found) == 36  # 22 member units and 14 townships
    assert found["县交通运输局"] == states.LATE
    assert found["县财政局"] == states.MISSING
    assert found["南山乡"] == states.RETURNED
    counted = {state: list(found.values()).count(state) for state in set(found.values())}
    assert counted[states.ON_TIME] + counted[states.ACCEPTED] == 33
    assert counted[states.ACCEPTED] >= 1
    assert final.phase.number == 7
    assert {row["state"] for row in unit_states(final, [])} == {states.NOT_DUE}


def test_it_feeds_the_2015_deductions_and_runs_once(demo_county):
    from campaign.models import Unit

    rows = {
        unit.name: (unit.n_late_reports, unit.n_missing_reports)
        for unit in late_and_missing(
            Unit.objects.filter(area=demo_county.area), 2015, [demo_county.campaign]
        )
        if unit.n_late_reports or unit.n_missing_reports
    }
    assert rows == {"县交通运输局": (1, 0), "县财政局": (0, 1)}
    assert seed_submissions(demo_county) == 0
    assert Submission.objects.count() == 35
