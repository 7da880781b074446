"""A case reopened by a dissatisfied revisit used to keep the result it was closed with, shown
as though it were its result now. Move such a stale result into the case's history: onto the
reopening event (or, where none was recorded, a reopening event of its own) and clear it.
A case resolved again since its reopening keeps its result: its last resolution is later than
its last reopening (or, with no reopening recorded, it has been returned since)."""

from django.db import migrations

RESOLVED, REOPENED = "resolved", "reopened"
STALE_AFTER = {"in_progress", "returned", "assigned", "registered"}


def stale_result_cases(Case):
    return Case.objects.filter(reopened_count__gt=0, status__in=STALE_AFTER).exclude(result="")


def forwards(apps, schema_editor):
    Case = apps.get_model("grievances", "Case")
    CaseEvent = apps.get_model("grievances", "CaseEvent")
    for case in stale_result_cases(Case).iterator(chunk_size=500):
        events = CaseEvent.objects.filter(case=case, kind__in=[RESOLVED, REOPENED])
        last = events.order_by("-at", "-id").first()
        recorded = last is not None and last.kind == REOPENED
        if last is not None and not recorded and (
            case.status == "returned" or events.filter(kind=REOPENED).exists()
        ):
            continue  # resolved again since it was reopened: the result is the current one
        changes = dict(last.changes) if recorded else {}
        changes["result"] = [case.result, ""]
        if recorded:
            last.changes = changes
            last.save(update_fields=["changes"])
        else:
            CaseEvent.objects.create(
                case=case,
                kind=REOPENED,
                on=case.updated_at.date(),
                by_id=case.registered_by_id,
                from_status="closed",
                to_status=case.status,
                changes=changes,
            )
        Case.objects.filter(pk=case.pk).update(result="")


def backwards(apps, schema_editor):
    """Put the earlier result back where the reopening event recorded it."""
    Case = apps.get_model("grievances", "Case")
    CaseEvent = apps.get_model("grievances", "CaseEvent")
    reopenings = CaseEvent.objects.filter(kind=REOPENED, changes__has_key="result")
    for event in reopenings.order_by("case_id", "-at", "-id").iterator(chunk_size=500):
        Case.objects.filter(pk=event.case_id, result="").update(result=event.changes["result"][0])


class Migration(migrations.Migration):
    dependencies = [("grievances", "0003_case_declined_by")]

    operations = [migrations.RunPython(forwards, backwards)]
