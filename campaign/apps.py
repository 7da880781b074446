from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "campaign"
    verbose_name = _("Campaign and organisation")

    def ready(self):
        from campaign import navigation
        from campaign.models import Role

        everyone = [Role.OFFICE, Role.LEADER, Role.MEMBER, Role.TOWNSHIP, Role.GARRISON]
        navigation.register(order=0, label=_("Home"), url_name="home", roles=everyone)
        units = [Role.OFFICE, Role.LEADER, Role.MEMBER, Role.TOWNSHIP]
        navigation.register(
            order=50, label=_("Five ones"), url_name="campaign:five_ones", roles=units, group="work"
        )
        navigation.register(
            order=52,
            label=_("Inspections"),
            url_name="campaign:inspections",
            roles=units,
            group="work",
        )
        navigation.register(
            order=55,
            label=_("Models and support"),
            url_name="campaign:recognition",
            group="work",
            roles=everyone,
        )
        navigation.register(
            order=90, label=_("Units"), url_name="campaign:units", roles=everyone, group="more"
        )
