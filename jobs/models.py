from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobs import access


class JobQuerySet(models.QuerySet):
    def visible_to(self, user):
        scope = access.job_scope(user)
        return self.none() if scope is None else self.filter(scope)

    def expired_by(self, now):
        return self.filter(expires_at__lte=now).exclude(status=Job.Status.EXPIRED)


def job_file_path(job, filename):
    # A random name on disk: the file name the user sees is kept on the row.
    return f"jobs/{timezone.localdate():%Y/%m}/{job.token}.bin"


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")
        EXPIRED = "expired", _("expired")

    FINISHED = (Status.DONE, Status.FAILED, Status.EXPIRED)

    kind = models.CharField(_("kind"), max_length=60)
    title = models.CharField(_("title"), max_length=200)
    token = models.CharField(max_length=32, unique=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="jobs",
        verbose_name=_("asked by"),
    )
    county = models.ForeignKey(
        "campaign.Area", on_delete=models.CASCADE, related_name="+", verbose_name=_("county")
    )
    # What the kind needs to do its work again in a worker: the request's query, the county
    # and campaign in view, an upload's stored name.
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    stage = models.CharField(_("stage"), max_length=100, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(_("reason"), blank=True)
    outcome = models.TextField(_("result"), blank=True)
    file = models.FileField(upload_to=job_file_path, blank=True)
    filename = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("kept until"), null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["requested_by", "-created_at"]),
            models.Index(fields=["county", "-created_at"]),
            models.Index(fields=["expires_at"]),
        ]
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("jobs:job", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.total:
            return 0
        return min(100, self.done * 100 // self.total)

    @property
    def downloadable(self) -> bool:
        return self.status == self.Status.DONE and bool(self.file)

    def keep_for(self) -> timedelta:
        return timedelta(hours=settings.JOBS_KEEP_HOURS)
