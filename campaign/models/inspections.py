"""Inspections (督查, phase 6): the office checks a unit's work; findings become ledger cases."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaign import access
from campaign.models.frame import Campaign, Unit
from campaign.models.reference import CodedValue
from campaign.scoping import ScopedQuerySet


class InspectionQuerySet(ScopedQuerySet):
    county_field = "unit__area"

    def unit_scope(self, user):
        # A unit reads the inspections of itself, so it knows what to put right.
        return access.own_unit(user)


class InspectionFindingQuerySet(ScopedQuerySet):
    county_field = "inspection__unit__area"

    def unit_scope(self, user):
        return access.inspection_findings(user)


# The ratings a new county starts with: code, name, score.
STARTER_RATINGS = [
    ("excellent", "优秀", 100),
    ("good", "良好", 85),
    ("fair", "一般", 70),
    ("poor", "较差", 50),
]


class InspectionRating(CodedValue):
    """An inspection's rating, per county; its score (0–100) is what the annual assessment
    averages."""

    score = models.PositiveSmallIntegerField(
        _("score"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("0 to 100; the assessment averages the scores of the year."),
    )

    history = HistoricalRecords(verbose_name=_("inspection rating history"))

    class Meta(CodedValue.Meta):
        verbose_name = _("inspection rating")
        verbose_name_plural = _("inspection ratings")
        constraints = [
            *CodedValue.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(score__gte=0) & models.Q(score__lte=100),
                name="campaign_inspectionrating_score_0_to_100",
            ),
        ]


def starter_ratings_create(county) -> None:
    have = set(InspectionRating.objects.filter(county=county).values_list("code", flat=True))
    InspectionRating.objects.bulk_create(
        InspectionRating(county=county, code=code, name=name, score=score, order=order)
        for order, (code, name, score) in enumerate(STARTER_RATINGS, start=1)
        if code not in have
    )


class Inspection(models.Model):
    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="inspections", verbose_name=_("campaign")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="inspections", verbose_name=_("unit inspected")
    )
    inspected_on = models.DateField(_("inspected on"))
    inspectors = models.CharField(_("inspectors"), max_length=200)
    checked = models.TextField(_("what was checked"))
    rating = models.ForeignKey(
        InspectionRating, on_delete=models.PROTECT, related_name="+", verbose_name=_("rating")
    )
    summary = models.TextField(_("summary"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = HistoricalRecords(verbose_name=_("inspection history"))
    objects = InspectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-inspected_on", "-id"]

    def __str__(self):
        return f"{self.inspected_on:%Y-%m-%d} {self.unit}"

    def get_absolute_url(self):
        return reverse("campaign:inspection", args=[self.pk])

    @property
    def score(self) -> int:
        return self.rating.score


class InspectionFinding(models.Model):
    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="findings", verbose_name=_("inspection")
    )
    text = models.TextField(_("finding"))
    needs_rectification = models.BooleanField(_("needs rectification"), default=True)

    objects = InspectionFindingQuerySet.as_manager()

    class Meta:
        verbose_name = _("inspection finding")
        verbose_name_plural = _("inspection findings")
        ordering = ["inspection", "id"]

    def __str__(self):
        return self.text[:30]
