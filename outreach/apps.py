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
