"""What an upgrade must keep, read through whichever version's code runs it (`manage.py shell
-c`): every table's row count, a sample of records, and what each login sees. It uses only
what both versions have; tests/upgrade/previous.py reads the JSON line it prints."""

import json

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from campaign.models import Campaign, SupportOrganisation, Unit, User
from grievances.models import Case
from outreach.models import Household, Person
from reports.models import AssessmentItem, AssessmentScheme, FrozenLedgerRow, YearSignOff

SAMPLE = 20


def table_counts():
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
        return counts


def spread(queryset, *fields):
    """SAMPLE rows spread evenly over the table, the same ones while the rows are the same."""
    pks = list(queryset.order_by("pk").values_list("pk", flat=True))
    picked = pks[:: max(1, len(pks) // SAMPLE)][:SAMPLE]
    rows = queryset.filter(pk__in=picked).order_by("pk").values_list("pk", *fields)
    return [list(row) for row in rows]


def everything(queryset, *fields):
    return [list(row) for row in queryset.order_by("pk").values_list("pk", *fields)]


def what_each_login_sees():
    scoped = [
        model for model in apps.get_models() if hasattr(model._default_manager.all(), "visible_to")
    ]
    return {
        user.username: {
            model._meta.label: model._default_manager.all().visible_to(user).count()
            for model in scoped
        }
        for user in User.objects.select_related("unit").order_by("username")
    }


records = {
    "counts": table_counts(),
    "content_types": sorted(
        f"{app_label}.{model}"
        for app_label, model in ContentType.objects.values_list("app_label", "model")
    ),
    "permissions": sorted(
        f"{app_label}.{codename}"
        for app_label, codename in Permission.objects.values_list(
            "content_type__app_label", "codename"
        )
    ),
    "migrations": sorted(
        f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
    ),
    "households": spread(Household.objects, "number", "head_name", "village", "township__code"),
    "persons": spread(Person.objects, "name", "id_number", "relation", "household__number"),
    "cases": spread(
        Case.objects,
        "year",
        "sequence",
        "status",
        "lead_unit__code",
        "township__code",
        "household__number",
        "deadline",
    ),
    "units": everything(Unit.objects, "code", "name", "kind", "is_active"),
    "users": everything(User.objects, "username", "unit__code", "read_only", "is_staff"),
    "campaigns": everything(Campaign.objects, "name", "starts_on", "ends_on"),
    "support_organisations": everything(SupportOrganisation.objects, "kind", "name", "unit__code"),
    "schemes": everything(AssessmentScheme.objects, "year", "on_time_weight", "activities_target"),
    "items": everything(AssessmentItem.objects, "unit__code", "year", "kind", "points", "reason"),
    "sign_offs": everything(YearSignOff.objects, "year", "signed_by__username", "as_of", "figures"),
    "frozen_rows": spread(
        FrozenLedgerRow.objects, "sign_off__year", "position", "number", "status"
    ),
    "seen": what_each_login_sees(),
}
print("UPGRADE-READ " + json.dumps(records, default=str, ensure_ascii=False, sort_keys=True))
