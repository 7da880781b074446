from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrievancesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "grievances"
    verbose_name = _("Ledger")

    def ready(self):
        from campaign import access as rule
        from campaign import navigation, record_links, workbench
        from grievances import (
            access,
            jobs,  # noqa: F401  (registers the long export as background work)
        )
        from grievances import record_links as offered
        from grievances.person_copy import cases_section
        from grievances.workbench import escalation_items, intake_items, leader_items, ledger_items
        from outreach import access as field
        from outreach import person_copy

        field.household_reach.append(access.households_on_cases)
        person_copy.SECTIONS.append(cases_section)
        record_links.provide("outreach.Household", offered.on_households)
        record_links.provide("campaign.InspectionFinding", offered.on_inspection_findings)

        workbench.register(order=10, items=ledger_items, shown_to=access.works_the_ledger)
        workbench.register(order=20, items=intake_items, shown_to=access.can_register)
        workbench.register(order=11, items=escalation_items, shown_to=access.sees_escalations)
        workbench.register(order=12, items=leader_items, shown_to=access.has_cases_led)
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
            order=6,
            label=_("Cases I lead"),
            url_name="grievances:cases_led",
            shown_to=access.has_cases_led,
        )
        navigation.register(
            order=31,
            label=_("Intake"),
            url_name="grievances:intake",
            shown_to=access.can_register,
            group="ledger",
        )
