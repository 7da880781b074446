"""The writes of bulletins. Each is one transaction that re-checks the right on the locked
row, refuses a form opened on an older version and leaves a history row."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from bulletins import access
from bulletins.models import Bulletin, BulletinAttachment, Citation, ReadReceipt
from campaign import access as rule
from campaign import clock
from campaign.evidence import evidence_type
from campaign.models import Area
from campaign.registries import changed_meanwhile


def _locked(user, bulletin) -> Bulletin:
    found = Bulletin.objects.visible_to(user).select_for_update().filter(pk=bulletin.pk).first()
    if found is None:
        raise ValidationError(_("This record no longer exists."))
    return found


def _save(bulletin, *, user, reason: str, fields=None) -> None:
    bulletin.full_clean()
    bulletin._history_user = user
    bulletin._change_reason = reason[:100]
    bulletin.save(update_fields=fields)


def _cite(bulletin, citations) -> None:
    """Replace what the bulletin cites with `citations`: (model figures, commendations,
    activities), each already limited to what the writer may see."""
    figures, commendations, activities = citations
    bulletin.citations.all().delete()
    Citation.objects.bulk_create(
        [Citation(bulletin=bulletin, model_figure=f) for f in figures]
        + [Citation(bulletin=bulletin, commendation=c) for c in commendations]
        + [Citation(bulletin=bulletin, activity=a) for a in activities]
    )


def _check_text(bulletin) -> None:
    errors = {}
    if not (bulletin.title or "").strip():
        errors["title"] = _("Give the bulletin's title.")
    if not (bulletin.body or "").strip():
        errors["body"] = _("Write the bulletin's text.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def bulletin_save(*, user, bulletin: Bulletin, version=None, citations=None) -> Bulletin:
    """Add a draft (no pk) or change an issue; a change names the version its form was opened
    on."""
    if not access.can_write(user):
        raise PermissionDenied
    _check_text(bulletin)
    if bulletin.pk is None:
        bulletin.county_id = rule.county_in_view_id(user)
        bulletin.status = Bulletin.Status.DRAFT
        bulletin.number = bulletin.year = None
        bulletin.created_by = user
        bulletin.version = 1
        _save(bulletin, user=user, reason=_("added"))
    else:
        stored = _locked(user, bulletin)
        if not access.can_edit(user, stored):
            raise PermissionDenied
        if version is None or stored.version != version:
            raise changed_meanwhile(stored)
        stored.title, stored.body = bulletin.title, bulletin.body
        stored.version += 1
        _save(stored, user=user, reason=_("edited"))
        bulletin = stored
    if citations is not None:
        _cite(bulletin, citations)
    return bulletin


@transaction.atomic
def bulletin_publish(*, user, bulletin: Bulletin, version=None, on=None) -> Bulletin:
    """Give the issue the next number of its county and year (第N期) and send it to the units.
    A number is never given twice, even once its issue is withdrawn."""
    if not access.can_write(user):
        raise PermissionDenied
    stored = _locked(user, bulletin)
    if version is not None and stored.version != version:
        raise changed_meanwhile(stored)
    if not access.can_publish(user, stored):
        raise ValidationError(_("Only a draft can be published."))
    on = on or clock.today()
    # One publisher numbers a county's issues at a time: the county's row is the lock.
    Area.objects.select_for_update().filter(pk=stored.county_id).get()
    last = Bulletin.objects.filter(county_id=stored.county_id, year=on.year).aggregate(
        n=Max("number")
    )["n"]
    stored.year, stored.number = on.year, (last or 0) + 1
    stored.status = Bulletin.Status.PUBLISHED
    stored.published_at = _moment(on)
    stored.published_by = user
    stored.version += 1
    _save(stored, user=user, reason=_("published"))
    return stored


@transaction.atomic
def bulletin_withdraw(*, user, bulletin: Bulletin, version=None) -> Bulletin:
    """Take a published issue back from the units; its number stays its own."""
    if not access.can_write(user):
        raise PermissionDenied
    stored = _locked(user, bulletin)
    if version is not None and stored.version != version:
        raise changed_meanwhile(stored)
    if not access.can_withdraw(user, stored):
        raise ValidationError(_("Only a published bulletin can be withdrawn."))
    stored.status = Bulletin.Status.WITHDRAWN
    stored.withdrawn_at = timezone.now()
    stored.version += 1
    _save(stored, user=user, reason=_("withdrawn"))
    return stored


def _moment(on):
    """The moment of publishing on the campaign's today (a pinned date keeps today's time)."""
    now = timezone.localtime()
    if on == now.date():
        return now
    return timezone.make_aware(datetime.combine(on, now.time()))


@transaction.atomic
def attachment_add(*, user, bulletin: Bulletin, upload) -> BulletinAttachment:
    stored = _locked(user, bulletin)
    if not access.can_edit(user, stored):
        raise PermissionDenied
    content_type, extension = evidence_type(upload)
    name = upload.name
    upload.name = f"bulletin-{stored.pk}{extension}"
    return BulletinAttachment.objects.create(
        bulletin=stored,
        file=upload,
        original_name=name[:200],
        content_type=content_type,
        size=upload.size,
        uploaded_by=user,
    )


def receipt_record(*, user, bulletin: Bulletin) -> ReadReceipt | None:
    """The reader's unit has read a published issue; its first reader is kept."""
    if not access.receives_bulletins(user) or bulletin.status != Bulletin.Status.PUBLISHED:
        return None
    receipt, _created = ReadReceipt.objects.get_or_create(
        bulletin=bulletin, unit_id=user.unit_id, defaults={"read_by": user}
    )
    return receipt
