from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "outreach"
    verbose_name = _("Beneficiaries and survey")

    def ready(self):
        from campaign import access as rule
        from campaign import county_lists, navigation, record_links, workbench
        from outreach import access
        from outreach.imports import jobs  # noqa: F401  (registers the long import)
        from outreach.record_links import on_support_organisations
        from outreach.selectors import survey_items
        from outreach.starter_lists import (
            plan_kinds_errors,
            plan_kinds_write,
            starter_lists_create,
        )

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
            order=22,
            label=_("Survey on the phone"),
            url_name="outreach:survey",
            shown_to=access.surveys_offline,
            group="field",
        )
        navigation.register(
            order=21,
            label=_("Our needs"),
            url_name="outreach:needs",
            shown_to=access.reads_needs,
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
        navigation.register(
            order=42,
            label=_("Merit notices"),
            url_name="outreach:merit_notices",
            shown_to=access.reads_merit_notices,
            group="work",
        )
        record_links.provide("campaign.SupportOrganisation", on_support_organisations)
        county_lists.register("outreach", starter_lists_create)
        county_lists.register_plan_kinds(check=plan_kinds_errors, write=plan_kinds_write)
        workbench.register(order=30, items=survey_items, shown_to=access.surveys_households)
