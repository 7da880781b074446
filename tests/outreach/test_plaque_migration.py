"""Migration 0005 moves every plaque date kept on a household into the plaque register, keeps
the plaques the register already holds, then drops the date."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from outreach.models import HonourPlaque, Household
from tests.factories import UnitFactory, make_id_number

BEFORE = [("outreach", "0004_activity_evidence_historicalactivity_honourplaque_and_more")]
AFTER = [("outreach", "0005_plaque_register_only")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def with_date(household, on):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE outreach_household SET plaque_on = %s WHERE id = %s", [on, household.pk]
        )


@pytest.mark.django_db(transaction=True)
def test_plaque_dates_move_into_the_register_and_the_rows_are_kept():
    # The county comes first, under today's models: adding one writes its starter lists.
    township = UnitFactory(kind="township")
    old = migrate(BEFORE)
    try:
        # The models as they stood then: today's have columns the old tables lack.
        OldHousehold = old.get_model("outreach", "Household")
        OldPerson = old.get_model("outreach", "Person")
        OldCategory = old.get_model("outreach", "BeneficiaryCategory")
        OldPlaque = old.get_model("outreach", "HonourPlaque")

        def household(number, head):
            return OldHousehold.objects.create(
                township_id=township.pk, number=number, head_name=head, village="东村"
            )

        martyr = household("0001", "烈属")
        survivor = OldPerson.objects.create(
            household=martyr, name="烈属", id_number=make_id_number(), sex="M",
            birth_date=date(1960, 5, 4), relation="parent",
        )  # fmt: skip
        survivor.categories.add(OldCategory.objects.get_or_create(name="烈士遗属")[0])
        unknown = household("0002", "未知类别")
        registered = OldPlaque.objects.create(
            household=household("0003", "已登记"), type="veteran", basis="退役士兵",
            placement="door", status="hung", hung_on=date(2015, 2, 1),
        )  # fmt: skip
        without = household("0004", "无牌")
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
        assert "待核实" in HonourPlaque.objects.get(household_id=unknown.pk).basis
        assert without.pk not in plaques
        columns = [c.name for c in connection.introspection.get_table_description(
            connection.cursor(), "outreach_household"
        )]  # fmt: skip
        assert "plaque_on" not in columns
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
