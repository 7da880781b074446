"""Migration outreach 0016: every visit already recorded names the unit that made it (the unit
of the account that recorded it, else the township it was charged to); every row is kept."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from campaign.services import plan_load
from outreach.models import Visit
from tests.factories import HouseholdFactory, UnitFactory, UserFactory, county_for_tests

BEFORE = [
    ("campaign", "0014_topic_time_limit"),
    ("outreach", "0015_activity_kinds_added"),
]
AFTER = [("campaign", "0015_enterprise_units"), ("outreach", "0016_visits_by_units")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_every_visit_keeps_its_row_and_gains_its_visiting_unit():
    area = county_for_tests("东县")
    campaign = plan_load(county=area).campaign
    township = UnitFactory(area=area, code="east-town", kind="township")
    office_unit = UnitFactory(area=area, code="east-office", kind="office")
    garrison = UnitFactory(area=area, code="east-garrison", kind="garrison")
    clerk = UserFactory(username="east-clerk", unit=township)
    office = UserFactory(username="east-office", unit=office_unit)
    root = UserFactory(username="root", unit=None, is_superuser=True)
    household = HouseholdFactory(township=township)
    old = migrate(BEFORE)
    try:
        OldVisit = old.get_model("outreach", "Visit")
        made = {}
        for user, subject, expected in (
            (clerk, {"household_id": household.pk}, township),
            (office, {"garrison_id": garrison.pk}, office_unit),
            (root, {"household_id": household.pk}, township),
        ):
            visit = OldVisit.objects.create(
                campaign_id=campaign.pk, township_id=township.pk, visited_on=date(2015, 4, 1),
                visitors="甲", created_by_id=user.pk, **subject,
            )  # fmt: skip
            made[visit.pk] = expected.pk

        migrate(AFTER)

        found = dict(Visit.objects.values_list("pk", "unit_id"))
        assert found == made
        assert set(Visit.objects.values_list("kind", flat=True)) == {Visit.Kind.VISIT}
        assert Visit.objects.filter(township=township).count() == 3
    finally:
        latest()
