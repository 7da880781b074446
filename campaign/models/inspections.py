"""Inspections (督查, phase 6): the office checks a unit's work; findings become ledger cases."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaign import access
from campaign.models.frame import Unit
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


class Inspection(models.Model):
    class Rating(models.TextChoices):
        EXCELLENT = "excellent", _("excellent")
        GOOD = "good", _("good")
        FAIR = "fair", _("fair")
        POOR = "poor", _("poor")

    RATING_SCORES = {"excellent": 100, "good": 85, "fair": 70, "poor": 50}

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="inspections", verbose_name=_("unit inspected")
    )
    inspected_on = models.DateField(_("inspected on"))
    inspectors = models.CharField(_("inspectors"), max_length=200)
    checked = models.TextField(_("what was checked"))
    rating = models.CharField(_("rating"), max_length=10, choices=Rating.choices)
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
        return self.RATING_SCORES[self.rating]


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
