"""The year's ledger rows as the workbook lists them, live or as frozen at sign-off, and the
changes made to the year's cases after it was signed off."""

from collections.abc import Iterator

from grievances.models import Case, CaseEvent
from outreach.idnumbers import mask_phone
from reports.models import FrozenLedgerRow, YearSignOff


def subject_of(case: Case) -> str:
    if case.household_id:
        return case.household.head_name
    if case.garrison_id:
        return case.garrison.name
    if case.subject_unit_id:
        return case.subject_unit.name
    return ""


def ledger_values(cases) -> Iterator[dict]:
    """One dict per case, in the FrozenLedgerRow's fields (the phone already masked)."""
    for case in cases.iterator(chunk_size=2000):
        yield {
            "case_id": case.pk,
            "number": case.number,
            "topic": case.topic.name,
            "subject": subject_of(case),
            "township": case.township.name if case.township_id else "",
            "problem": case.description,
            "measures": case.measures,
            "lead_unit": case.lead_unit.name if case.lead_unit_id else "",
            "responsible_person": case.responsible_person,
            "responsible_phone": mask_phone(case.responsible_phone),
            "registered_on": case.registered_on,
            "deadline": case.deadline,
            "status": case.status,
            "result": case.result,
            "closed_on": case.closed_on,
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
