from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "campaign"
    verbose_name = _("Campaign and organisation")

    def ready(self):
        from campaign import access, checks, county_lists, navigation  # noqa: F401 (checks registers)
        from campaign.models.inspections import starter_ratings_create

        county_lists.register("campaign", starter_ratings_create)

        navigation.register(order=0, label=_("Home"), url_name="home", shown_to=access.everyone)
        navigation.register(
            order=50,
            label=_("Five ones"),
            url_name="campaign:five_ones",
            shown_to=access.units_of_the_county,
            group="work",
        )
        navigation.register(
            order=52,
            label=_("Inspections"),
            url_name="campaign:inspections",
            shown_to=access.units_of_the_county,
            group="work",
        )
        navigation.register(
            order=55,
            label=_("Models and support"),
            url_name="campaign:recognition",
            shown_to=access.everyone,
            group="work",
        )
        navigation.register(
            order=90,
            label=_("Units"),
            url_name="campaign:units",
            shown_to=access.everyone,
            group="more",
        )
