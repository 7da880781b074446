"""Migration 0008 gives every archived household and person the day it was archived, read
from its history (the start of its last archived run), or failing that from the household."""

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from outreach.models import Household, Person
from tests.factories import UnitFactory, make_id_number

BEFORE = [("outreach", "0006_activity_support_organisation")]
AFTER = [("outreach", "0008_backfill_archived_on")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def at(day, hour=4):
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@pytest.mark.django_db(transaction=True)
def test_archive_days_come_from_history_and_nothing_else_changes():
    # The county comes first, under today's models: adding one writes its starter lists.
    township = UnitFactory(kind="township")
    old = migrate(BEFORE)
    try:
        OldHousehold = old.get_model("outreach", "Household")
        OldPerson = old.get_model("outreach", "Person")
        HouseholdHistory = old.get_model("outreach", "HistoricalHousehold")
        PersonHistory = old.get_model("outreach", "HistoricalPerson")

        def household(number, archived, rows=(), saved=date(2016, 1, 1)):
            made = OldHousehold.objects.create(
                township_id=township.pk, number=number, head_name=f"户{number}", village="东村",
                archived=archived,
            )  # fmt: skip
            OldHousehold.objects.filter(pk=made.pk).update(updated_at=at(saved))
            for when, flag in rows:
                HouseholdHistory.objects.create(
                    id=made.pk, township_id=township.pk, number=number, head_name=made.head_name,
                    village="东村", archived=flag, created_at=at(date(2015, 1, 1)),
                    updated_at=when, history_date=when, history_type="~",
                )  # fmt: skip
            return made

        def person(home, archived, rows=()):
            number = make_id_number()
            made = OldPerson.objects.create(
                household_id=home.pk, name="成员", id_number=number, sex="M",
                birth_date=date(1950, 1, 1), relation="self", archived=archived,
            )  # fmt: skip
            for when, flag in rows:
                PersonHistory.objects.create(
                    id=made.pk, household_id=home.pk, name="成员", id_number=number, sex="M",
                    birth_date=date(1950, 1, 1), relation="self", archived=flag,
                    history_date=when, history_type="~",
                )  # fmt: skip
            return made

        # Archived late on 1 February, UTC: 2 February in the county.
        once = household(
            "0001",
            True,
            [(at(date(2015, 1, 1)), False), (at(date(2016, 2, 1), 17), True),
             (at(date(2016, 4, 1)), True)],
        )  # fmt: skip
        again = household(
            "0002",
            True,
            [(at(date(2015, 5, 1)), True), (at(date(2015, 6, 1)), False),
             (at(date(2016, 7, 1)), True)],
        )  # fmt: skip
        no_history = household("0003", True, saved=date(2016, 8, 8))
        active = household("0004", False, [(at(date(2015, 1, 1)), False)])
        with_rows = person(once, True, [(at(date(2016, 2, 1), 17), True)])
        without_rows = person(no_history, True)
        living = person(active, False)

        migrate(AFTER)

        days = dict(Household.objects.values_list("pk", "archived_on"))
        assert days == {
            once.pk: date(2016, 2, 2),
            again.pk: date(2016, 7, 1),
            no_history.pk: date(2016, 8, 8),
            active.pk: None,
        }
        days = dict(Person.objects.values_list("pk", "archived_on"))
        assert days == {
            with_rows.pk: date(2016, 2, 2),
            without_rows.pk: date(2016, 8, 8),
            living.pk: None,
        }
        assert Household.objects.filter(anonymised_on__isnull=False).count() == 0
        assert Household.history.count() == 7 and Person.history.count() == 1
        assert set(Household.objects.values_list("head_name", flat=True)) == {
            "户0001", "户0002", "户0003", "户0004"
        }  # fmt: skip
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
