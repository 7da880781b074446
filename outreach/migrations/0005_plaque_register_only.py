"""The plaque register becomes the only record of honour plaques: a date of hanging kept on a
household with no plaque in the register becomes a plaque there, then the date field goes."""

from django.db import migrations

MARTYR_FAMILY = ["烈士遗属", "因公牺牲军人遗属", "病故军人遗属"]
SERVING_FAMILY = ["现役军人家属"]
VETERAN_FAMILY = [
    "军队转业干部",
    "退役士兵",
    "军队离休退休干部和退休士官",
    "复员军人",
    "退伍红军老战士",
    "残疾军人",
]
BASIS = "由户信息中的光荣牌悬挂日期转入"
BASIS_UNSURE = "由户信息中的光荣牌悬挂日期转入，类型待核实"


def move_dates_into_register(apps, schema_editor):
    Household = apps.get_model("outreach", "Household")
    HonourPlaque = apps.get_model("outreach", "HonourPlaque")
    Person = apps.get_model("outreach", "Person")
    households = Household.objects.filter(plaque_on__isnull=False, plaque__isnull=True)
    pending = dict(households.values_list("pk", "plaque_on"))
    if not pending:
        return
    names = {}
    living = Person.objects.filter(
        household_id__in=list(pending), archived=False, deceased=False
    ).values_list("household_id", "categories__name")
    for household_id, name in living.iterator():
        if name:
            names.setdefault(household_id, set()).add(name)
    plaques = []
    for household_id, hung_on in sorted(pending.items()):
        held = names.get(household_id, set())
        kind = next(
            (
                kind
                for kind, qualifying in (
                    ("martyr_family", MARTYR_FAMILY),
                    ("serving", SERVING_FAMILY),
                    ("veteran", VETERAN_FAMILY),
                )
                if held & set(qualifying)
            ),
            None,
        )
        plaques.append(
            HonourPlaque(
                household_id=household_id,
                # The date says a plaque hangs; its type is the household's, or to be checked.
                type=kind or "veteran",
                basis=BASIS if kind else BASIS_UNSURE,
                placement="door",
                status="hung",
                hung_on=hung_on,
            )
        )
    HonourPlaque.objects.bulk_create(plaques, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0004_activity_evidence_historicalactivity_honourplaque_and_more"),
    ]

    operations = [
        migrations.RunPython(move_dates_into_register, migrations.RunPython.noop),
        migrations.RemoveField(model_name="historicalhousehold", name="plaque_on"),
        migrations.RemoveField(model_name="household", name="plaque_on"),
    ]
