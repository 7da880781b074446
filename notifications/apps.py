"""Reminders (提醒): each working day a digest of the workbench to every user and unit, in the
app, by e-mail and by the units' group robots."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "notifications"
    verbose_name = _("Reminders")

    def ready(self):
        from campaign import navigation
        from notifications import access

        navigation.register(
            order=90,
            label=_("Reminder deliveries"),
            url_name="notifications:deliveries",
            shown_to=access.reads_deliveries,
            group="more",
        )
