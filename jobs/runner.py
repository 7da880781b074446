"""What a worker runs for one job. The queue (django-q2's ORM broker) hands a job to one worker
only; it hands it out again if that worker died before acknowledging it, and then the work starts
over (attempts counts the starts). Whatever the kind wrote is kept only when it finished: a
failed job leaves no file, and an import rolls its one transaction back."""

import logging
import tempfile
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from campaign import access as rule
from jobs import kinds
from jobs.models import Job
from jobs.progress import Progress

logger = logging.getLogger(__name__)


def run(job_id: int, *, watched: bool = True) -> None:
    """watched: a worker's run, whose progress the job's page polls; not when the request that
    asked for the job runs it (JOBS_RUN_INLINE)."""
    job = _claim(job_id)
    if job is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        try:
            user = _requester(job)
            kind = kinds.kind_named(job.kind)
            if kind is None:
                raise kinds.JobRefused(_("This kind of work is no longer offered."))
            if not kind.allowed(user):
                raise kinds.JobRefused(_("You may no longer do this; ask the county office."))
            with tempfile.TemporaryFile() as handle:
                outcome = kind.run(job, user, Progress(job, live=watched), handle)
                if outcome.filename:
                    handle.seek(0)
                    job.filename = outcome.filename[:200]
                    job.file.save(outcome.filename, File(handle), save=False)
        except kinds.JobRefused as exc:
            _finish(job, Job.Status.FAILED, error=exc.message)
        except Exception:
            logger.exception("job %s (%s) failed", job.pk, job.kind)
            _finish(
                job,
                Job.Status.FAILED,
                error=_(
                    "The work stopped on an unexpected error; nothing was kept. Try again, and "
                    "if it fails again tell the county office, who can find it in the log."
                ),
            )
        else:
            _finish(job, Job.Status.DONE, outcome=outcome.message)


def _claim(job_id: int) -> Job | None:
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.finished:
            return None  # done by another delivery, or given up on
        if job.attempts >= settings.JOBS_MAX_ATTEMPTS:
            job.status = Job.Status.FAILED
            job.error = _(
                "The work was interrupted %(count)s times and was given up; nothing was kept. "
                "Ask for it again."
            ) % {"count": job.attempts}
            job.finished_at = timezone.now()
            job.save(update_fields=["status", "error", "finished_at"])
            return None
        job.attempts += 1
        job.status = Job.Status.RUNNING
        job.started_at = timezone.now()
        job.done = 0
        job.save(update_fields=["attempts", "status", "started_at", "done"])
    return job


def _requester(job: Job):
    """The user who asked, looking at the county and campaign it was looking at then."""
    user = job.requested_by
    if not user.is_active:
        raise kinds.JobRefused(_("You may no longer do this; ask the county office."))
    if rule.county_in_view_id(user) != job.county_id and not rule.look_at_county(
        user, job.county_id
    ):
        raise kinds.JobRefused(_("You may no longer do this; ask the county office."))
    user._campaigns_chosen = job.params.get("campaigns_chosen", {})
    return user


def _finish(job: Job, status, *, error: str = "", outcome: str = "") -> None:
    now = timezone.now()
    job.status = status
    job.error = error
    job.outcome = outcome
    job.finished_at = now
    if status == Job.Status.DONE:
        job.done = max(job.done, job.total)
    if status == Job.Status.DONE and job.file:
        job.expires_at = now + timedelta(hours=settings.JOBS_KEEP_HOURS)
    job.save()


def purge_expired() -> int:
    """Deletes the files kept past their time (the rows stay, marked expired), and gives up on
    jobs whose worker vanished long ago. Run hourly by the scheduler; returns the files deleted."""
    now = timezone.now()
    count = 0
    for job in Job.objects.expired_by(now).iterator():
        if job.file:
            job.file.delete(save=False)
            count += 1
        job.status = Job.Status.EXPIRED
        job.save(update_fields=["file", "status"])
    # Past the queue's last redelivery a running job has nobody left to finish it.
    lost = now - timedelta(seconds=settings.Q_CLUSTER["retry"] * (settings.JOBS_MAX_ATTEMPTS + 1))
    Job.objects.filter(status=Job.Status.RUNNING, started_at__lt=lost).update(
        status=Job.Status.FAILED,
        finished_at=now,
        error=_("The work was interrupted and not resumed; nothing was kept. Ask for it again."),
    )
    return count
