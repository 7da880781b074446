"""Migrations campaign 0012 and outreach 0013 (after 0011 gave each campaign its frame) give
every visit, activity, inspection and 五个一 entry made before records belonged to a campaign
the campaign of its county whose window holds its date, or failing that the county's campaign
nearest in time; their history rows too."""

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from campaign.models import Campaign, FiveOnesItem, Inspection
from campaign.services import plan_load
from outreach.models import Activity, Visit
from tests.factories import (
    HouseholdFactory,
    OfficeUserFactory,
    UnitFactory,
    county_for_tests,
    kind_of,
    rating_of,
)

BEFORE = [("campaign", "0011_plan_per_campaign"), ("outreach", "0012_encrypted_numbers_unique")]
AFTER = [
    ("campaign", "0012_records_belong_to_campaign"),
    ("outreach", "0013_records_belong_to_campaign"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


class County:
    """A county made under today's models: its plan loaded (2015–2016), a township, an office
    user, a household; what the old records point at."""

    def __init__(self, name, code):
        self.area = county_for_tests(name)
        self.first = plan_load(county=self.area).campaign
        self.township = UnitFactory(area=self.area, code=f"{code}-town", kind="township")
        self.member = UnitFactory(area=self.area, code=f"{code}-member", kind="member")
        self.user = OfficeUserFactory(
            username=f"{code}-office", unit=UnitFactory(area=self.area, code=f"{code}-office")
        )
        self.household = HouseholdFactory(township=self.township)
        self.kind = kind_of(self.township, "condolence_visit")
        self.rating = rating_of(self.township, "good")


class OldRecords:
    """Records written through the models of the migration state before, with the campaign
    each should end up in."""

    def __init__(self, apps):
        self.apps = apps
        self.expected = {name: {} for name in ("Visit", "Activity", "Inspection", "FiveOnesItem")}
        self.history_expected = {}

    def visit(self, county, day, campaign):
        Visit = self.apps.get_model("outreach", "Visit")
        made = Visit.objects.create(
            township_id=county.township.pk, household_id=county.household.pk, visited_on=day,
            visitors="甲", created_by_id=county.user.pk,
        )  # fmt: skip
        self.apps.get_model("outreach", "HistoricalVisit").objects.create(
            id=made.pk, township_id=county.township.pk, household_id=county.household.pk,
            visited_on=day, visitors="甲", created_by_id=county.user.pk, created_at=made.created_at,
            history_date=made.created_at, history_type="+",
        )  # fmt: skip
        self.expected["Visit"][made.pk] = campaign.pk
        self.history_expected[made.pk] = campaign.pk

    def activity(self, county, day, campaign):
        Activity = self.apps.get_model("outreach", "Activity")
        made = Activity.objects.create(
            workstream_id=county.kind.workstream_id, kind_id=county.kind.pk,
            organiser_id=county.member.pk, held_on=day, title="慰问", created_by_id=county.user.pk,
        )  # fmt: skip
        self.expected["Activity"][made.pk] = campaign.pk

    def inspection(self, county, day, campaign):
        Inspection = self.apps.get_model("campaign", "Inspection")
        made = Inspection.objects.create(
            unit_id=county.township.pk, inspected_on=day, inspectors="周", checked="台账",
            rating_id=county.rating.pk, created_by_id=county.user.pk,
        )  # fmt: skip
        self.expected["Inspection"][made.pk] = campaign.pk

    def five_ones(self, county, item, done_on, updated, campaign):
        FiveOnesItem = self.apps.get_model("campaign", "FiveOnesItem")
        made = FiveOnesItem.objects.create(
            unit_id=county.township.pk, item=item, status="done" if done_on else "building",
            done_on=done_on, updated_by_id=county.user.pk,
        )  # fmt: skip
        FiveOnesItem.objects.filter(pk=made.pk).update(
            updated_at=datetime(updated.year, updated.month, updated.day, 4, tzinfo=UTC)
        )
        self.expected["FiveOnesItem"][made.pk] = campaign.pk


@pytest.mark.django_db(transaction=True)
def test_every_record_goes_to_its_countys_campaign_by_date():
    east, west = County("东县", "east"), County("西县", "west")
    # East's next campaign starts half a year after the first ends: the gap is split between
    # the two by nearness.
    east_next = Campaign.objects.create(
        county=east.area, name="下一轮", starts_on=date(2017, 7, 1), ends_on=date(2020, 12, 31)
    )
    old = migrate(BEFORE)
    try:
        records = OldRecords(old)
        records.visit(east, date(2015, 4, 1), east.first)
        records.visit(east, date(2014, 12, 1), east.first)  # before any: the first
        records.visit(east, date(2017, 3, 31), east.first)  # nearer the first's end
        records.visit(east, date(2017, 4, 1), east_next)  # nearer the next's start
        records.visit(east, date(2021, 5, 1), east_next)  # after every window: the last
        records.visit(west, date(2015, 5, 1), west.first)
        records.visit(west, date(2018, 5, 1), west.first)  # West has only the one
        records.activity(east, date(2016, 12, 31), east.first)
        records.activity(east, date(2017, 7, 1), east_next)
        records.activity(west, date(2016, 2, 1), west.first)
        records.inspection(east, date(2015, 6, 1), east.first)
        records.inspection(east, date(2018, 1, 1), east_next)
        records.inspection(west, date(2015, 9, 1), west.first)
        # In place since a day in the first; not yet in place, last changed in the next.
        records.five_ones(east, "room", date(2015, 3, 1), date(2018, 2, 1), east.first)
        records.five_ones(east, "board", None, date(2018, 2, 1), east_next)
        records.five_ones(west, "room", date(2015, 4, 1), date(2015, 4, 1), west.first)

        migrate(AFTER)

        for model in (Visit, Activity, Inspection, FiveOnesItem):
            found = dict(model.objects.values_list("pk", "campaign_id"))
            assert found == records.expected[model.__name__], model.__name__
        history = dict(Visit.history.values_list("id", "campaign_id"))
        assert history == records.history_expected
        assert Visit.objects.filter(household=east.household).count() == 5
        # The checklist starts blank in the next campaign: the same item may be kept there.
        # Today's model is written under today's schema (saving it keeps the county's figures
        # current, in a table later migrations add).
        latest()
        FiveOnesItem.objects.create(
            campaign=east_next, unit=east.township, item="room", updated_by=east.user
        )
    finally:
        latest()


@pytest.mark.django_db(transaction=True)
def test_records_of_a_county_without_a_campaign_stop_the_upgrade_by_name():
    # The plan's workstreams and the county's kinds come from a county that has loaded it.
    east = County("东县", "east")
    bare = county_for_tests("无方案县")
    township = UnitFactory(area=bare, code="bare-town", kind="township")
    household = HouseholdFactory(township=township)
    old = migrate(BEFORE)
    try:
        OldVisit = old.get_model("outreach", "Visit")
        OldVisit.objects.create(
            township_id=township.pk, household_id=household.pk, visited_on=date(2015, 4, 1),
            visitors="甲", created_by_id=east.user.pk,
        )  # fmt: skip
        with pytest.raises(RuntimeError, match="无方案县.*load_plan"):
            migrate(AFTER)
        # Nothing of the step was kept: the visit is there, as it was.
        assert OldVisit.objects.count() == 1
        OldVisit.objects.all().delete()
    finally:
        latest()
