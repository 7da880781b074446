"""The day each archived household and person was archived, read from its history: the first
history row of the last run of rows in which it stands archived. A household without such a
row takes the day it was last saved (archiving saves it); a person the day of its household
(persons are archived with their household), else the day of this migration, so a record is
never taken for older than it is."""

from django.db import migrations
from django.utils import timezone


def _archived_since(rows):
    """rows: (history_date, archived), newest first. The start of the newest archived run."""
    since = None
    for when, archived in rows:
        if not archived:
            break
        since = when
    return timezone.localdate(since) if since else None


def _history_of(historical, archived):
    found = {}
    rows = (
        historical.objects.filter(id__in=archived.values("pk"))
        .order_by("id", "-history_date", "-history_id")
        .values_list("id", "history_date", "archived")
    )
    for pk, when, archived in rows.iterator(chunk_size=2000):
        found.setdefault(pk, []).append((when, archived))
    return found


def backfill(apps, schema_editor):
    Household = apps.get_model("outreach", "Household")
    Person = apps.get_model("outreach", "Person")
    today = timezone.localdate()
    households = list(
        Household.objects.filter(archived=True, archived_on__isnull=True).values_list(
            "pk", "updated_at"
        )
    )
    history = _history_of(
        apps.get_model("outreach", "HistoricalHousehold"),
        Household.objects.filter(archived=True, archived_on__isnull=True),
    )
    dates = {}
    for pk, updated_at in households:
        day = _archived_since(history.get(pk, [])) or timezone.localdate(updated_at)
        dates[pk] = day
        Household.objects.filter(pk=pk).update(archived_on=day)
    persons = list(
        Person.objects.filter(archived=True, archived_on__isnull=True).values_list(
            "pk", "household_id"
        )
    )
    history = _history_of(
        apps.get_model("outreach", "HistoricalPerson"),
        Person.objects.filter(archived=True, archived_on__isnull=True),
    )
    for pk, household_id in persons:
        day = _archived_since(history.get(pk, [])) or dates.get(household_id) or today
        Person.objects.filter(pk=pk).update(archived_on=day)


class Migration(migrations.Migration):
    dependencies = [("outreach", "0007_archive_dates_and_retention")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
