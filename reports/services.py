"""The reports' writes: the office's assessment weights and items, and signing off a year. Each
is one transaction and checks who may do it."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaign.access import county_in_view_id
from campaign.models import Campaign, Unit
from grievances.models import Case
from reports.access import can_manage
from reports.models import AssessmentItem, AssessmentScheme, FrozenLedgerRow, YearSignOff
from reports.report import YearReport

LEDGER_BATCH = 2000


def _require_open_year(campaign, year: int) -> None:
    if YearSignOff.objects.filter(campaign=campaign, year=year).exists():
        raise ValidationError(
            _("%(year)s has been signed off; its assessment can no longer change.") % {"year": year}
        )


def _require_manager(user, campaign) -> None:
    """The office of the campaign's own county, and no one else, manages its assessment."""
    if not can_manage(user) or campaign.county_id != county_in_view_id(user):
        raise PermissionDenied


@transaction.atomic
def scheme_update(*, user, campaign, year: int, data: dict) -> AssessmentScheme:
    _require_manager(user, campaign)
    _require_open_year(campaign, year)
    scheme = (
        AssessmentScheme.objects.select_for_update().filter(campaign=campaign, year=year).first()
    )
    scheme = scheme or AssessmentScheme(campaign=campaign, year=year)
    for field in [*AssessmentScheme.WEIGHT_FIELDS, "activities_target"]:
        setattr(scheme, field, data[field])
    for field in AssessmentScheme.RULE_FIELDS:
        if data.get(field) is not None:
            setattr(scheme, field, data[field])
    scheme.updated_by = user
    scheme.full_clean()
    scheme.save()
    return scheme


@transaction.atomic
def assessment_item_add(
    *, user, campaign, year: int, unit: Unit, kind: str, points, reason: str
) -> AssessmentItem:
    _require_manager(user, campaign)
    _require_open_year(campaign, year)
    assessed = unit.kind in (Unit.Kind.TOWNSHIP, Unit.Kind.MEMBER)
    if not assessed or unit.area_id != campaign.county_id:
        raise ValidationError(_("Only townships and member units are assessed."))
    item = AssessmentItem(
        campaign=campaign,
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
    _require_manager(user, item.campaign)
    _require_open_year(item.campaign, item.year)
    item.delete()


@transaction.atomic
def year_sign_off(*, user, campaign, year: int, today: date) -> YearSignOff:
    """Freeze the year's figures, and its ledger rows as they stand, under the office's name."""
    _require_manager(user, campaign)
    if year > today.year:
        raise ValidationError(_("A year that has not begun cannot be signed off."))
    # Lock the campaign's row: a second sign-off of the same year racing this one waits, then
    # finds this one.
    Campaign.objects.select_for_update().filter(pk=campaign.pk).first()
    if YearSignOff.objects.filter(campaign=campaign, year=year).exists():
        raise ValidationError(_("%(year)s has already been signed off.") % {"year": year})
    report = YearReport.load(year, campaign=campaign, today=today)
    figures = report.everything()
    sign_off = YearSignOff.objects.create(
        campaign=campaign,
        year=year,
        signed_by=user,
        signed_at=timezone.now(),
        as_of=today,
        figures=figures,
    )
    _freeze_ledger(sign_off)
    return sign_off


def ledger_rows_for(campaign, year: int):
    return (
        Case.objects.filter(campaign=campaign, year=year)
        .select_related("topic", "township", "lead_unit", "household", "garrison", "subject_unit")
        .order_by("sequence", "pk")
    )


def _freeze_ledger(sign_off: YearSignOff) -> None:
    from reports.ledger import ledger_values

    batch = []
    rows = ledger_rows_for(sign_off.campaign, sign_off.year)
    for position, values in enumerate(ledger_values(rows), start=1):
        batch.append(FrozenLedgerRow(sign_off=sign_off, position=position, **values))
        if len(batch) >= LEDGER_BATCH:
            FrozenLedgerRow.objects.bulk_create(batch)
            batch = []
    FrozenLedgerRow.objects.bulk_create(batch)
