from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "outreach"
    verbose_name = _("Beneficiaries and survey")

    def ready(self):
        from campaign import navigation
        from campaign.home import register_panel
        from campaign.models import Role
        from outreach.selectors import survey_panel

        field = [Role.OFFICE, Role.LEADER, Role.TOWNSHIP]
        navigation.register(
            order=10,
            label=_("Households"),
            url_name="outreach:households",
            roles=field,
            group="field",
        )
        navigation.register(
            order=20,
            label=_("Visits"),
            url_name="outreach:visits",
            group="field",
            roles=[*field, Role.GARRISON],
        )
        navigation.register(
            order=40,
            label=_("Activities"),
            url_name="outreach:activities",
            group="work",
            roles=[Role.OFFICE, Role.LEADER, Role.MEMBER, Role.TOWNSHIP, Role.GARRISON],
        )
        navigation.register(
            order=12,
            label=_("Import from Excel"),
            url_name="outreach_import:start",
            group="field",
            roles=[Role.OFFICE, Role.TOWNSHIP],
        )
        navigation.register(
            order=41,
            label=_("Honour plaques"),
            url_name="outreach:plaques",
            roles=field,
            group="work",
        )
        register_panel(
            order=10,
            template="outreach/_home_survey.html",
            context=survey_panel,
            roles=[Role.OFFICE, Role.LEADER, Role.TOWNSHIP],
        )
