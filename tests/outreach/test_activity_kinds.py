"""Activity kinds are each county's list under the workstreams: the form groups the county's
offered kinds by workstream (and keeps a retired kind the activity holds), the kind decides
the workstream, and the service refuses another county's kind or a retired one newly chosen.
The year's statistics list the kinds in the list's order."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaign.models import Workstream
from campaign.plan import first_plan
from campaign.services import plan_load
from outreach.activities import activity_save
from outreach.forms import ActivityForm
from outreach.models import Activity, ActivityKind
from reports.breakdowns import activity_statistics
from reports.selectors import Period
from tests.factories import ActivityFactory, county_for_tests, kind_of

pytestmark = pytest.mark.django_db


def test_a_county_has_its_plans_kinds_once_the_plan_is_loaded(plan):
    county = county_for_tests()
    kinds = ActivityKind.objects.filter(county=county).select_related("workstream")
    planned = [(k.code, k.workstream, k.name) for k in first_plan().kinds]
    assert [(k.code, k.workstream.number, k.name) for k in kinds] == planned
    assert {k.workstream.campaign_id for k in kinds} == {plan.pk}
    later = county_for_tests("另一县")  # a county has no kinds before its plan
    assert not ActivityKind.objects.filter(county=later).exists()
    plan_load(county=later)
    assert ActivityKind.objects.filter(county=later).count() == len(planned)


def test_the_form_groups_the_countys_kinds_by_workstream(clerk_a, plan):
    retired = kind_of(clerk_a.unit, "joint_gala")
    retired.retired = True
    retired.save()
    choices = ActivityForm(user=clerk_a).fields["kind"].choices
    groups = dict(choices[1:])
    assert list(groups) == [str(w) for w in Workstream.objects.order_by("number")]
    codes = [code for group in groups.values() for code, _label in group]
    assert "joint_gala" not in codes and "hero_visit" in codes
    assert dict(groups[str(Workstream.objects.get(number=3))])["legal_aid"] == "法律援助"


def test_an_activity_keeps_a_retired_kind_it_holds_shown_as_retired(clerk_a, plan):
    activity = ActivityFactory(organiser=clerk_a.unit, kind="joint_gala")
    ActivityKind.objects.filter(pk=activity.kind_id).update(retired=True)
    form = ActivityForm(instance=activity, user=clerk_a)
    labels = {
        code: label for _ws, group in form.fields["kind"].choices[1:] for code, label in group
    }
    assert labels["joint_gala"] == "军民联欢、文艺汇演（已停用）"
    assert form.initial["kind"] == "joint_gala"
    activity.title = "改名"
    activity_save(user=clerk_a, activity=activity)  # held: kept


def test_the_kind_decides_the_workstream_and_a_renamed_kind_shows_its_new_name(
    client_for, clerk_a, plan
):
    kind = kind_of(clerk_a.unit, "legal_aid")
    kind.name = "法律服务"
    kind.save()
    client = client_for(clerk_a)
    client.post(
        reverse("outreach:activity_add"),
        {"kind": "legal_aid", "held_on": "2015-05-20", "title": "法律咨询", "people_reached": 3,
         "amount": "0"},
    )  # fmt: skip
    activity = Activity.objects.get()
    assert (activity.kind, activity.workstream.number) == (kind, 3)
    assert "法律服务" in client.get(activity.get_absolute_url()).content.decode()


def test_the_service_refuses_another_countys_kind_and_a_newly_chosen_retired_one(clerk_a, plan):
    other = county_for_tests("另一县")
    plan_load(county=other)
    foreign = ActivityKind.objects.get(county=other, code="legal_aid")
    activity = Activity(kind=foreign, held_on=date(2015, 5, 1), title="x")
    with pytest.raises(ValidationError, match="不在本县的列表中"):
        activity_save(user=clerk_a, activity=activity)
    retired = kind_of(clerk_a.unit, "volunteer")
    retired.retired = True
    retired.save()
    with pytest.raises(ValidationError, match="已停用，不能再选"):
        activity_save(
            user=clerk_a, activity=Activity(kind=retired, held_on=date(2015, 5, 1), title="x")
        )
    assert not Activity.objects.exists()


def test_the_years_statistics_follow_the_lists_order(plan, township_a):
    ActivityFactory(organiser=township_a, kind="legal_aid")
    ActivityFactory(organiser=township_a, kind="hero_visit")
    ActivityFactory(organiser=township_a, kind="hero_visit")
    period = Period(year=2015, today=date(2016, 3, 15), campaign=plan)
    rows = activity_statistics(period)["rows"]
    assert [(r["kind"], r["count"]) for r in rows] == [("hero_visit", 2), ("legal_aid", 1)]
    ActivityKind.objects.filter(county=township_a.area, code="legal_aid").update(order=1)
    rows = activity_statistics(period)["rows"]
    assert [(r["kind"], r["count"]) for r in rows] == [("legal_aid", 1), ("hero_visit", 2)]


def test_the_form_offers_the_kinds_of_one_campaign_and_an_activity_keeps_its_own(clerk_a, plan):
    from campaign.selectors import campaign_for
    from tests.campaigns import add_next_campaign

    second = add_next_campaign()
    in_view = campaign_for(clerk_a)
    kinds = ActivityForm(user=clerk_a).fields["kind"].queryset
    assert kinds.exists() and {k.workstream.campaign_id for k in kinds} == {in_view.pk}
    other = plan if in_view == second else second
    held = ActivityKind.objects.filter(workstream__campaign=other).first()
    activity = ActivityFactory(organiser=clerk_a.unit, kind=held.code)
    kinds = ActivityForm(instance=activity, user=clerk_a).fields["kind"].queryset
    assert held in kinds and {k.workstream.campaign_id for k in kinds} == {other.pk}
