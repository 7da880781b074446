"""Migrations 0007–0009 turn the log of full ID number views into the log of every look at
personal details: each view already logged is kept, as a view on the household page, under
the county of the person's household."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from outreach.models import IdNumberView
from tests.factories import PersonFactory, UnitFactory, UserFactory, county_for_tests

BEFORE = [("outreach", "0006_activity_support_organisation")]
AFTER = [("outreach", "0009_personal_data_access_county_required")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_every_full_view_logged_before_is_kept_under_its_persons_county():
    # The records come first, under today's models; going back keeps them.
    first = PersonFactory(household__township=UnitFactory(kind="township"))
    other = county_for_tests("西山县")
    second = PersonFactory(household__township=UnitFactory(kind="township", area=other))
    assert first.household.township.area_id != second.household.township.area_id
    user = UserFactory()
    migrate(BEFORE)
    try:
        at = datetime(2015, 6, 1, 8, 30, tzinfo=UTC)
        with connection.cursor() as cursor:
            for person in (first, first, second):
                cursor.execute(
                    "INSERT INTO outreach_idnumberview (person_id, user_id, viewed_at) "
                    "VALUES (%s, %s, %s)",
                    [person.pk, user.pk, at],
                )

        migrate(AFTER)

        rows = sorted(
            IdNumberView.objects.values_list(
                "person_id", "user_id", "viewed_at", "kind", "source", "count", "county_id"
            )
        )
        expected = [
            (p.pk, user.pk, at, "view", "household_page", 1, p.household.township.area_id)
            for p in (first, first, second)
        ]
        assert rows == sorted(expected)
        assert IdNumberView.objects.about(first).count() == 2
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
