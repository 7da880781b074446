from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "outreach"
    verbose_name = _("Beneficiaries and survey")

    def ready(self):
        from campaign import navigation
        from campaign.models import Role

        field = [Role.OFFICE, Role.LEADER, Role.TOWNSHIP]
        navigation.register(
            order=10, label=_("Households"), url_name="outreach:households", roles=field
        )
        navigation.register(
            order=20,
            label=_("Visits"),
            url_name="outreach:visits",
            roles=[*field, Role.GARRISON],
        )
        navigation.register(
            order=40,
            label=_("Activities"),
            url_name="outreach:activities",
            roles=[Role.OFFICE, Role.LEADER, Role.MEMBER, Role.TOWNSHIP, Role.GARRISON],
        )
        navigation.register(
            order=12,
            label=_("Import from Excel"),
            url_name="outreach_import:start",
            roles=[Role.OFFICE, Role.TOWNSHIP],
        )
        navigation.register(
            order=41, label=_("Honour plaques"), url_name="outreach:plaques", roles=field
        )
