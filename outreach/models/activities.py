"""Work done under the five workstreams, with its evidence."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaign.models import Campaign, Phase, SupportOrganisation, Unit, Workstream
from campaign.models.reference import CodedValue
from campaign.scoping import ScopedQuerySet
from outreach import access
from outreach.models.registry import Household, Person

# The kinds a county starts with, as the plan lists the typical work of each workstream:
# code, workstream number, name. The office renames, reorders, retires and adds to them.
STARTER_KINDS = [
    ("publicise_models", 1, "宣传先进典型"),
    ("open_day", 1, "军事日、军营开放"),
    ("plaque", 1, "挂光荣牌"),
    ("merit_notice", 1, "送立功喜报"),
    ("veteran_education", 1, "退役军人教育"),
    ("training_support", 2, "支持部队战备训练"),
    ("living_support", 2, "改善部队生活文化设施"),
    ("spouse_employment", 2, "随军家属就业"),
    ("child_schooling", 2, "军人子女入学入托"),
    ("condolence_visit", 3, "走访慰问（资金、物资）"),
    ("hero_visit", 3, "走访慰问老红军、老八路、老民兵、老英雄"),
    ("legal_aid", 3, "法律援助"),
    ("job_training", 3, "送岗位、送信息、送培训"),
    ("social_service", 3, "社会组织服务"),
    ("volunteer", 4, "志愿服务、学雷锋"),
    ("school_help", 4, "助学兴教"),
    ("student_training", 4, "学生军训"),
    ("poverty_relief", 4, "扶贫帮困、美好乡村"),
    ("martyrs_day", 5, "烈士纪念日公祭"),
    ("culture_to_barracks", 5, "文化进军营"),
    ("joint_gala", 5, "军民联欢、文艺汇演"),
]
# The starter kinds' workstreams, for the builders of demo and benchmark data.
KIND_WORKSTREAM = {code: number for code, number, _name in STARTER_KINDS}


class ActivityKind(CodedValue):
    """A kind of activity, per county, under one workstream: the kind decides the workstream
    of the activities recorded under it."""

    code = models.SlugField(
        _("code"),
        max_length=50,
        help_text=_("Letters, digits, - and _; unique in the county. Forms and links use it."),
    )
    workstream = models.ForeignKey(
        Workstream, on_delete=models.PROTECT, related_name="+", verbose_name=_("workstream")
    )

    history = HistoricalRecords(verbose_name=_("activity kind history"))

    class Meta(CodedValue.Meta):
        verbose_name = _("activity kind")
        verbose_name_plural = _("activity kinds")


class ActivityQuerySet(ScopedQuerySet):
    county_field = "organiser__area"

    def unit_scope(self, user):
        return access.activity_scope(user)


class EvidenceQuerySet(ScopedQuerySet):
    county_field = "activity__organiser__area"
    personal = True

    def unit_scope(self, user):
        return access.evidence_scope(user)


class Activity(models.Model):
    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="activities", verbose_name=_("campaign")
    )
    workstream = models.ForeignKey(
        Workstream,
        on_delete=models.PROTECT,
        related_name="activities",
        verbose_name=_("workstream"),
    )
    kind = models.ForeignKey(
        ActivityKind, on_delete=models.PROTECT, related_name="activities", verbose_name=_("kind")
    )
    organiser = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="activities", verbose_name=_("organising unit")
    )
    held_on = models.DateField(_("date"), db_index=True)
    phase = models.ForeignKey(
        Phase,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("phase"),
        help_text=_("The campaign phase this activity belongs to."),
    )
    title = models.CharField(_("title"), max_length=100)
    place = models.CharField(_("place"), max_length=100, blank=True)
    people_reached = models.PositiveIntegerField(_("people reached"), default=0)
    households = models.ManyToManyField(
        Household, blank=True, related_name="activities", verbose_name=_("households reached")
    )
    persons = models.ManyToManyField(
        Person, blank=True, related_name="activities", verbose_name=_("persons reached")
    )
    amount = models.DecimalField(
        _("amount spent (yuan)"), max_digits=12, decimal_places=2, default=0
    )
    goods = models.CharField(_("goods given"), max_length=200, blank=True)
    support_organisation = models.ForeignKey(
        SupportOrganisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("social support organisation"),
        help_text=_("The support team, enterprise or window this activity is credited to."),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = HistoricalRecords(verbose_name=_("activity history"))
    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-held_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0), name="outreach_activity_amount_not_negative"
            )
        ]
        indexes = [
            models.Index(fields=["organiser", "held_on"], name="outreach_activity_org_date"),
            models.Index(fields=["workstream", "held_on"], name="outreach_activity_ws_date"),
        ]

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} {self.title}"

    def get_absolute_url(self):
        return reverse("outreach:activity", args=[self.pk])

    def date_flags(self) -> list[str]:
        """Why this activity's date does not fit its phase (the campaign's window is enforced
        when it is saved)."""
        flags = []
        if self.phase_id and not self.phase.is_on(self.held_on):
            flags.append(
                _("Dated outside its phase %(phase)s (%(start)s – %(end)s).")
                % {"phase": self.phase, "start": self.phase.starts_on, "end": self.phase.ends_on}
            )
        return flags


class Evidence(models.Model):
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("activity")
    )
    file = models.FileField(_("file"), upload_to="evidence/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=50)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["activity", "uploaded_at"]

    def __str__(self):
        return self.original_name
