"""How long a county keeps the personal details of archived households and persons, and what
was reduced when that time had passed (个人信息保护法 §19, §47: kept no longer than needed)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaign.models import Area
from campaign.scoping import ScopedQuerySet
from outreach import access

# Five years after archiving: the longest time in which a suit about an administrative
# decision on the household may still be brought (行政诉讼法 §46), and a household that
# returns within it (a veteran moving back) is restored with its details. README explains.
DEFAULT_MONTHS = 60
LONGEST_MONTHS = 600


class RetentionPolicyQuerySet(ScopedQuerySet):
    county_field = "county"

    def unit_scope(self, user):
        return access.nobody_else(user)


class RetentionPolicy(models.Model):
    """A county's period; a county without one keeps details for DEFAULT_MONTHS."""

    county = models.OneToOneField(
        Area,
        on_delete=models.PROTECT,
        related_name="retention_policy",
        limit_choices_to={"level": Area.Level.COUNTY},
        verbose_name=_("county"),
    )
    months = models.PositiveSmallIntegerField(
        _("kept for (months after archiving)"),
        validators=[MinValueValidator(1), MaxValueValidator(LONGEST_MONTHS)],
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(verbose_name=_("retention setting history"))
    objects = RetentionPolicyQuerySet.as_manager()

    class Meta:
        verbose_name = _("retention setting")
        verbose_name_plural = _("retention settings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(months__gte=1) & models.Q(months__lte=LONGEST_MONTHS),
                name="outreach_retentionpolicy_months_in_range",
            )
        ]

    def __str__(self):
        return f"{self.county} · {self.months}"


class AnonymisationRunQuerySet(ScopedQuerySet):
    county_field = "county"
    personal = True

    def unit_scope(self, user):
        return access.nobody_else(user)


class AnonymisationRun(models.Model):
    """One run of anonymise_expired over one county that reduced something: its counts and
    the records it reduced, for the operation log."""

    county = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="+", verbose_name=_("county")
    )
    ran_at = models.DateTimeField(_("run at"), default=timezone.now)
    as_of = models.DateField(_("as of"))
    months = models.PositiveSmallIntegerField(_("kept for (months after archiving)"))
    archived_by = models.DateField(_("archived on or before"))
    households = models.PositiveIntegerField(_("households anonymised"), default=0)
    persons = models.PositiveIntegerField(_("persons anonymised"), default=0)
    # [{"id": …, "number": …, "township": …, "village": …, "persons": [ids]}]: what a reader
    # needs to find the records again, and nothing that was removed from them.
    records = models.JSONField(_("records"), default=list, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )

    history = HistoricalRecords(verbose_name=_("anonymisation history"))
    objects = AnonymisationRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("anonymisation run")
        verbose_name_plural = _("anonymisation runs")
        ordering = ["-ran_at"]

    def __str__(self):
        return f"{self.county} · {self.as_of:%Y-%m-%d}"
