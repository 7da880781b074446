"""Migration 0005 moves every plaque date kept on a household into the plaque register, keeps
the plaques the register already holds, then drops the date."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from outreach.models import BeneficiaryCategory, HonourPlaque, Household
from tests.factories import (
    HonourPlaqueFactory,
    HouseholdFactory,
    UnitFactory,
    make_id_number,
)

BEFORE = [("outreach", "0004_activity_evidence_historicalactivity_honourplaque_and_more")]
AFTER = [("outreach", "0005_plaque_register_only")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def with_date(household, on):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE outreach_household SET plaque_on = %s WHERE id = %s", [on, household.pk]
        )


@pytest.mark.django_db(transaction=True)
def test_plaque_dates_move_into_the_register_and_the_rows_are_kept():
    migrate(BEFORE)
    try:
        township = UnitFactory(kind="township")
        martyr = HouseholdFactory(township=township, head_name="烈属", phone="")
        # A stored phone would be a token too wide for that state's column: none here.
        # The person is written through the models of that state: today's Person has columns
        # (the ID number's hash) that later migrations add.
        old = MigrationExecutor(connection).loader.project_state(BEFORE).apps
        person = old.get_model("outreach", "Person").objects.create(
            household_id=martyr.pk,
            name="烈士母亲",
            id_number=make_id_number(),
            sex="F",
            birth_date=date(1940, 1, 1),
            relation="parent",
        )
        category = BeneficiaryCategory.objects.get_or_create(name="烈士遗属")[0]
        person.categories.add(category.pk)
        unknown = HouseholdFactory(township=township, head_name="未知类别", phone="")
        registered = HonourPlaqueFactory(
            household__township=township, household__phone="", hung_on=date(2015, 2, 1)
        )
        without = HouseholdFactory(township=township, head_name="无牌", phone="")
        with_date(martyr, date(2015, 3, 10))
        with_date(unknown, date(2015, 4, 10))
        with_date(registered.household, date(2014, 1, 1))  # the register wins

        migrate(AFTER)

        assert Household.objects.count() == 4
        plaques = {
            p.household_id: (p.type, p.status, p.placement, p.hung_on)
            for p in HonourPlaque.objects.all()
        }
        assert plaques == {
            martyr.pk: ("martyr_family", "hung", "door", date(2015, 3, 10)),
            unknown.pk: ("veteran", "hung", "door", date(2015, 4, 10)),
            registered.household_id: ("veteran", "hung", "door", date(2015, 2, 1)),
        }
        assert "待核实" in HonourPlaque.objects.get(household=unknown).basis
        assert without.pk not in plaques
        columns = [c.name for c in connection.introspection.get_table_description(
            connection.cursor(), "outreach_household"
        )]  # fmt: skip
        assert "plaque_on" not in columns
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
