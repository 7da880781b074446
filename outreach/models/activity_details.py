"""What an activity reached and left behind: the groups it helped, the press it had and the
merit notices (立功喜报) it delivered."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaign.models import Unit
from campaign.scoping import ScopedQuerySet
from outreach import access
from outreach.models.activities import Activity
from outreach.models.registry import Household


class TargetGroup(models.Model):
    """A group of people in difficulty the plan sends help to (城乡低保对象、残疾人家庭、空巢老人、
    留守儿童…). The plan names them for every county alike and the figures compare them across
    counties, so they are one national list of rows (rows, not choices: an activity helps
    several, and the list filters and counts by them)."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=50, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class DetailQuerySet(ScopedQuerySet):
    """Coverage and notices are read as the activity they belong to."""

    county_field = "activity__organiser__area"

    def unit_scope(self, user):
        return access.activity_detail_scope(user)


class MeritNoticeQuerySet(DetailQuerySet):
    personal = True  # a soldier and his family's household


class MediaCoverage(models.Model):
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="coverage", verbose_name=_("activity")
    )
    outlet = models.CharField(
        _("outlet"), max_length=100, help_text=_("Newspaper, station, website or account.")
    )
    published_on = models.DateField(_("published on"))
    title = models.CharField(_("title"), max_length=200)
    link = models.URLField(_("link"), max_length=500, blank=True)
    file = models.FileField(_("clipping"), upload_to="coverage/%Y/%m/", blank=True)
    original_name = models.CharField(_("file name"), max_length=200, blank=True)
    content_type = models.CharField(_("type"), max_length=50, blank=True)
    size = models.PositiveIntegerField(_("size"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = HistoricalRecords(verbose_name=_("media coverage history"))
    objects = DetailQuerySet.as_manager()

    class Meta:
        verbose_name = _("media coverage")
        verbose_name_plural = _("media coverage")
        ordering = ["activity", "published_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(link="") | ~Q(file=""),
                name="outreach_coverage_link_or_file",
                violation_error_message=_(
                    "Give the link to the report or upload a clipping of it."
                ),
            )
        ]

    def __str__(self):
        return f"{self.outlet}：{self.title}"

    def get_absolute_url(self):
        return self.activity.get_absolute_url()


class MeritNotice(models.Model):
    """A notice of merit (立功喜报) delivered to a serving soldier's family."""

    class Level(models.TextChoices):
        FIRST = "first", _("first-class merit")
        SECOND = "second", _("second-class merit")
        THIRD = "third", _("third-class merit")
        COMMENDATION = "commendation", _("citation for merit")
        TITLE = "title", _("honorary title")

    activity = models.ForeignKey(
        Activity,
        on_delete=models.PROTECT,
        related_name="merit_notices",
        verbose_name=_("activity"),
    )
    soldier_name = models.CharField(_("soldier's name"), max_length=50)
    garrison = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": Unit.Kind.GARRISON},
        verbose_name=_("garrison unit"),
    )
    serving_unit = models.CharField(
        _("unit served in"),
        max_length=100,
        blank=True,
        help_text=_("The unit he serves in, when it is not a garrison of the county."),
    )
    level = models.CharField(_("merit"), max_length=20, choices=Level.choices)
    household = models.ForeignKey(
        Household,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merit_notices",
        verbose_name=_("household"),
    )
    sent_on = models.DateField(_("sent on"), db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = HistoricalRecords(verbose_name=_("merit notice history"))
    objects = MeritNoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("merit notice")
        verbose_name_plural = _("merit notices")
        ordering = ["-sent_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(garrison__isnull=False) | ~Q(serving_unit=""),
                name="outreach_merit_notice_unit",
                violation_error_message=_(
                    "Choose the garrison unit or name the unit he serves in."
                ),
            )
        ]

    def __str__(self):
        return f"{self.soldier_name} {self.get_level_display()}"

    def get_absolute_url(self):
        return self.activity.get_absolute_url()

    @property
    def unit_name(self) -> str:
        return self.garrison.name if self.garrison_id else self.serving_unit
