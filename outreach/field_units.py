"""Units other than the townships in the field: a member unit finds the household it is to
visit by its exact ID number (one match or none, each find logged as a look at the person),
and a garrison's liaison registers its unit's needs (topics 1–3) as findings of its own."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from campaign import clock
from campaign.access import county_in_view_id
from campaign.fields import hash_of
from outreach import access
from outreach.idnumbers import parse_id_number
from outreach.models import Household, IdNumberView, Person, Visit
from outreach.services import visit_record


@transaction.atomic
def household_find_by_id_number(*, user, number: str) -> Household:
    """The one active household of the user's county with a person of this ID number."""
    if not access.looks_up_by_id_number(user):
        raise PermissionDenied
    parsed = parse_id_number(number)  # a malformed number says what is wrong with it
    county = county_in_view_id(user)
    person = (
        Person.objects.active()
        .filter(
            id_number_hash=hash_of(parsed.number),
            household__township__area_id=county,
            household__archived=False,
        )
        .select_related("household__township")
        .first()
    )
    if person is None:
        raise ValidationError(
            _("No household of this county has a person with this ID number."), code="not_found"
        )
    IdNumberView.objects.create(
        user=user,
        person=person,
        county_id=county,
        kind=IdNumberView.Kind.LOOKUP,
        source=IdNumberView.Source.VISIT_LOOKUP,
    )
    return person.household


def needs_report(*, user, findings: list[dict], notes: str = "") -> Visit:
    """The liaison's own garrison's needs: each finding needs action, so it waits for the
    ledger as a visit's finding does."""
    if not access.registers_needs(user):
        raise PermissionDenied
    for finding in findings:
        finding["needs_action"] = True
    return visit_record(
        user=user,
        township=None,
        garrison=user.unit,
        visited_on=clock.today(),
        visitors=user.display_name,
        notes=notes,
        findings=findings,
        kind=Visit.Kind.SELF_REPORTED,
    )
