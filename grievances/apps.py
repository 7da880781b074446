from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrievancesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "grievances"
    verbose_name = _("Ledger")

    def ready(self):
        from campaign import navigation
        from campaign.models import Role

        everyone = [Role.OFFICE, Role.LEADER, Role.MEMBER, Role.TOWNSHIP, Role.GARRISON]
        navigation.register(
            order=5,
            label=_("To do"),
            url_name="grievances:inbox",
            roles=[Role.OFFICE, Role.LEADER, Role.MEMBER, Role.TOWNSHIP],
        )
        navigation.register(
            order=30,
            label=_("Problem ledger"),
            url_name="grievances:ledger",
            roles=everyone,
            group="ledger",
        )
        navigation.register(
            order=31,
            label=_("Intake"),
            url_name="grievances:intake",
            group="ledger",
            roles=[Role.OFFICE, Role.TOWNSHIP],
        )
