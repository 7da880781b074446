from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from campaign import clock
from campaign.fields import hash_of
from campaign.models import Topic, Unit
from outreach.access import can_edit_township
from outreach.idnumbers import parse_id_number
from outreach.models import Finding, Household, IdNumberView, Person, Visit


def id_number_holder(number: str, *, exclude_pk=None) -> Person | None:
    """The active person already registered under this ID number, if any."""
    holders = (
        Person.objects.active()
        .filter(id_number_hash=hash_of(number))
        .select_related("household__township")
    )
    if exclude_pk:
        holders = holders.exclude(pk=exclude_pk)
    return holders.first()


def id_number_refusal(holder: Person, *, user) -> str:
    """Who holds the number, to a user who may read that household; to anyone else only that
    it is taken, since a form must not reveal another township's registry."""
    if not Person.objects.visible_to(user).filter(pk=holder.pk).exists():
        return _("This ID number is already registered in another township.")
    return id_number_taken_message(holder)


def id_number_taken_message(holder: Person) -> str:
    """The holder named in full: only for a user who may read the holder's household."""
    household = holder.household
    return _(
        "This ID number is already registered to %(name)s of household %(number)s "
        "(%(head)s, %(village)s, %(township)s)."
    ) % {
        "name": holder.name,
        "number": household.number,
        "head": household.head_name,
        "village": household.village,
        "township": household.township.name,
    }


def person_apply_id_number(person: Person, *, user) -> list[str]:
    """Validate and normalise person.id_number, deriving sex and birth date. Returns warnings."""
    try:
        parsed = parse_id_number(person.id_number, today=clock.today())
    except ValidationError as exc:
        raise ValidationError({"id_number": exc.messages}) from None
    if not person.archived:
        holder = id_number_holder(parsed.number, exclude_pk=person.pk)
        if holder is not None:
            raise ValidationError({"id_number": id_number_refusal(holder, user=user)})
    person.id_number = parsed.number
    person.sex = parsed.sex
    person.birth_date = parsed.birth_date
    return parsed.warnings


def _require_township(user, township: Unit):
    if not can_edit_township(user, township):
        raise PermissionDenied


@transaction.atomic
def household_save(*, user, household: Household) -> Household:
    _require_township(user, household.township)
    if household.pk:
        stored = Household.objects.select_for_update().get(pk=household.pk)
        _require_township(user, stored.township)
    elif not household.number:
        household.number = household_next_number(household.township)
    household.full_clean()
    household.save()
    return household


def household_next_number(township: Unit) -> str:
    numbers = Household.objects.filter(township=township).values_list("number", flat=True)
    highest = max((int(n) for n in numbers if n.isdigit()), default=0)
    return f"{highest + 1:04d}"


@transaction.atomic
def household_archive(*, user, household: Household, archived: bool = True) -> Household:
    _require_township(user, household.township)
    household.archived = archived
    household.save(update_fields=["archived", "updated_at"])
    # Archiving a household archives its persons, which frees their ID numbers.
    for person in household.persons.filter(archived=not archived):
        person.archived = archived
        if not archived:
            person_apply_id_number(person, user=user)
        person.save(update_fields=["archived"])
    return household


@transaction.atomic
def person_save(*, user, person: Person, categories=None, priority_marks=None) -> list[str]:
    _require_township(user, person.household.township)
    if person.household.archived and not person.archived:
        raise ValidationError(
            _("This household is archived: restore it before adding or changing its persons.")
        )
    warnings = person_apply_id_number(person, user=user)
    person.full_clean(validate_unique=False, validate_constraints=False)
    person.save()
    if categories is not None:
        person.categories.set(categories)
    if priority_marks is not None:
        person.priority_marks.set(priority_marks)
    return warnings


def persons_log_full_view(*, user, persons) -> None:
    """Each time a page shows persons' full ID numbers or phones, who saw whose."""
    IdNumberView.objects.bulk_create([IdNumberView(user=user, person=p) for p in persons])


def _check_findings(subject_about: str, findings: list[dict]) -> None:
    if not findings:
        raise ValidationError(_("Record at least one finding."))
    seen = set()
    for finding in findings:
        topic: Topic = finding["topic"]
        if topic.about != subject_about:
            raise ValidationError(
                _("Topic %(number)s is not asked of this kind of visit.") % {"number": topic.number}
            )
        if topic.pk in seen:
            raise ValidationError(
                _("Topic %(number)s appears twice; record one finding per topic.")
                % {"number": topic.number}
            )
        seen.add(topic.pk)


@transaction.atomic
def visit_record(
    *,
    user,
    township: Unit,
    visited_on: date,
    visitors: str,
    findings: list[dict],
    household: Household | None = None,
    garrison: Unit | None = None,
    notes: str = "",
) -> Visit:
    """findings: dicts with topic, text, needs_action and, for topic 4, policies_done and
    policies_missing."""
    _require_township(user, township)
    if household is not None and household.township_id != township.pk:
        raise PermissionDenied
    if visited_on > clock.today():
        raise ValidationError({"visited_on": _("A visit cannot be dated in the future.")})
    visit = Visit(
        township=township,
        household=household,
        garrison=garrison,
        visited_on=visited_on,
        visitors=visitors,
        notes=notes,
        created_by=user,
    )
    visit.full_clean()
    _check_findings(visit.about, findings)
    visit.save()
    for data in findings:
        finding = Finding(
            visit=visit,
            topic=data["topic"],
            text=data["text"],
            needs_action=data.get("needs_action", False),
        )
        finding.full_clean()
        finding.save()
        finding.policies_done.set(data.get("policies_done", []))
        finding.policies_missing.set(data.get("policies_missing", []))
    return visit
