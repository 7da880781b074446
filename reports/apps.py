from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from campaign import access as rule
        from campaign import navigation
        from campaign.home import register_panel
        from reports import (
            access,
            jobs,  # noqa: F401  (registers the workbooks as background work)
        )
        from reports.home import county_at_a_glance
        from reports.kept_signals import connect

        connect()

        navigation.register(
            order=60,
            label=_("Dashboard"),
            url_name="reports:dashboard",
            shown_to=access.can_read_county,
            group="reports",
        )
        navigation.register(
            order=61,
            label=_("Progress by unit"),
            url_name="reports:progress",
            shown_to=access.can_read_progress,
            group="reports",
        )
        navigation.register(
            order=62,
            label=_("Assessment"),
            url_name="reports:assessment",
            shown_to=access.can_read_county,
            group="reports",
        )
        navigation.register(
            order=63,
            label=_("Year-end report"),
            url_name="reports:yearend",
            shown_to=access.can_read_county,
            group="reports",
        )
        navigation.register(
            order=59,
            label=_("The counties compared"),
            url_name="reports:counties",
            shown_to=access.can_compare_counties,
            group="reports",
        )
        # The units that lead or join a special action reach it from here.
        navigation.register(
            order=45,
            label=_("Special actions"),
            url_name="reports:special_action_list",
            shown_to=rule.reads_special_actions,
            group="work",
        )
        register_panel(
            order=2,
            template="reports/_home_glance.html",
            context=county_at_a_glance,
            shown_to=access.reads_the_county_at_a_glance,
        )
        register_panel(
            order=1,
            template="reports/_home_counties.html",
            context=lambda user: {
                "area": user.unit.area.name,
                "counties": len(rule.counties_in_reach(user)),
            },
            shown_to=access.can_compare_counties,
        )
