"""Bulletins (信息简报): numbered issues the office publishes to every unit."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BulletinsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "bulletins"
    verbose_name = _("Bulletins")

    def ready(self):
        from bulletins import access, selectors
        from campaign import navigation, record_links, workbench

        navigation.register(
            order=45,
            label=_("Bulletins"),
            url_name="bulletins:bulletins",
            shown_to=access.reads_bulletins,
            group="work",
        )
        workbench.register(
            order=60, items=selectors.unread_items, shown_to=access.receives_bulletins
        )
        record_links.provide("campaign.ModelFigure", selectors.on_model_figures)
        record_links.provide("campaign.Commendation", selectors.on_commendations)
        record_links.provide("outreach.Activity", selectors.on_activities)
