from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "outreach"
    verbose_name = _("Beneficiaries and survey")

    def ready(self):
        from campaign import access as rule
        from campaign import navigation
        from campaign.home import register_panel
        from outreach import access
        from outreach.selectors import survey_panel

        navigation.register(
            order=10,
            label=_("Households"),
            url_name="outreach:households",
            shown_to=access.reads_field,
            group="field",
        )
        navigation.register(
            order=20,
            label=_("Visits"),
            url_name="outreach:visits",
            shown_to=access.reads_visits,
            group="field",
        )
        navigation.register(
            order=40,
            label=_("Activities"),
            url_name="outreach:activities",
            shown_to=rule.everyone,
            group="work",
        )
        navigation.register(
            order=12,
            label=_("Import from Excel"),
            url_name="outreach_import:start",
            shown_to=access.can_import,
            group="field",
        )
        navigation.register(
            order=41,
            label=_("Honour plaques"),
            url_name="outreach:plaques",
            shown_to=access.reads_field,
            group="work",
        )
        register_panel(
            order=10,
            template="outreach/_home_survey.html",
            context=survey_panel,
            shown_to=access.reads_field,
        )
