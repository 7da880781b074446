"""Report requests (报送): the office asks units for a report by a date; each unit submits text
and files once, again after a return, and the office accepts it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from campaign.models import Area, Campaign, Phase, Unit
from campaign.scoping import ScopedQuerySet
from submissions import access


class ReportRequestQuerySet(ScopedQuerySet):
    county_field = "county"

    def unit_scope(self, user):
        return access.request_scope(user)


class SubmissionQuerySet(ScopedQuerySet):
    county_field = "request__county"

    def unit_scope(self, user):
        return access.submission_scope(user)


class AttachmentQuerySet(ScopedQuerySet):
    county_field = "submission__request__county"

    def unit_scope(self, user):
        return access.attachment_scope(user)


class ReportRequest(models.Model):
    county = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="+", verbose_name=_("county")
    )
    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="+", verbose_name=_("campaign")
    )
    phase = models.ForeignKey(
        Phase,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("phase"),
    )
    title = models.CharField(_("title"), max_length=100)
    period = models.CharField(
        _("period reported on"), max_length=50, help_text=_("e.g. 2015年11月—12月")
    )
    due_on = models.DateField(_("due date"), db_index=True)
    units = models.ManyToManyField(Unit, related_name="+", verbose_name=_("units asked"))
    template = models.FileField(_("template file"), upload_to="report_templates/%Y/", blank=True)
    template_name = models.CharField(_("template file name"), max_length=200, blank=True)
    template_type = models.CharField(max_length=100, blank=True)
    withdrawn = models.BooleanField(pgettext_lazy("report", "withdrawn"), default=False)
    version = models.PositiveIntegerField(_("version"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)

    history = HistoricalRecords(verbose_name=_("report request history"))
    objects = ReportRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("report request")
        verbose_name_plural = _("report requests")
        ordering = ["-due_on", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("submissions:request", args=[self.pk])


class Submission(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned for revision")
        ACCEPTED = "accepted", pgettext_lazy("report", "accepted")

    request = models.ForeignKey(
        ReportRequest,
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name=_("report request"),
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    text = models.TextField(_("report"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    # The date that counts: the first submission's, or after a return the resubmission's.
    submitted_on = models.DateField(_("submitted on"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    late = models.BooleanField(_("late"), default=False)
    return_reason = models.CharField(_("reason for return"), max_length=300, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    version = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords(verbose_name=_("submission history"))
    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-submitted_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "unit"], name="submissions_one_per_unit_and_request"
            ),
            models.CheckConstraint(
                condition=~Q(status="returned") | ~Q(return_reason=""),
                name="submissions_return_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.request} · {self.unit}"

    def get_absolute_url(self):
        return reverse("submissions:submission", args=[self.pk])


class Attachment(models.Model):
    submission = models.ForeignKey(
        Submission,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("submission"),
    )
    file = models.FileField(_("file"), upload_to="submissions/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=50)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["submission", "uploaded_at", "id"]

    def __str__(self):
        return self.original_name
