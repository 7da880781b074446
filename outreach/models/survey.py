from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaign.models import Campaign, Topic, Unit
from campaign.scoping import ScopedQuerySet
from outreach import access
from outreach.models.registry import Household, Policy


class VisitQuerySet(ScopedQuerySet):
    # The visiting unit's county: a garrison visit need not be charged to a township.
    county_field = "unit__area"
    personal = True

    def unit_scope(self, user):
        return access.visit_scope(user)


class FindingQuerySet(ScopedQuerySet):
    county_field = "visit__unit__area"
    personal = True

    def unit_scope(self, user):
        return access.finding_scope(user)


class Visit(models.Model):
    class Kind(models.TextChoices):
        VISIT = "visit", _("visit")
        # A garrison's liaison registers its own needs (topics 1–3) as findings about itself.
        SELF_REPORTED = "self_reported", _("needs reported by the garrison")

    # The household carries on from campaign to campaign; its visits belong to one.
    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="visits", verbose_name=_("campaign")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.VISIT)
    # The unit that made the visit, whose work it counts as.
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="visits_made",
        verbose_name=_("visiting unit"),
    )
    # The township whose survey it counts for; none for a garrison visit not charged to one.
    township = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="visits",
        limit_choices_to={"kind": Unit.Kind.TOWNSHIP},
        verbose_name=_("township"),
    )
    household = models.ForeignKey(
        Household,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="visits",
        verbose_name=_("household"),
    )
    garrison = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="garrison_visits",
        limit_choices_to={"kind": Unit.Kind.GARRISON},
        verbose_name=_("garrison unit"),
    )
    visited_on = models.DateField(_("visited on"))
    visitors = models.CharField(_("visitors"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = HistoricalRecords(verbose_name=_("visit history"))
    objects = VisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-visited_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(household__isnull=False) & Q(garrison__isnull=True))
                | (Q(household__isnull=True) & Q(garrison__isnull=False)),
                name="outreach_visit_one_subject",
            ),
            models.CheckConstraint(
                condition=Q(township__isnull=False) | Q(garrison__isnull=False),
                name="outreach_visit_household_in_township",
            ),
        ]

    def __str__(self):
        return f"{self.visited_on:%Y-%m-%d} {self.subject}"

    def get_absolute_url(self):
        return reverse("outreach:visit", args=[self.pk])

    @property
    def subject(self):
        return self.household or self.garrison

    @property
    def about(self):
        return Topic.About.BENEFICIARY if self.household_id else Topic.About.GARRISON


class Finding(models.Model):
    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="findings", verbose_name=_("visit")
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="findings", verbose_name=_("topic")
    )
    text = models.TextField(_("finding"))
    needs_action = models.BooleanField(_("needs action"), default=False)
    policies_done = models.ManyToManyField(
        Policy, blank=True, related_name="+", verbose_name=_("policies carried out")
    )
    policies_missing = models.ManyToManyField(
        Policy, blank=True, related_name="+", verbose_name=_("policies not carried out")
    )

    objects = FindingQuerySet.as_manager()

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["visit", "topic__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "topic"], name="outreach_finding_one_per_topic"
            )
        ]

    def __str__(self):
        return f"{self.topic.number}. {self.text[:30]}"


class VisitKey(models.Model):
    """The key a phone made for a visit recorded offline. Its being the primary key is what
    keeps a send retried (a lost answer, two tabs, a slow network) from recording the visit
    twice: the second insert fails inside the same transaction as the visit."""

    key = models.UUIDField(_("key"), primary_key=True)
    visit = models.OneToOneField(
        Visit, on_delete=models.CASCADE, related_name="sent_key", verbose_name=_("visit")
    )
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("visit sent from a phone")
        verbose_name_plural = _("visits sent from phones")

    def __str__(self):
        return str(self.key)
