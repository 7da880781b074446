"""What the ledger offers on the pages of the apps below it (see campaign.record_links)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from campaign.record_links import RecordLink
from grievances import access
from grievances.models import Case


def on_households(user, households) -> dict:
    """Register a problem about a household still on the register."""
    offered = {}
    for household in households:
        if not household.archived and access.can_register(user, household.township):
            url = f"{reverse('grievances:case_add')}?household={household.pk}"
            offered[household.pk] = [RecordLink(_("Register a problem"), url)]
    return offered


def on_inspection_findings(user, findings) -> dict:
    """Where an inspection finding is on the ledger, or the way to put it there."""
    cases = {
        case.inspection_finding_id: case
        for case in Case.objects.visible_to(user).filter(inspection_finding__in=findings)
    }
    offered = {}
    for finding in findings:
        if case := cases.get(finding.pk):
            label = _("on the ledger %(number)s") % {"number": case.number}
            offered[finding.pk] = [RecordLink(label, case.get_absolute_url(), kind="state")]
        elif access.can_register_from_inspection(user):
            url = reverse("grievances:case_from_inspection", args=[finding.pk])
            offered[finding.pk] = [RecordLink(_("Put on the ledger"), url)]
    return offered
