"""Reminders: the digest a user reads in the app, each user's choice of channels, a unit's group
robot, and one row per digest sent (or tried) by one channel to one recipient on one day."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaign.scoping import ScopedQuerySet
from notifications import access


class Channel(models.TextChoices):
    APP = "app", _("in the app")
    EMAIL = "email", _("e-mail")
    WECOM = "wecom", _("WeCom group robot")
    DINGTALK = "dingtalk", _("DingTalk group robot")


ROBOT_CHANNELS = (Channel.WECOM, Channel.DINGTALK)


class NotificationQuerySet(ScopedQuerySet):
    county_field = "recipient__unit__area"

    def unit_scope(self, user):
        return access.notification_scope(user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One day's digest as shown in the app: its lines (label, count, link) and case numbers."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    day = models.DateField(_("day"))
    title = models.CharField(_("title"), max_length=200)
    lines = models.JSONField(_("lines"), default=list)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "day"], name="notifications_notification_one_a_day"
            )
        ]

    def __str__(self):
        return self.title


class Preference(models.Model):
    """Which channels a user's digest goes by; no row means the defaults."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reminder_preference",
        verbose_name=_("user"),
    )
    in_app = models.BooleanField(_("in the app"), default=True)
    by_email = models.BooleanField(
        _("by e-mail"),
        default=True,
        help_text=_("Sent to the e-mail address of your account, when it has one."),
    )

    class Meta:
        verbose_name = _("reminder preference")
        verbose_name_plural = _("reminder preferences")

    def __str__(self):
        return str(self.user)


def robot_host_allowed(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("https", "http") and parts.hostname in settings.ROBOT_HOSTS


class RobotQuerySet(ScopedQuerySet):
    county_field = "unit__area"

    def unit_scope(self, user):
        return access.robot_scope(user)


class Robot(models.Model):
    """A unit's group robot (群机器人) in WeCom or DingTalk: its digest is posted there."""

    KINDS = [(c.value, c.label) for c in ROBOT_CHANNELS]

    unit = models.OneToOneField(
        "campaign.Unit", on_delete=models.CASCADE, related_name="robot", verbose_name=_("unit")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=KINDS)
    url = models.URLField(
        _("webhook address"),
        max_length=500,
        help_text=_("The group robot's webhook address, as the group's settings show it."),
    )

    objects = RobotQuerySet.as_manager()

    class Meta:
        verbose_name = _("group robot")
        verbose_name_plural = _("group robots")

    def __str__(self):
        return f"{self.unit} {self.get_kind_display()}"

    def clean(self):
        # The address is posted to by the server: only the robot services' own hosts, so the
        # page cannot be used to make the server call anywhere else.
        if self.url and not robot_host_allowed(self.url):
            raise ValidationError(
                {"url": _("Only the addresses of the WeCom and DingTalk robots are accepted.")}
            )


class DeliveryQuerySet(ScopedQuerySet):
    county_field = "county"

    def unit_scope(self, user):
        return access.delivery_scope(user)


class Delivery(models.Model):
    """A digest sent by one channel to one user (or one unit's robot) on one day: created in
    the transaction that marks it sent, so a second run that day finds it and sends nothing."""

    class Status(models.TextChoices):
        PENDING = "pending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("sending failed")

    county = models.ForeignKey(
        "campaign.Area", on_delete=models.CASCADE, related_name="+", verbose_name=_("county")
    )
    day = models.DateField(_("day"))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    unit = models.ForeignKey(
        "campaign.Unit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    counts = models.JSONField(_("counts"), default=dict)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "channel", "id"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "channel", "user"],
                condition=Q(user__isnull=False),
                name="notifications_delivery_once_per_user",
            ),
            models.UniqueConstraint(
                fields=["day", "channel", "unit"],
                condition=Q(user__isnull=True),
                name="notifications_delivery_once_per_unit",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | Q(unit__isnull=False),
                name="notifications_delivery_has_recipient",
            ),
        ]

    def __str__(self):
        return f"{self.day} {self.get_channel_display()}"

    @property
    def recipient(self):
        return self.user or self.unit


def list_url() -> str:
    return reverse("notifications:list")
