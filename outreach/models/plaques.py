"""光荣牌: one honour plaque per household, and its life."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from campaign.scoping import ScopedQuerySet
from outreach import access
from outreach.models.registry import Household


class PlaqueQuerySet(ScopedQuerySet):
    county_field = "household__township__area"
    personal = True

    def unit_scope(self, user):
        return access.through_household(user)


# Categories whose holders make a household eligible, by plaque type: the codes of the
# national categories (outreach/starter_lists.py), which hold whatever the office renames them.
MARTYR_FAMILY = ["martyr_survivor", "fallen_on_duty_survivor", "died_in_service_survivor"]
SERVING_FAMILY = ["serving_family"]
VETERAN_FAMILY = [
    "transferred_officer",
    "discharged_soldier",
    "retired_cadre",
    "demobilised",
    "red_army_veteran",
    "disabled_soldier",
]


class HonourPlaque(models.Model):
    class Type(models.TextChoices):
        MARTYR_FAMILY = "martyr_family", _("family of martyrs or the fallen (三属家庭)")
        SERVING = "serving", _("family of a serving soldier")
        VETERAN = "veteran", _("family of a veteran")

    class Placement(models.TextChoices):
        DOOR = "door", _("on the main door")
        INDOOR = "indoor", _("displayed indoors")

    class Status(models.TextChoices):
        HUNG = "hung", _("hung")
        WITHDRAWN = "withdrawn", _("withdrawn")
        CANCELLED = "cancelled", _("cancelled")

    household = models.OneToOneField(
        Household, on_delete=models.PROTECT, related_name="plaque", verbose_name=_("household")
    )
    type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    basis = models.CharField(_("basis"), max_length=200)
    placement = models.CharField(_("placement"), max_length=10, choices=Placement.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    hung_on = models.DateField(_("first hung on"))

    objects = PlaqueQuerySet.as_manager()

    class Meta:
        verbose_name = _("honour plaque")
        verbose_name_plural = _("honour plaques")

    def __str__(self):
        return f"光荣之家 · {self.household}"


class PlaqueEvent(models.Model):
    class Kind(models.TextChoices):
        ISSUED = "issued", _("newly issued")
        REISSUED = "reissued", _("reissued")
        REPLACED = "replaced", _("replaced")
        WITHDRAWN = "withdrawn", _("withdrawn")
        CANCELLED = "cancelled", _("cancelled")
        RESTORED = "restored", _("hung again")

    plaque = models.ForeignKey(
        HonourPlaque, on_delete=models.CASCADE, related_name="events", verbose_name=_("plaque")
    )
    kind = models.CharField(_("what"), max_length=10, choices=Kind.choices)
    on = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("plaque event")
        verbose_name_plural = _("plaque events")
        ordering = ["plaque", "on", "id"]

    def __str__(self):
        return f"{self.plaque_id} {self.kind} {self.on}"
