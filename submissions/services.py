"""Writes for report requests and submissions, each in one transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from campaign import clock
from campaign.evidence import document_type, evidence_type
from campaign.models import Unit
from campaign.record_campaign import campaign_of_new_record
from submissions import access
from submissions.models import Attachment, ReportRequest, Submission
from submissions.states import is_late

MAX_ATTACHMENTS = 10


def _stale(what) -> ValidationError:
    return ValidationError(
        _(
            "%(what)s changed after you opened the form. Nothing was saved: check it as it is "
            "now and try again."
        )
        % {"what": what}
    )


def _bump(record, fields) -> None:
    """Save a change to a row locked for update (select_for_update), one version on."""
    record.version += 1
    record.save(update_fields=[*fields, "version"])


@transaction.atomic
def request_save(
    *, user, request: ReportRequest, units, template=None, version: int | None = None
) -> ReportRequest:
    """Issue a request, or change one that stands (a stale form is refused)."""
    if request.pk:
        stored = ReportRequest.objects.select_for_update().get(pk=request.pk)
        if not access.can_edit_request(user, stored):
            raise PermissionDenied
        if version is not None and stored.version != version:
            raise _stale(stored.title)
        request.campaign_id, request.county_id = stored.campaign_id, stored.county_id
        request.created_by_id = stored.created_by_id
        request.version = stored.version + 1
    else:
        if not access.can_issue(user):
            raise PermissionDenied
        request.county_id = user.unit.area_id
        request.campaign = campaign_of_new_record(user=user, county_id=request.county_id)
        request.created_by = user
    units = list(units)
    if not units:
        raise ValidationError({"units": _("Choose at least one unit to ask.")})
    if any(unit.area_id != request.county_id for unit in units):
        raise ValidationError({"units": _("Choose units of the county.")})
    if request.phase_id and request.phase.campaign_id != request.campaign_id:
        raise ValidationError({"phase": _("Choose a phase of the request's campaign.")})
    if template is not None:
        try:
            content_type, extension = document_type(template)
        except ValidationError as exc:
            raise ValidationError({"template": exc.messages}) from exc
        request.template_name = template.name[:200]
        request.template_type = content_type
        template.name = f"request{extension}"
        request.template = template
    request.full_clean(exclude=["units"])
    request.save()
    request.units.set(units)
    _relate_lateness(request)
    return request


def _relate_lateness(request: ReportRequest) -> None:
    """A due date moved: each submission's lateness follows it (its date stays what counts)."""
    for submission in Submission.objects.select_for_update().filter(request=request):
        late = is_late(request.due_on, submission.submitted_on)
        if submission.late != late:
            submission.late = late
            submission.save(update_fields=["late", "updated_at"])


@transaction.atomic
def request_withdraw(*, user, request: ReportRequest, version: int | None) -> ReportRequest:
    stored = ReportRequest.objects.select_for_update().get(pk=request.pk)
    if not access.can_edit_request(user, stored):
        raise PermissionDenied
    if version is not None and stored.version != version:
        raise _stale(stored.title)
    stored.withdrawn = True
    _bump(stored, ["withdrawn"])
    return stored


def _check_uploads(uploads) -> list[tuple]:
    if len(uploads) > MAX_ATTACHMENTS:
        raise ValidationError(
            {"files": _("At most %(n)s files at a time.") % {"n": MAX_ATTACHMENTS}}
        )
    checked = []
    for upload in uploads:
        try:
            checked.append((upload, *evidence_type(upload)))
        except ValidationError as exc:
            message = _("%(name)s: %(problem)s") % {"name": upload.name, "problem": exc.messages[0]}
            raise ValidationError({"files": message}) from exc
    return checked


@transaction.atomic
def submission_submit(
    *, user, request: ReportRequest, text: str, uploads=(), version: int | None = None
) -> Submission:
    """A unit's report: the first one, or again after a return (the new date counts)."""
    request = ReportRequest.objects.select_for_update().get(pk=request.pk)
    unit_ids = set(request.units.values_list("pk", flat=True))
    existing = Submission.objects.select_for_update().filter(request=request, unit_id=user.unit_id)
    existing = existing.first()
    if request.withdrawn:
        raise ValidationError(_("This request was withdrawn: nothing is to be submitted."))
    if not access.is_addressed(user, request, unit_ids):
        raise PermissionDenied
    if existing is not None and (version is None or existing.version != version):
        raise _stale(_("Your unit's report"))
    if not access.can_submit(user, request, unit_ids, existing):
        raise ValidationError(_("Your unit's report is already submitted."))
    if not text.strip():
        raise ValidationError({"text": _("Write the report.")})
    checked = _check_uploads(list(uploads))
    today = clock.today()
    submission = existing or Submission(request=request, unit_id=user.unit_id)
    submission.text = text.strip()
    submission.status = Submission.Status.SUBMITTED
    submission.submitted_on = today
    submission.late = is_late(request.due_on, today)
    submission.submitted_by = user
    submission.reviewed_by = None
    if existing is None:
        submission.save()
    else:
        _bump(submission, ["text", "status", "submitted_on", "late", "submitted_by", "reviewed_by"])
    for upload, content_type, extension in checked:
        name = upload.name
        upload.name = f"submission-{submission.pk}{extension}"
        Attachment.objects.create(
            submission=submission,
            file=upload,
            original_name=name[:200],
            content_type=content_type,
            size=upload.size,
            uploaded_by=user,
        )
    return submission


def _reviewed(user, submission: Submission, version: int | None) -> Submission:
    stored = Submission.objects.select_for_update().select_related("request").get(pk=submission.pk)
    if version is not None and stored.version != version:
        raise _stale(str(stored))
    if not access.can_review(user, stored):
        raise PermissionDenied
    return stored


@transaction.atomic
def submission_return(*, user, submission: Submission, reason: str, version: int | None):
    stored = _reviewed(user, submission, version)
    if not reason.strip():
        raise ValidationError({"reason": _("Say what is to be revised.")})
    stored.status = Submission.Status.RETURNED
    stored.return_reason = reason.strip()[:300]
    stored.reviewed_by = user
    _bump(stored, ["status", "return_reason", "reviewed_by"])
    return stored


@transaction.atomic
def submission_accept(*, user, submission: Submission, version: int | None):
    stored = _reviewed(user, submission, version)
    stored.status = Submission.Status.ACCEPTED
    stored.reviewed_by = user
    _bump(stored, ["status", "reviewed_by"])
    return stored


def addressable_units(county_id):
    """The units a request may ask: the county's active townships, member units and others."""
    return Unit.objects.filter(area_id=county_id, is_active=True, merged_into__isnull=True).exclude(
        kind__in=[Unit.Kind.OFFICE, Unit.Kind.HIGHER_OFFICE]
    )
