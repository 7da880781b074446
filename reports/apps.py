from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from campaign import navigation
        from campaign.models import Role

        county = [Role.OFFICE, Role.LEADER]
        navigation.register(
            order=60,
            label=_("Dashboard"),
            url_name="reports:dashboard",
            roles=county,
            group="reports",
        )
        navigation.register(
            order=61,
            label=_("Progress by unit"),
            url_name="reports:progress",
            roles=[*county, Role.TOWNSHIP, Role.MEMBER],
            group="reports",
        )
        navigation.register(
            order=62,
            label=_("Assessment"),
            url_name="reports:assessment",
            roles=county,
            group="reports",
        )
        navigation.register(
            order=63,
            label=_("Year-end report"),
            url_name="reports:yearend",
            roles=county,
            group="reports",
        )
