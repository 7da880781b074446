"""Migration outreach 0015 gives every county that runs the plan the plan's activities that
had no kind (宣传发动, 社会一日, 转业干部安置, 三线三边…), once, under the plan campaign's
workstreams, and keeps every kind and activity that was there; a county that already has a
kind of that name or code keeps its own and gets no second."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from campaign.services import plan_load
from outreach.models import Activity, ActivityKind
from tests.factories import OfficeUserFactory, UnitFactory, county_for_tests

BEFORE = [("outreach", "0014_activity_details")]
AFTER = [("outreach", "0015_activity_kinds_added")]
NEW_CODES = [
    "publicity_mobilisation",
    "mobilisation_meeting",
    "society_day",
    "see_local_development",
    "mission_support",
    "training_ground_title",
    "utilities_support",
    "officer_resettlement",
    "special_hardship",
    "three_lines",
    "vulnerable_groups_help",
    "school_feature_education",
    "patriotic_education",
    "art_works",
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_each_plan_county_gets_the_missing_kinds_once_and_keeps_everything():
    east, west = county_for_tests("东县"), county_for_tests("西县")
    plan_load(county=east)
    plan_load(county=west)
    bare = county_for_tests("无方案县")  # no plan loaded: no workstreams to put kinds under
    east_town = UnitFactory(area=east, code="east-town", kind="township")
    user = OfficeUserFactory(username="east-office", unit=east_town)
    old = migrate(BEFORE)
    try:
        Kind = old.get_model("outreach", "ActivityKind")
        OldActivity = old.get_model("outreach", "Activity")
        # As the counties were before the plan named these kinds.
        Kind.objects.filter(code__in=NEW_CODES).delete()
        volunteer = Kind.objects.get(county_id=east.pk, code="volunteer")
        activity = OldActivity.objects.create(
            campaign_id=volunteer.workstream.campaign_id, workstream_id=volunteer.workstream_id,
            kind_id=volunteer.pk, organiser_id=east_town.pk, held_on=date(2015, 5, 1),
            title="学雷锋", created_by_id=user.pk,
        )  # fmt: skip
        # West already keeps 三线三边 under a code of its own, and a kind of code art_works
        # under a name of its own.
        poverty = Kind.objects.get(county_id=west.pk, code="poverty_relief")
        own_name = Kind.objects.create(
            county_id=west.pk, code="sanxian", name="三线三边", order=50,
            workstream_id=poverty.workstream_id,
        )  # fmt: skip
        own_code = Kind.objects.create(
            county_id=west.pk, code="art_works", name="双拥文艺创作", order=51,
            workstream_id=poverty.workstream_id,
        )  # fmt: skip
        before = {
            row[0]: row
            for row in Kind.objects.values_list("pk", "county_id", "code", "name", "workstream_id")
        }
        last_order = max(Kind.objects.filter(county_id=east.pk).values_list("order", flat=True))

        migrate(AFTER)

        kinds = ActivityKind.objects.all()
        # Every kind kept as it was.
        assert {
            row[0]: row
            for row in kinds.filter(pk__in=before).values_list(
                "pk", "county_id", "code", "name", "workstream_id"
            )
        } == before
        assert Activity.objects.get(pk=activity.pk).kind_id == volunteer.pk
        added = kinds.exclude(pk__in=before)
        assert sorted(added.filter(county=east).values_list("code", flat=True)) == sorted(NEW_CODES)
        assert set(added.filter(county=west).values_list("code", flat=True)) == set(NEW_CODES) - {
            "three_lines",
            "art_works",
        }
        assert not added.filter(county=bare).exists()
        # Once each: no county has two kinds of one name or one code.
        for county in (east, west):
            names = list(kinds.filter(county=county).values_list("name", flat=True))
            codes = list(kinds.filter(county=county).values_list("code", flat=True))
            assert len(names) == len(set(names)) and len(codes) == len(set(codes))
        assert kinds.get(pk=own_name.pk).name == "三线三边"
        assert kinds.get(pk=own_code.pk).name == "双拥文艺创作"
        # Under the plan campaign's workstream of the plan's number, after the county's own.
        society = kinds.get(county=east, code="society_day")
        assert society.workstream.number == 1
        assert society.workstream.campaign_id == volunteer.workstream.campaign_id
        assert society.order > last_order
        assert kinds.get(county=east, code="art_works").workstream.number == 5
    finally:
        latest()


@pytest.mark.django_db
def test_a_county_that_loads_the_plan_now_gets_them_from_the_plan():
    county = county_for_tests("新县")
    plan_load(county=county)
    codes = set(ActivityKind.objects.filter(county=county).values_list("code", flat=True))
    assert set(NEW_CODES) <= codes
