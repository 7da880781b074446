"""The year's ledger rows as the workbook lists them, live or as frozen at sign-off, and the
changes made to the year's cases after it was signed off."""

from collections.abc import Iterator

from grievances.models import Case, CaseEvent
from outreach.idnumbers import mask_phone
from reports.models import FrozenLedgerRow, YearSignOff

# Read as plain values: building each case with its six related objects cost ten times the
# query (bench/FINDINGS.md §7).
COLUMNS = (
    "pk",
    "year",
    "sequence",
    "topic__name",
    "household_id",
    "household__head_name",
    "garrison_id",
    "garrison__name",
    "subject_unit_id",
    "subject_unit__name",
    "township__name",
    "description",
    "measures",
    "lead_unit__name",
    "responsible_person",
    "responsible_phone",
    "registered_on",
    "deadline",
    "status",
    "result",
    "closed_on",
)


def subject_of(household_id, head_name, garrison_id, garrison, unit_id, unit) -> str:
    """Whom the case is about: the household's head, the garrison, or the unit (Case.subject)."""
    if household_id:
        return head_name
    if garrison_id:
        return garrison
    if unit_id:
        return unit
    return ""


def ledger_values(cases) -> Iterator[dict]:
    """One dict per case, in the FrozenLedgerRow's fields (the phone already masked)."""
    for row in cases.values_list(*COLUMNS).iterator(chunk_size=2000):
        (pk, year, sequence, topic, *subject, township, problem, measures, lead_unit) = row[:14]
        (person, phone, registered_on, deadline, status, result, closed_on) = row[14:]
        yield {
            "case_id": pk,
            "number": f"{year}-{sequence:04d}",  # Case.number
            "topic": topic,
            "subject": subject_of(*subject),
            "township": township or "",
            "problem": problem,
            "measures": measures,
            "lead_unit": lead_unit or "",
            "responsible_person": person,
            "responsible_phone": mask_phone(phone),
            "registered_on": registered_on,
            "deadline": deadline,
            "status": status,
            "result": result,
            "closed_on": closed_on,
        }


def frozen_values(sign_off: YearSignOff) -> Iterator[dict]:
    rows = FrozenLedgerRow.objects.filter(sign_off=sign_off).order_by("position")
    fields = [f.name for f in FrozenLedgerRow._meta.fields if f.name not in ("id", "sign_off")]
    yield from rows.values(*fields).iterator(chunk_size=2000)


def changes_after_sign_off(sign_off: YearSignOff | None, cases=None):
    """What happened to the year's cases after the sign-off, oldest first."""
    if sign_off is None:
        return CaseEvent.objects.none()
    cases = cases if cases is not None else Case.objects.all()
    return (
        CaseEvent.objects.filter(
            case__in=cases.filter(campaign=sign_off.campaign_id, year=sign_off.year),
            at__gt=sign_off.signed_at,
        )
        # A township merge moves the case to the surviving township; the year's record of
        # the work done on it does not change.
        .exclude(kind=CaseEvent.Kind.TOWNSHIP_MERGED)
        .select_related("case", "by", "unit")
        .order_by("at", "pk")
    )
