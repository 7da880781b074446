"""五个一: the five things every township and county unit must have."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaign import access
from campaign.models.frame import Campaign, Unit
from campaign.scoping import ScopedQuerySet


class FiveOnesQuerySet(ScopedQuerySet):
    county_field = "unit__area"

    def unit_scope(self, user):
        return access.own_unit(user)


class FiveOnesItem(models.Model):
    class Item(models.TextChoices):
        TEAM = "team", _("service or volunteer team")
        ROOM = "room", _("military-civilian activity room")
        SIGN = "sign", _("double-support workstation sign")
        BOARD = "board", _("publicity board")
        LEDGER = "ledger", _("double-support ledger")

    class Status(models.TextChoices):
        MISSING = "missing", _("not yet")
        BUILDING = "building", _("being built")
        DONE = "done", _("in place")

    # A new campaign starts its 五个一 blank; the last campaign's stay as they were.
    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="five_ones", verbose_name=_("campaign")
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.CASCADE,
        related_name="five_ones",
        limit_choices_to={"kind__in": [Unit.Kind.TOWNSHIP, Unit.Kind.MEMBER]},
        verbose_name=_("unit"),
    )
    item = models.CharField(_("item"), max_length=10, choices=Item.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.MISSING
    )
    done_on = models.DateField(_("in place since"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    evidence = models.FileField(_("evidence"), upload_to="five-ones/%Y/", blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(verbose_name=_("五个一 history"))
    objects = FiveOnesQuerySet.as_manager()

    class Meta:
        verbose_name = _("五个一 item")
        verbose_name_plural = _("五个一 items")
        ordering = ["unit", "item"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "unit", "item"], name="campaign_fiveones_unique_item"
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | Q(done_on__isnull=False),
                name="campaign_fiveones_done_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.unit} · {self.get_item_display()}"
