"""Migration campaign 0013 gives every topic of every campaign already loaded its special
action, not yet framed (no lead unit, not started), and loses no row on the way."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from campaign.models import SpecialAction
from campaign.services import plan_load
from grievances.models import Case
from tests.factories import CaseFactory, HouseholdFactory, UnitFactory, county_for_tests

BEFORE = [("campaign", "0012_records_belong_to_campaign")]
AFTER = [("campaign", "0013_special_actions")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def row_counts(apps) -> dict:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.label != "sessions.Session"
    }


@pytest.mark.django_db(transaction=True)
def test_every_topic_of_every_campaign_gets_its_action():
    east, west = county_for_tests("东县"), county_for_tests("西县")
    first = plan_load(county=east).campaign
    plan_load(county=west)
    township = UnitFactory(area=east, code="east-town", kind="township")
    CaseFactory(
        campaign=first, household=HouseholdFactory(township=township), description="营区道路"
    )
    old = migrate(BEFORE)
    try:
        # A second campaign with a topic of its own, written under the models of before.
        OldCampaign = old.get_model("campaign", "Campaign")
        OldTopic = old.get_model("campaign", "Topic")
        second = OldCampaign.objects.create(
            county_id=east.pk, name="第二轮", starts_on=date(2017, 1, 1), ends_on=date(2018, 12, 31)
        )
        workstream = old.get_model("campaign", "Workstream").objects.create(
            campaign_id=second.pk, number=1, name="拥军"
        )
        extra = OldTopic.objects.create(
            campaign_id=second.pk, number=1, name="新专题", about="garrison",
            workstream_id=workstream.pk,
        )  # fmt: skip
        before = row_counts(old)
        topics = set(OldTopic.objects.values_list("pk", flat=True))
        assert len(topics) == 15  # seven per loaded plan, and the second campaign's

        new = migrate(AFTER)

        after = row_counts(new)
        assert {label: after[label] for label in before} == before
        # The models of this migration's state: later ones add columns the live models ask for.
        NewAction = new.get_model("campaign", "SpecialAction")
        NewTopic = new.get_model("campaign", "Topic")
        actions = NewAction.objects.all()
        assert set(actions.values_list("topic_id", flat=True)) == topics
        assert actions.count() == len(topics)
        assert not actions.exclude(status=SpecialAction.Status.NOT_STARTED).exists()
        assert not actions.filter(lead_unit__isnull=False).exists()
        assert NewAction.objects.get(topic_id=extra.pk).topic.campaign_id == second.pk
        assert NewTopic.objects.get(campaign_id=first.pk, number=1).special_action.version == 1
        assert Case.objects.count() == 1
    finally:
        latest()


@pytest.mark.django_db
def test_loading_a_plan_frames_its_topics_once():
    county = county_for_tests("南县")
    campaign = plan_load(county=county).campaign
    assert SpecialAction.objects.filter(topic__campaign=campaign).count() == 7
    again = plan_load(county=county)
    assert not again.changed
    assert SpecialAction.objects.filter(topic__campaign=campaign).count() == 7
