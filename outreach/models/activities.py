"""Work done under the five workstreams, with its evidence."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaign.models import Phase, SupportOrganisation, Unit, Workstream
from campaign.scoping import ScopedQuerySet
from outreach import access
from outreach.models.registry import Household, Person


class ActivityKind(models.TextChoices):
    # 1 热爱国防崇尚荣誉教育
    PUBLICISE_MODELS = "publicise_models", _("publicising models")
    OPEN_DAY = "open_day", _("military day or barracks open day")
    PLAQUE = "plaque", _("hanging honour plaques")
    MERIT_NOTICE = "merit_notice", _("delivering merit notices")
    VETERAN_EDUCATION = "veteran_education", _("veterans' education")
    # 2 帮助基层部队排忧解难
    TRAINING_SUPPORT = "training_support", _("training and readiness support")
    LIVING_SUPPORT = "living_support", _("living and culture facilities for troops")
    SPOUSE_EMPLOYMENT = "spouse_employment", _("employment of soldiers' spouses")
    CHILD_SCHOOLING = "child_schooling", _("schooling of soldiers' children")
    # 3 解决优抚安置对象特殊困难
    CONDOLENCE_VISIT = "condolence_visit", _("visits with money and goods")
    HERO_VISIT = "hero_visit", _("visits to veteran Red Army, Eighth Route, militia and heroes")
    LEGAL_AID = "legal_aid", _("legal aid")
    JOB_TRAINING = "job_training", _("jobs, information and training for veterans")
    SOCIAL_SERVICE = "social_service", _("services by social organisations")
    # 4 爱民惠民助民
    VOLUNTEER = "volunteer", _("volunteer service and learning from Lei Feng")
    SCHOOL_HELP = "school_help", _("helping schools and students")
    STUDENT_TRAINING = "student_training", _("students' military training")
    POVERTY_RELIEF = "poverty_relief", _("poverty relief and village building")
    # 5 双拥文化活动
    MARTYRS_DAY = "martyrs_day", _("public memorial on Martyrs' Day")
    CULTURE_TO_BARRACKS = "culture_to_barracks", _("culture into the barracks")
    JOINT_GALA = "joint_gala", _("joint galas and performances")


KIND_WORKSTREAM = {
    **dict.fromkeys(
        ["publicise_models", "open_day", "plaque", "merit_notice", "veteran_education"], 1
    ),
    **dict.fromkeys(
        ["training_support", "living_support", "spouse_employment", "child_schooling"], 2
    ),
    **dict.fromkeys(
        ["condolence_visit", "hero_visit", "legal_aid", "job_training", "social_service"], 3
    ),
    **dict.fromkeys(["volunteer", "school_help", "student_training", "poverty_relief"], 4),
    **dict.fromkeys(["martyrs_day", "culture_to_barracks", "joint_gala"], 5),
}


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
    workstream = models.ForeignKey(
        Workstream,
        on_delete=models.PROTECT,
        related_name="activities",
        verbose_name=_("workstream"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=ActivityKind.choices)
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

    def date_flags(self, campaign) -> list[str]:
        """Why this activity's date does not fit: outside the campaign or its phase."""
        flags = []
        if campaign and not (campaign.starts_on <= self.held_on <= campaign.ends_on):
            flags.append(
                _("Dated outside the campaign (%(start)s – %(end)s).")
                % {"start": campaign.starts_on, "end": campaign.ends_on}
            )
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
