"""The dashboard's and progress page's figures kept between requests (reports.kept) equal a
recomputation after every kind of change made through the app's own paths, and differ from
before where the change moves them: a write that forgot to raise the county's figures version
would serve the figures of before (issue 20)."""

import json
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaign.models import Topic
from campaign.services import five_ones_update, plan_load
from grievances import services as ledger
from grievances.models import Case
from outreach.activities import activity_save
from outreach.models import Activity, Household
from outreach.services import household_archive, household_save, visit_record
from reports.kept import as_stored
from reports.models import KeptFigures
from reports.report import YearReport
from tests.factories import HouseholdFactory, UnitFactory, county_for_tests, kind_of

pytestmark = pytest.mark.django_db

YEAR = 2015
TODAY = date(2015, 6, 15)
KINDS = ("summary", "progress", "charts")


def served(campaign, today=TODAY) -> dict:
    report = YearReport.load(YEAR, campaign=campaign, today=today, kept_sections=KINDS)
    return {kind: report.section(kind) for kind in KINDS}


def recomputed(campaign, today=TODAY) -> dict:
    """The same sections computed from the data, the kept rows left aside."""
    report = YearReport(YEAR, campaign=campaign, today=today)
    return as_stored({kind: report.section(kind) for kind in KINDS})


def queries_to_serve(campaign, today=TODAY) -> int:
    with CaptureQueriesContext(connection) as queries:
        served(campaign, today)
    return len(queries)


def topic(number):
    return Topic.objects.get(number=number)


def register(office, township, household, number=5):
    return ledger.case_register(
        user=office,
        topic=topic(number),
        description="新登记的问题",
        source="walk_in",
        township=township,
        household=household,
    )


def assign(office, case, lead, deadline=date(2015, 7, 1)):
    return ledger.case_assign(
        user=office,
        case=case,
        lead_unit=lead,
        responsible_person="王科长",
        deadline=deadline,
        measures="核查",
    )


def in_progress(office, member, case, member_unit, deadline=date(2015, 7, 1)):
    return ledger.case_accept(user=member, case=assign(office, case, member_unit, deadline))


def resolved(office, member, case, member_unit):
    return ledger.case_resolve(
        user=member, case=in_progress(office, member, case, member_unit), result="已解决"
    )


class Cast:
    """The fixtures a change needs, asked for by name."""

    def __init__(self, request):
        self.request = request

    def __getattr__(self, name):
        return self.request.getfixturevalue(name)

    def home(self, name):
        return self.county.households[name]


def overdue_case(c):
    case = in_progress(c.office, c.member, c.case, c.member_unit)
    # Its deadline passed before the figures are kept (no service sets one in the past).
    Case.objects.filter(pk=case.pk).update(deadline=date(2015, 6, 10))
    case.refresh_from_db()
    ledger.case_request_extension(
        user=c.member, case=case, new_deadline=date(2015, 7, 20), reason="需协调"
    )
    return case


def import_rows(c):
    from tests.outreach.import_files import person_row
    from tests.outreach.test_import_views import confirm, send

    c.settings.MEDIA_ROOT = c.tmp_path
    client = c.client_for(c.clerk_a)
    send(client, [person_row(number="0901", head_name="新户", name="新户")])
    confirm(client)


def phone_send(c):
    from tests.outreach.test_fieldwork_send import URL, visit_of

    answer = c.client_for(c.clerk_a).post(
        URL,
        json.dumps({"visits": [visit_of(c.home("王甲"), c.plan)]}),
        content_type="application/json",
    )
    assert answer.status_code == 200


def merge(c):
    from tests.administration.test_unit_merge import merged

    merged(c.office, c.township_a, c.township_b)


def activity(c):
    return activity_save(
        user=c.clerk_a,
        activity=Activity(
            kind=kind_of(c.township_a, "condolence_visit"),
            held_on=date(2015, 6, 1),
            title="六月慰问",
            amount=300,
        ),
    )


def edit_activity(c, found):
    found.held_on = date(2015, 2, 1)
    found.amount = 50
    activity_save(user=c.clerk_a, activity=found)


def moved(c):
    household = c.home("王甲")
    household.township = c.township_b
    household_save(user=c.office, household=household)


def renamed(c):
    township = c.township_b
    township.name = township.short_name = "新名乡"
    township.save()


# name -> (made before the figures are kept, the change, whether the figures move)
CHANGES = {
    "register a case": (
        None,
        lambda c, _: register(c.office, c.township_b, c.home("孙乙")),
        True,
    ),
    "assign": (lambda c: c.case, lambda c, case: assign(c.office, case, c.member_unit), True),
    "accept": (
        lambda c: c.assigned_case,
        lambda c, case: ledger.case_accept(user=c.member, case=case),
        True,
    ),
    "report progress": (
        lambda c: in_progress(c.office, c.member, c.case, c.member_unit),
        lambda c, case: ledger.case_report_progress(
            user=c.member, case=case, on=date(2015, 6, 14), note="已走访"
        ),
        False,
    ),
    "resolve": (
        lambda c: in_progress(c.office, c.member, c.case, c.member_unit),
        lambda c, case: ledger.case_resolve(user=c.member, case=case, result="已解决"),
        True,
    ),
    "close": (
        lambda c: resolved(c.office, c.member, c.case, c.member_unit),
        lambda c, case: ledger.case_close(user=c.office, case=case),
        True,
    ),
    "return": (
        lambda c: resolved(c.office, c.member, c.case, c.member_unit),
        lambda c, case: ledger.case_return(user=c.office, case=case, reason="未办结"),
        True,
    ),
    "extend the deadline": (
        overdue_case,
        lambda c, case: ledger.case_decide_extension(user=c.office, case=case, approve=True),
        True,
    ),
    "delete a case": (
        lambda c: c.case,
        lambda c, case: Case.objects.filter(pk=case.pk).delete(),
        True,
    ),
    "add a household": (
        None,
        lambda c, _: household_save(
            user=c.clerk_a, household=HouseholdFactory.build(township=c.township_a)
        ),
        True,
    ),
    "move a household to another township": (None, lambda c, _: moved(c), True),
    "archive a household": (
        None,
        lambda c, _: household_archive(user=c.clerk_a, household=c.home("王甲")),
        True,
    ),
    "import households": (None, lambda c, _: import_rows(c), True),
    "record a visit": (
        None,
        lambda c, _: visit_record(
            user=c.clerk_a,
            township=c.township_a,
            household=c.home("王甲"),
            visited_on=date(2015, 6, 14),
            visitors="甲",
            findings=[{"topic": topic(5), "text": "生活困难"}],
        ),
        True,
    ),
    "send visits from a phone": (None, lambda c, _: phone_send(c), True),
    "add an activity": (None, lambda c, _: activity(c), True),
    "edit an activity": (activity, edit_activity, True),
    "delete an activity": (activity, lambda c, found: found.delete(), True),
    "五个一 in place": (
        None,
        lambda c, _: five_ones_update(
            user=c.clerk_a,
            unit=c.township_a,
            item="board",
            status="done",
            done_on=date(2015, 6, 1),
            description="宣传栏建成",
        ),
        True,
    ),
    "rename a township": (None, lambda c, _: renamed(c), True),
    "merge townships": (None, lambda c, _: merge(c), True),
}


@pytest.mark.parametrize("name", CHANGES)
def test_kept_figures_equal_a_recomputation_after_the_change(name, request, plan):
    c = Cast(request)
    c.county  # noqa: B018  (the small county every figure of which is known)
    before_change, change, moves = CHANGES[name]
    made = before_change(c) if before_change else None
    before = served(plan)
    assert before == recomputed(plan)
    assert queries_to_serve(plan) == 1  # kept: read back in one query

    change(c, made)

    after = served(plan)
    assert after == recomputed(plan), name
    if moves:
        assert after != before, name
    assert queries_to_serve(plan) == 1


def test_the_day_moving_on_computes_the_figures_again(plan, county, assigned_case):
    before = served(plan)
    later = date(2015, 7, 6)  # the assigned case's deadline, 1 July, has passed
    after = served(plan, later)
    assert after == recomputed(plan, later)
    assert after["summary"]["overdue"] > before["summary"]["overdue"]
    assert queries_to_serve(plan, later) == 1


def test_a_change_in_one_county_leaves_anothers_kept_figures_current(plan, county, clerk_a):
    other = county_for_tests("乙县")
    other_plan = plan_load(county=other).campaign
    HouseholdFactory(township=UnitFactory(area=other, code="town-c", name="丙镇"))
    served(plan)
    kept_other = served(other_plan)
    version = KeptFigures.objects.get(campaign=other_plan, kind="summary").version

    household_save(user=clerk_a, household=HouseholdFactory.build(township=clerk_a.unit))

    assert queries_to_serve(other_plan) == 1
    assert served(other_plan) == kept_other
    assert KeptFigures.objects.get(campaign=other_plan, kind="summary").version == version
    assert queries_to_serve(plan) > 1  # the first county's were computed again


def test_the_dashboard_reads_its_kept_figures_in_fewer_queries(client_for, office, county):
    url = reverse("reports:dashboard")
    client = client_for(office)
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as second:
        page = client.get(url)
    assert page.status_code == 200
    assert len(second) < len(first) - 5
    assert Household.objects.filter(archived=False).count() == page.context["summary"]["households"]


def city_row(plan):
    from reports.city import compare

    comparison = compare([plan.county], {plan.county_id: plan}, year=YEAR, today=TODAY)
    return comparison["rows"][0].figures


def city_recomputed(plan):
    from reports.city import _live

    live = _live([plan.county], {plan.county_id: plan}, year=YEAR, today=TODAY)
    return as_stored(live[plan.county_id])


def test_the_citys_comparison_keeps_each_countys_row(plan, county, clerk_a, office, township_a):
    from reports.services import assessment_item_add

    before = city_row(plan)
    assert before == city_recomputed(plan)
    with CaptureQueriesContext(connection) as queries:
        assert city_row(plan) == before
    assert len(queries) == 1  # the sign-offs and the kept rows together

    household_save(user=clerk_a, household=HouseholdFactory.build(township=township_a))
    after = city_row(plan)
    assert after == city_recomputed(plan)
    assert after["households"] == before["households"] + 1

    assessment_item_add(
        user=office,
        campaign=plan,
        year=YEAR,
        unit=township_a,
        kind="bonus",
        points=5,
        reason="表彰",
    )
    scored = city_row(plan)
    assert scored == city_recomputed(plan)
    assert scored["assessment"] != after["assessment"]
