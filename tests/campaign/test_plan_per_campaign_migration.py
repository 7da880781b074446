"""campaign 0011 gives every campaign its own workstreams and topics. The rows a database held
(one set for all) go to the first campaign; each other campaign, of the same county or
another, gets copies, and the cases, findings, activity kinds and activities of that campaign
or county are pointed at them. Phase 3 becomes the phase that carries open cases over and
topic 4 the policy check. Migrated back, each number's rows fold into one again."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from campaign.models import Campaign, Phase, Topic, Workstream
from grievances.models import Case
from outreach.models import Activity, ActivityKind, Finding
from tests.campaigns import add_next_campaign
from tests.factories import (
    CaseFactory,
    HouseholdFactory,
    UnitFactory,
    UserFactory,
    county_for_tests,
)

# serialized_rollback: its flush leaves the content types as the tests after it expect them.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("campaign", "0010_encrypted_numbers")]
AFTER = [("campaign", "0011_plan_per_campaign")]
# The models as they stood before 0011: its own dependencies included.
STATE_BEFORE = [
    *BEFORE,
    ("grievances", "0006_encrypted_numbers"),
    ("outreach", "0012_encrypted_numbers_unique"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(STATE_BEFORE).apps


@pytest.fixture(autouse=True)
def _back_to_the_latest():
    yield
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_each_campaign_gets_its_own_frame_and_its_records_follow_it():
    # Under today's models: the counties, their units and what does not name a topic.
    west, east = county_for_tests("西县"), county_for_tests("东县")
    west_town = UnitFactory(area=west, kind="township", code="w-town", name="西镇")
    east_town = UnitFactory(area=east, kind="township", code="e-town", name="东镇")
    clerk = UserFactory(unit=west_town)
    west_home = HouseholdFactory(township=west_town)
    east_home = HouseholdFactory(township=east_town)

    old = migrate(BEFORE)
    OldCampaign = old.get_model("campaign", "Campaign")
    OldPhase = old.get_model("campaign", "Phase")
    OldWorkstream = old.get_model("campaign", "Workstream")
    OldTopic = old.get_model("campaign", "Topic")
    OldCase = old.get_model("grievances", "Case")
    OldFinding = old.get_model("outreach", "Finding")
    OldKind = old.get_model("outreach", "ActivityKind")
    OldActivity = old.get_model("outreach", "Activity")
    OldVisit = old.get_model("outreach", "Visit")

    # Visits as they were before they named a campaign (outreach 0013 comes after 0011).
    def visit(home, day):
        return OldVisit.objects.create(
            household_id=home.pk,
            township_id=home.township_id,
            visited_on=day,
            visitors="甲",
            created_by_id=clerk.pk,
        )

    east_visit = visit(east_home, date(2015, 4, 1))
    later_visit = visit(west_home, date(2017, 5, 1))
    first_visit = visit(west_home, date(2015, 4, 2))

    def campaign(county, name, first_year):
        made = OldCampaign.objects.create(
            county_id=county.pk,
            name=name,
            starts_on=date(first_year, 1, 1),
            ends_on=date(first_year + 1, 12, 31),
        )
        for number in (3, 4):
            OldPhase.objects.create(
                campaign=made,
                number=number,
                name=f"阶段{number}",
                starts_on=date(first_year, number, 1),
                ends_on=date(first_year, number, 28),
            )
        return made

    west_first = campaign(west, "双拥在基层", 2015)
    west_later = campaign(west, "后一轮", 2017)
    east_first = campaign(east, "双拥在基层", 2015)
    education = OldWorkstream.objects.create(number=1, name="教育")
    relief = OldWorkstream.objects.create(number=2, name="解难")
    topics = {
        number: OldTopic.objects.create(
            number=number, name=f"专题{number}", about=about, workstream=relief
        )
        for number, about in ((1, "garrison"), (4, "beneficiary"), (5, "beneficiary"))
    }

    def case(on_campaign, township, home, sequence, year):
        return OldCase.objects.create(
            campaign=on_campaign,
            year=year,
            sequence=sequence,
            topic=topics[5],
            household_id=home.pk,
            township_id=township.pk,
            description="困难",
            source="survey",
            status="registered",
            registered_on=date(year, 6, 1),
            registered_by_id=clerk.pk,
        )

    cases = {
        "west_first": case(west_first, west_town, west_home, 1, 2015),
        "west_later": case(west_later, west_town, west_home, 1, 2017),
        "east_first": case(east_first, east_town, east_home, 1, 2015),
    }
    findings = {
        "east": OldFinding.objects.create(visit_id=east_visit.pk, topic=topics[5], text="东"),
        "later": OldFinding.objects.create(visit_id=later_visit.pk, topic=topics[1], text="后"),
        "first": OldFinding.objects.create(visit_id=first_visit.pk, topic=topics[4], text="西"),
    }
    kinds = {
        county.pk: OldKind.objects.create(
            county_id=county.pk, code="open_day", name="军营开放", workstream=education
        )
        for county in (west, east)
    }
    east_activity = OldActivity.objects.create(
        workstream=education,
        kind=kinds[east.pk],
        organiser_id=east_town.pk,
        held_on=date(2015, 5, 1),
        title="开放日",
        created_by_id=clerk.pk,
    )

    # Forward to the latest: the checks read through today's models, whose later columns
    # (a visit's and an activity's campaign) the migrations after 0011 add.
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    def topic_of(campaign_pk, number):
        return Topic.objects.get(campaign_id=campaign_pk, number=number)

    assert Workstream.objects.count() == 6 and Topic.objects.count() == 9
    # The rows that were there stay, with the first campaign.
    assert topic_of(west_first.pk, 5).pk == topics[5].pk
    assert Workstream.objects.get(pk=education.pk).campaign_id == west_first.pk
    for each in (west_first, west_later, east_first):
        frame = Topic.objects.filter(campaign_id=each.pk).select_related("workstream")
        assert sorted(t.number for t in frame) == [1, 4, 5]
        assert {t.workstream.campaign_id for t in frame} == {each.pk}
        assert [t.number for t in frame if t.policy_check] == [4]
        assert Phase.objects.get(campaign_id=each.pk, carries_over=True).number == 3
    assert not Phase.objects.filter(number=4, carries_over=True).exists()
    # Each record names its own campaign's topic or workstream, nothing else changed.
    assert Case.objects.get(pk=cases["west_first"].pk).topic_id == topics[5].pk
    assert Case.objects.get(pk=cases["west_later"].pk).topic == topic_of(west_later.pk, 5)
    assert Case.objects.get(pk=cases["east_first"].pk).topic == topic_of(east_first.pk, 5)
    assert Finding.objects.get(pk=findings["east"].pk).topic == topic_of(east_first.pk, 5)
    assert Finding.objects.get(pk=findings["later"].pk).topic == topic_of(west_later.pk, 1)
    assert Finding.objects.get(pk=findings["first"].pk).topic_id == topics[4].pk
    east_education = Workstream.objects.get(campaign_id=east_first.pk, number=1)
    assert ActivityKind.objects.get(pk=kinds[east.pk].pk).workstream == east_education
    assert ActivityKind.objects.get(pk=kinds[west.pk].pk).workstream_id == education.pk
    assert Activity.objects.get(pk=east_activity.pk).workstream == east_education
    assert Case.objects.count() == 3 and Finding.objects.count() == 3
    assert Campaign.objects.count() == 3


def test_migrated_back_each_numbers_rows_fold_into_the_first(plan):
    # Under today's models: two campaigns, each with its own frame and a case.
    second = add_next_campaign()
    first_case = CaseFactory()
    later_case = CaseFactory(registered_on=date(2017, 6, 1))
    assert later_case.topic.campaign == second
    kinds = dict(ActivityKind.objects.values_list("code", "workstream__number"))

    old = migrate(BEFORE)
    OldTopic = old.get_model("campaign", "Topic")
    OldWorkstream = old.get_model("campaign", "Workstream")
    OldCase = old.get_model("grievances", "Case")
    OldKind = old.get_model("outreach", "ActivityKind")
    assert OldTopic.objects.count() == 7 and OldWorkstream.objects.count() == 5
    first_five = OldTopic.objects.get(number=5)
    assert OldCase.objects.get(pk=first_case.pk).topic_id == first_five.pk
    assert OldCase.objects.get(pk=later_case.pk).topic_id == first_five.pk
    # Every kind of the county stays, under the workstream of its number.
    assert dict(OldKind.objects.values_list("code", "workstream__number")) == kinds

    migrate(AFTER)
    # On to the newest state, whose columns today's models read; later migrations keep topics.
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    assert Topic.objects.filter(campaign=plan).count() == 7
    assert Topic.objects.filter(campaign=second).count() == 7
    assert Case.objects.get(pk=later_case.pk).topic == Topic.objects.get(campaign=second, number=5)
    assert Case.objects.get(pk=first_case.pk).topic_id == first_five.pk
