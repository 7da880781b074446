"""The ledger's part of a person's own data (个人信息查阅): the cases about their household."""

from django.utils.translation import gettext as _

from grievances.models import Case
from outreach.person_copy import Section


def cases_section(person) -> Section:
    cases = (
        Case.objects.filter(household=person.household_id)
        .select_related("topic", "campaign")
        .order_by("year", "sequence")
    )
    rows = [
        [
            case.number,
            case.topic.name,
            case.description,
            case.measures,
            case.get_status_display(),
            case.result,
            case.closed_on,
        ]
        for case in cases
    ]
    headers = [
        _("Ledger number"),
        _("Topic"),
        _("Problem"),
        _("Measures"),
        _("Status"),
        _("Result"),
        _("Closed off on"),
    ]
    return Section(_("Cases"), headers, rows)
