"""Writing an import: one transaction, bulk queries, and the change history simple_history
would have recorded had each row been saved by hand."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from simple_history.utils import bulk_update_with_history

from campaign.bulk_changes import rows_written
from campaign.fields import hash_of
from outreach.access import can_edit_township
from outreach.imports import ImportRefused, history
from outreach.imports.plan import ImportPlan, plan_import
from outreach.imports.reading import Sheet
from outreach.models import HonourPlaque, Household, IdNumberView, Person, PlaqueEvent
from outreach.plaques import plaque_record
from outreach.services import log_personal_file

BATCH = 500
M2M_FIELDS = ("categories", "priority_marks")


@transaction.atomic
def households_import(*, user, township, sheet: Sheet) -> ImportPlan:
    if not can_edit_township(user, township):
        raise PermissionDenied
    # Planned again inside the transaction, the matched rows locked: what is written is checked
    # against the registry as it is now, not as it was when the preview was shown.
    plan = plan_import(sheet, township=township, for_update=True)
    if plan.has_errors:
        count = plan.counts["errors"]
        raise ImportRefused(
            ngettext(
                "The file still has %(count)s error; nothing was imported.",
                "The file still has %(count)s errors; nothing was imported.",
                count,
            )
            % {"count": count}
        )
    now = timezone.now()
    reason = _("Excel import")
    updated = {
        "default_user": user,
        "default_change_reason": reason,
        "default_date": now,
        "batch_size": BATCH,
    }
    created = Household.objects.bulk_create(plan.new_households, batch_size=BATCH)
    history.record_created(Household, [h.pk for h in created], user=user, reason=reason, when=now)
    plan.households.update((household.number, household) for household in created)
    if plan.changed_households:
        households, fields = [], {"updated_at"}
        for household, changed in plan.changed_households.values():
            household.updated_at = now  # bulk_update does not touch auto_now fields
            households.append(household)
            fields |= changed
        bulk_update_with_history(households, Household, fields=sorted(fields), **updated)

    new_persons = []
    for person, number, _categories, _marks in plan.new_persons:
        person.household = plan.households[number]
        new_persons.append(person)
    created = Person.objects.bulk_create(new_persons, batch_size=BATCH)
    written = [person.pk for person in created]
    history.record_created(Person, written, user=user, reason=reason, when=now)
    links = {name: {} for name in M2M_FIELDS}
    for person, planned in zip(created, plan.new_persons, strict=True):
        links["categories"][person.pk] = planned[2]
        links["priority_marks"][person.pk] = planned[3]
    if plan.changed_persons:
        persons, fields = [], set()
        for person, changed, categories, marks in plan.changed_persons:
            persons.append(person)
            written.append(person.pk)
            fields |= changed
            if categories is not None:
                links["categories"][person.pk] = categories
            if marks is not None:
                links["priority_marks"][person.pk] = marks
        if "id_number" in fields:  # bulk_update skips the hash field's pre_save
            for person in persons:
                person.id_number_hash = hash_of(person.id_number)
            fields.add("id_number_hash")
        # With no field changed this records history only: a change of categories is a change.
        bulk_update_with_history(persons, Person, fields=sorted(fields), **updated)
    new = {person.pk for person in created}
    for name, chosen in links.items():
        _replace_links(name, chosen, new=new)
    history.record_links(Person, written, when=now)
    for number, (hung_on, kind) in plan.new_plaques.items():
        try:
            plaque_record(
                user=user,
                household=plan.households[number],
                kind=PlaqueEvent.Kind.ISSUED,
                on=hung_on,
                type=kind,
                basis=_("Recorded by the Excel import"),
                placement=HonourPlaque.Placement.DOOR,
            )
        except ValidationError as exc:  # the plan asked the same rules; this is a net
            raise ImportRefused(" ".join(exc.messages)) from None
    rows_written.send(sender=Household, county_id=township.area_id)
    log_personal_file(
        user=user,
        kind=IdNumberView.Kind.IMPORT,
        source=IdNumberView.Source.HOUSEHOLD_IMPORT,
        person_ids=written,
        county_id=township.area_id,
    )
    return plan


def _replace_links(name: str, chosen: dict[int, set], *, new: set[int]) -> None:
    """Link each person to what the file chose; persons just created have no links to drop."""
    if not chosen:
        return
    field = Person._meta.get_field(name)
    through = field.remote_field.through
    owner, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    existing = [pk for pk in chosen if pk not in new]
    if existing:
        through.objects.filter(**{f"{owner}_id__in": existing}).delete()
    through.objects.bulk_create(
        [
            through(**{f"{owner}_id": pk, f"{target}_id": target_pk})
            for pk, targets in chosen.items()
            for target_pk in sorted(targets)
        ],
        batch_size=BATCH,
    )
