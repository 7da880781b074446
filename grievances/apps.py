from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrievancesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "grievances"
    verbose_name = _("Ledger")

    def ready(self):
        from campaign import access as rule
        from campaign import navigation, record_links
        from grievances import access
        from grievances import record_links as offered
        from outreach import access as field

        field.household_reach.append(access.households_on_cases)
        record_links.provide("outreach.Household", offered.on_households)
        record_links.provide("campaign.InspectionFinding", offered.on_inspection_findings)

        navigation.register(
            order=5, label=_("To do"), url_name="grievances:inbox", shown_to=access.has_inbox
        )
        navigation.register(
            order=30,
            label=_("Problem ledger"),
            url_name="grievances:ledger",
            shown_to=rule.everyone,
            group="ledger",
        )
        navigation.register(
            order=31,
            label=_("Intake"),
            url_name="grievances:intake",
            shown_to=access.can_register,
            group="ledger",
        )
