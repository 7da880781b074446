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
        navigation.register(order=90, label=_("Units"), url_name="campaign:units", roles=everyone)
