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
    target_groups = models.ManyToManyField(
        "outreach.TargetGroup",
        blank=True,
        related_name="activities",
        verbose_name=_("groups helped"),
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
