from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaign.models.frame import Unit
from campaign.scoping import ScopedQuerySet


class UnitMergeQuerySet(ScopedQuerySet):
    county_field = "survivor__area"

    def unit_scope(self, user):
        from campaign import access

        return access.everyone_signed_in(user)


class UnitMerge(models.Model):
    """乡镇合并: a township absorbed into another on a date. What moved is counted here; the
    records made before the merge keep the absorbed township as they were."""

    absorbed = models.OneToOneField(
        Unit, on_delete=models.PROTECT, related_name="merge", verbose_name=_("absorbed township")
    )
    survivor = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="merges_taken",
        verbose_name=_("surviving township"),
    )
    merged_on = models.DateField(_("merged on"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    households = models.PositiveIntegerField(_("households moved"), default=0)
    renumbered = models.PositiveIntegerField(_("households renumbered"), default=0)
    accounts = models.PositiveIntegerField(_("accounts moved"), default=0)
    support_organisations = models.PositiveIntegerField(_("support organisations moved"), default=0)
    cases = models.PositiveIntegerField(_("open cases moved"), default=0)

    history = HistoricalRecords(verbose_name=_("township merge history"))
    objects = UnitMergeQuerySet.as_manager()

    class Meta:
        verbose_name = _("township merge")
        verbose_name_plural = _("township merges")
        ordering = ["-merged_on", "-id"]

    def __str__(self):
        return f"{self.absorbed} → {self.survivor} ({self.merged_on})"
