"""The reports' writes: the office's assessment weights and items, and signing off a year. Each
is one transaction and checks who may do it."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaign.models import Unit
from grievances.models import Case
from reports.access import can_manage
from reports.models import AssessmentItem, AssessmentScheme, FrozenLedgerRow, YearSignOff
from reports.report import YearReport

LEDGER_BATCH = 2000


def _require_open_year(year: int) -> None:
    if YearSignOff.objects.filter(year=year).exists():
        raise ValidationError(
            _("%(year)s has been signed off; its assessment can no longer change.") % {"year": year}
        )


@transaction.atomic
def scheme_update(*, user, year: int, data: dict) -> AssessmentScheme:
    if not can_manage(user):
        raise PermissionDenied
    _require_open_year(year)
    scheme = AssessmentScheme.objects.select_for_update().filter(year=year).first()
    scheme = scheme or AssessmentScheme(year=year)
    for field in [*AssessmentScheme.WEIGHT_FIELDS, "activities_target"]:
        setattr(scheme, field, data[field])
    scheme.updated_by = user
    scheme.full_clean()
    scheme.save()
    return scheme


@transaction.atomic
def assessment_item_add(
    *, user, year: int, unit: Unit, kind: str, points, reason: str
) -> AssessmentItem:
    if not can_manage(user):
        raise PermissionDenied
    _require_open_year(year)
    if unit.kind not in (Unit.Kind.TOWNSHIP, Unit.Kind.MEMBER):
        raise ValidationError(_("Only townships and member units are assessed."))
    item = AssessmentItem(
        unit=unit,
        year=year,
        kind=kind,
        points=points or 0,
        reason=(reason or "").strip(),
        created_by=user,
    )
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def assessment_item_delete(*, user, item: AssessmentItem) -> None:
    if not can_manage(user):
        raise PermissionDenied
    _require_open_year(item.year)
    item.delete()


@transaction.atomic
def year_sign_off(*, user, year: int, today: date) -> YearSignOff:
    """Freeze the year's figures, and its ledger rows as they stand, under the office's name."""
    if not can_manage(user):
        raise PermissionDenied
    if year > today.year:
        raise ValidationError(_("A year that has not begun cannot be signed off."))
    # Lock out a second sign-off of the same year racing this one.
    if YearSignOff.objects.select_for_update().filter(year=year).exists():
        raise ValidationError(_("%(year)s has already been signed off.") % {"year": year})
    report = YearReport.load(year, today=today)
    figures = report.everything()
    sign_off = YearSignOff.objects.create(
        year=year, signed_by=user, signed_at=timezone.now(), as_of=today, figures=figures
    )
    _freeze_ledger(sign_off)
    return sign_off


def ledger_rows_for(year: int):
    return (
        Case.objects.filter(year=year)
        .select_related("topic", "township", "lead_unit", "household", "garrison", "subject_unit")
        .order_by("sequence")
    )


def _freeze_ledger(sign_off: YearSignOff) -> None:
    from reports.ledger import ledger_values

    batch = []
    for position, values in enumerate(ledger_values(ledger_rows_for(sign_off.year)), start=1):
        batch.append(FrozenLedgerRow(sign_off=sign_off, position=position, **values))
        if len(batch) >= LEDGER_BATCH:
            FrozenLedgerRow.objects.bulk_create(batch)
            batch = []
    FrozenLedgerRow.objects.bulk_create(batch)
