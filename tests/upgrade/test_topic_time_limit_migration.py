"""Migration campaign 0014 gives the topic each plan marks for priority by law (依法优先: the
first plan's topic 7, 涉法涉诉) a time limit of ten working days, in every county and campaign,
and leaves every other topic as it was."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from campaign.models import Topic
from campaign.services import plan_load
from tests.campaigns import add_next_campaign
from tests.factories import county_for_tests

BEFORE = [("campaign", "0012_records_belong_to_campaign")]
AFTER = [("campaign", "0014_topic_time_limit")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def topic_rows():
    return sorted(
        Topic.objects.values_list("pk", "campaign_id", "number", "name", "priority", "about")
    )


@pytest.mark.django_db(transaction=True)
def test_the_priority_topic_of_every_county_gets_ten_working_days():
    east = plan_load(county=county_for_tests("东县")).campaign
    west = plan_load(county=county_for_tests("西县")).campaign
    following = add_next_campaign()  # its 军人军属合法权益维护 (topic 5) is the priority one
    rows = topic_rows()
    old = migrate(BEFORE)
    try:
        OldTopic = old.get_model("campaign", "Topic")
        assert "time_limit_days" not in {f.name for f in OldTopic._meta.fields}
        # A county that had marked another topic for priority keeps its choice.
        OldTopic.objects.filter(campaign_id=west.pk, number=6).update(priority=True)
        migrate(AFTER)
        assert topic_rows() == sorted(
            (pk, c, n, name, priority or (c == west.pk and n == 6), about)
            for pk, c, n, name, priority, about in rows
        )
        limited = Topic.objects.filter(time_limit_days=10)
        assert set(limited.values_list("campaign_id", "number")) == {
            (east.pk, 7),
            (west.pk, 6),
            (west.pk, 7),
            (following.pk, 5),
        }
        assert set(Topic.objects.values_list("time_limit_days", flat=True)) == {10, None}
        assert not Topic.objects.filter(priority=False, time_limit_days__isnull=False).exists()
    finally:
        latest()
