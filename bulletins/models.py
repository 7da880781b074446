"""Bulletins (信息简报): numbered issues of good practice the county office publishes to every
unit of the county, with their attachments, which units have read them, and the models,
commendations and activities they cite."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bulletins import access
from campaign.models import Area, Commendation, ModelFigure, Unit
from campaign.scoping import ScopedQuerySet
from outreach.models import Activity


class BulletinQuerySet(ScopedQuerySet):
    county_field = "county"

    def visible_to(self, user):
        rows = super().visible_to(user)
        # Drafts and withdrawn issues are the office's own: everyone else reads published ones.
        return rows if access.reads_drafts(user) else rows.filter(status=Bulletin.Status.PUBLISHED)

    def unit_scope(self, user):
        return access.bulletin_scope(user)


class ThroughBulletinQuerySet(ScopedQuerySet):
    county_field = "bulletin__county"

    def visible_to(self, user):
        return self.filter(bulletin__in=Bulletin.objects.visible_to(user).values("pk"))


class Bulletin(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        WITHDRAWN = "withdrawn", _("withdrawn")

    county = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        related_name="bulletins",
        limit_choices_to={"level": Area.Level.COUNTY},
        verbose_name=_("county"),
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    # 第N期 of its year, given on publishing and kept for good, even when the issue is withdrawn.
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    number = models.PositiveIntegerField(_("issue number"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords(verbose_name=_("bulletin history"))
    objects = BulletinQuerySet.as_manager()

    class Meta:
        verbose_name = _("bulletin")
        verbose_name_plural = _("bulletins")
        ordering = ["-year", "-number", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["county", "year", "number"], name="bulletins_number_once_per_year"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(number__isnull=False, year__isnull=False),
                name="bulletins_published_has_number",
            ),
        ]

    def __str__(self):
        if self.number is None:
            return self.title
        return f"{self.issue_label} {self.title}"

    def get_absolute_url(self):
        return reverse("bulletins:bulletin", args=[self.pk])

    @property
    def issue_label(self) -> str:
        if self.number is None:
            return str(_("draft"))
        return str(_("%(year)s No. %(number)s") % {"year": self.year, "number": self.number})


class BulletinAttachment(models.Model):
    bulletin = models.ForeignKey(
        Bulletin, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("bulletin")
    )
    file = models.FileField(_("file"), upload_to="bulletins/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=50)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = ThroughBulletinQuerySet.as_manager()

    class Meta:
        verbose_name = _("bulletin attachment")
        verbose_name_plural = _("bulletin attachments")
        ordering = ["bulletin", "uploaded_at", "id"]

    def __str__(self):
        return self.original_name


class ReadReceipt(models.Model):
    """A unit has read an issue: the first of its users to open it, and when."""

    bulletin = models.ForeignKey(
        Bulletin, on_delete=models.CASCADE, related_name="receipts", verbose_name=_("bulletin")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="bulletin_receipts", verbose_name=_("unit")
    )
    read_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("read by"),
    )
    read_at = models.DateTimeField(_("first read at"), auto_now_add=True)

    objects = ThroughBulletinQuerySet.as_manager()

    class Meta:
        verbose_name = _("read receipt")
        verbose_name_plural = _("read receipts")
        ordering = ["read_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["bulletin", "unit"], name="bulletins_read_once")
        ]

    def __str__(self):
        return f"{self.unit} {self.read_at:%Y-%m-%d %H:%M}"


class Citation(models.Model):
    """One record a bulletin cites. Three explicit keys, exactly one set: the database keeps
    each reference whole (a cited record cannot be removed from under the bulletin), and the
    pages of the cited records find their citations in one indexed query per kind."""

    bulletin = models.ForeignKey(
        Bulletin, on_delete=models.CASCADE, related_name="citations", verbose_name=_("bulletin")
    )
    model_figure = models.ForeignKey(
        ModelFigure,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bulletin_citations",
        verbose_name=_("publicised model"),
    )
    commendation = models.ForeignKey(
        Commendation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bulletin_citations",
        verbose_name=_("commendation"),
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bulletin_citations",
        verbose_name=_("activity"),
    )

    objects = ThroughBulletinQuerySet.as_manager()

    class Meta:
        verbose_name = _("bulletin citation")
        verbose_name_plural = _("bulletin citations")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(model_figure__isnull=False, commendation__isnull=True, activity__isnull=True)
                    | Q(
                        model_figure__isnull=True, commendation__isnull=False, activity__isnull=True
                    )
                    | Q(
                        model_figure__isnull=True, commendation__isnull=True, activity__isnull=False
                    )
                ),
                name="bulletins_citation_cites_one",
            )
        ]

    def __str__(self):
        return str(self.cited)

    @property
    def cited(self):
        return self.model_figure or self.commendation or self.activity
