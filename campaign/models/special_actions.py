"""The seven special actions (七项专项活动) of phase 3: one per survey topic, framed by the county
office (lead unit, cooperating units, who answers for it, its plan and dates) and carried by its
lead unit (progress notes, status, result). Every change is kept in history, and a version
number refuses a form opened on an older copy."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaign import access
from campaign.models.frame import Topic, Unit
from campaign.scoping import ScopedQuerySet


class SpecialActionQuerySet(ScopedQuerySet):
    county_field = "topic__campaign__county"

    def unit_scope(self, user):
        return access.special_actions_of(user)


class SpecialAction(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("not started")
        UNDER_WAY = "under_way", _("under way")
        COMPLETED = "completed", _("completed")

    topic = models.OneToOneField(
        Topic,
        on_delete=models.CASCADE,
        related_name="special_action",
        verbose_name=_("survey topic"),
    )
    lead_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="special_actions_led",
        verbose_name=_("lead unit"),
    )
    cooperating_units = models.ManyToManyField(
        Unit,
        blank=True,
        related_name="special_actions_joined",
        verbose_name=_("cooperating units"),
    )
    responsible = models.CharField(_("person responsible"), max_length=50, blank=True)
    plan = models.TextField(_("plan of the action"), blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    result = models.TextField(_("result achieved"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords(
        verbose_name=_("special action history"), m2m_fields=[cooperating_units]
    )
    objects = SpecialActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("special action")
        verbose_name_plural = _("special actions")
        ordering = ["topic__campaign_id", "topic__number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="campaign_specialaction_ends_after_start",
            ),
        ]

    def __str__(self):
        return str(self.topic)

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The action cannot end before it starts.")
        if self.status == self.Status.COMPLETED and not self.result.strip():
            errors["result"] = _("Say what the action achieved before marking it completed.")
        if errors:
            raise ValidationError(errors)


class SpecialActionNoteQuerySet(ScopedQuerySet):
    county_field = "action__topic__campaign__county"

    def unit_scope(self, user):
        return access.special_action_notes_of(user)


class SpecialActionNote(models.Model):
    """What was done on a day (进展情况)."""

    action = models.ForeignKey(
        SpecialAction,
        on_delete=models.CASCADE,
        related_name="notes",
        verbose_name=_("special action"),
    )
    noted_on = models.DateField(_("date"))
    text = models.TextField(_("progress"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="special_action_notes",
        verbose_name=_("author"),
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="special_action_notes",
        verbose_name=_("unit"),
    )

    history = HistoricalRecords(verbose_name=_("progress note history"))
    objects = SpecialActionNoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        ordering = ["-noted_on", "-pk"]

    def __str__(self):
        return f"{self.noted_on} {self.text[:20]}"
