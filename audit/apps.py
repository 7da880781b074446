from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The audit trail across the apps: who changed what, and who saw a full ID number. It
    reads every app's history and belongs to none of them; nothing imports it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "audit"
    verbose_name = _("Audit trail")

    def ready(self):
        from audit.access import can_read_trail
        from campaign import navigation

        navigation.register(
            order=95,
            label=_("Audit"),
            url_name="audit:trail",
            shown_to=can_read_trail,
            group="more",
        )
