from datetime import date

from django.core.exceptions import EmptyResultSet, PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from campaign import clock
from campaign.access import county_in_view_id
from campaign.fields import hash_of
from campaign.lists import list_values_check
from campaign.models import Topic, Unit
from campaign.record_campaign import campaign_of_new_record, check_in_window
from outreach import access as outreach_access
from outreach.access import can_edit_township
from outreach.idnumbers import parse_id_number
from outreach.models import Finding, Household, IdNumberView, Person, Policy, Visit


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
    # Read under a lock: anonymise_expired may have reduced it since the page was opened.
    stored = Household.objects.select_for_update().get(pk=household.pk)
    if stored.anonymised_on is not None or household.anonymised_on is not None:
        # Its names and numbers are gone: restored, it would be a household of nobody.
        raise ValidationError(
            _(
                "This household's personal details were removed after the retention period; "
                "it cannot be restored."
            )
        )
    # The retention period runs from the day of the last archiving; archiving twice (a form
    # sent again) does not move that day.
    archived_on = None
    if archived:
        archived_on = stored.archived_on if stored.archived else clock.today()
    household.archived, household.archived_on = archived, archived_on
    household.save(update_fields=["archived", "archived_on", "updated_at"])
    # Archiving a household archives its persons, which frees their ID numbers.
    for person in household.persons.filter(archived=not archived):
        person.archived, person.archived_on = archived, archived_on
        if not archived:
            person_apply_id_number(person, user=user)
        person.save(update_fields=["archived", "archived_on"])
    return household


@transaction.atomic
def person_save(*, user, person: Person, categories=None, priority_marks=None) -> list[str]:
    _require_township(user, person.household.township)
    if person.anonymised_on is not None:
        raise ValidationError(
            _("This person's personal details were removed after the retention period.")
        )
    if person.household.archived and not person.archived:
        raise ValidationError(
            _("This household is archived: restore it before adding or changing its persons.")
        )
    county_id = person.household.township.area_id
    chosen = {}
    for name, values in (("categories", categories), ("priority_marks", priority_marks)):
        if values is not None:
            field = getattr(Person, name).field
            held = getattr(person, name).values_list("pk", flat=True) if person.pk else ()
            chosen[name] = list_values_check(
                field.related_model, values, county_id=county_id, held=held
            )
    warnings = person_apply_id_number(person, user=user)
    person.full_clean(validate_unique=False, validate_constraints=False)
    person.save()
    for name, values in chosen.items():
        getattr(person, name).set(values)
    return warnings


LINK_BATCH = 2000


def persons_log_full_view(*, user, persons, source=IdNumberView.Source.HOUSEHOLD_PAGE) -> None:
    """Each time a page shows persons' full ID numbers or phones, who saw whose."""
    county = county_in_view_id(user)
    IdNumberView.objects.bulk_create(
        [
            IdNumberView(
                user=user,
                person=p,
                county_id=county or p.household.township.area_id,
                kind=IdNumberView.Kind.VIEW,
                source=source,
            )
            for p in persons
        ]
    )


def log_personal_file(*, user, kind, source, person_ids, count=None, county_id=None):
    """A file (or printed batch) with persons' details left the registry, or came into it:
    one log row, linked to every person it named. `person_ids` is a queryset of person ids
    (`.values("pk")`), linked in one INSERT … SELECT whatever its size, so a 20,000-row export
    costs the same three queries as a one-row one; or ids already in memory (an import's),
    linked in batches."""
    county = county_id or county_in_view_id(user)
    if county is None:
        # A user outside every county (a superuser at the command line) names no county's
        # records here; nothing was read through the app.
        return None
    look = IdNumberView.objects.create(
        user=user, county_id=county, kind=kind, source=source, count=count or 0
    )
    link = IdNumberView.persons.through
    if isinstance(person_ids, QuerySet):
        linked = _link_selected(look, person_ids.values("pk").order_by())
    else:
        ids = sorted(set(person_ids))
        for start in range(0, len(ids), LINK_BATCH):
            link.objects.bulk_create(
                [
                    link(idnumberview_id=look.pk, person_id=pk)
                    for pk in ids[start : start + LINK_BATCH]
                ]
            )
        linked = len(ids)
    if count is None:
        look.count = linked
        look.save(update_fields=["count"])
    return look


def _link_selected(look, persons) -> int:
    link = IdNumberView.persons.through._meta
    quote = connection.ops.quote_name
    try:
        select, params = persons.query.sql_with_params()
    except EmptyResultSet:  # no households to name, e.g. an empty ledger
        return 0
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(link.db_table)} "
            f"({quote('idnumberview_id')}, {quote('person_id')}) "
            f"SELECT %s, chosen.* FROM ({select}) AS chosen",
            [look.pk, *params],
        )
        return cursor.rowcount


def persons_of_households(households) -> QuerySet:
    """The ids of every person of these households (household ids, or a queryset of them)."""
    return Person.objects.filter(household__in=households).values("pk")


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
    township: Unit | None,
    visited_on: date,
    visitors: str,
    findings: list[dict],
    household: Household | None = None,
    garrison: Unit | None = None,
    notes: str = "",
    kind: str = Visit.Kind.VISIT,
) -> Visit:
    """findings: dicts with topic, text, needs_action and, for the policy-check topic,
    policies_done and policies_missing. township: the one whose survey the visit counts for;
    a garrison visit may leave it out and count for the visiting unit alone."""
    if household is not None:
        if township is None or household.township_id != township.pk:
            raise PermissionDenied
        if not outreach_access.can_visit_household(user, household):
            raise PermissionDenied
    elif township is not None:
        _require_township(user, township)
    elif kind == Visit.Kind.SELF_REPORTED:
        if not (outreach_access.registers_needs(user) and garrison == user.unit):
            raise PermissionDenied
    elif not outreach_access.can_visit_garrisons(user):
        raise PermissionDenied
    unit = user.unit if user.unit_id else township
    if unit is None:
        raise ValidationError(_("Choose the township whose survey this visit counts for."))
    subject = household.township if household is not None else garrison
    if subject is None or subject.area_id != unit.area_id:
        raise PermissionDenied  # another county's household or garrison
    if visited_on > clock.today():
        raise ValidationError({"visited_on": _("A visit cannot be dated in the future.")})
    # A second visit by the same unit to the same household on the same day is the first one
    # saved twice (a double tap, a send repeated by a phone); another unit's visit that day is
    # its own and stands.
    if (
        household is not None
        and Visit.objects.filter(household=household, unit=unit, visited_on=visited_on).exists()
    ):
        raise ValidationError(
            {
                "visited_on": _("A visit to this household on %(date)s is already recorded.")
                % {"date": visited_on.isoformat()}
            }
        )
    campaign = campaign_of_new_record(user=user, county_id=unit.area_id)
    check_in_window(campaign, field="visited_on", day=visited_on)
    visit = Visit(
        campaign=campaign,
        kind=kind,
        unit=unit,
        township=township,
        household=household,
        garrison=garrison,
        visited_on=visited_on,
        visitors=visitors,
        notes=notes,
        created_by=user,
    )
    visit.full_clean()
    if any(f["topic"].campaign.county_id != unit.area_id for f in findings):
        raise PermissionDenied  # a topic of another county's campaign
    _check_findings(visit.about, findings)
    for data in findings:
        for key in ("policies_done", "policies_missing"):
            data[key] = list_values_check(Policy, data.get(key, ()), county_id=unit.area_id)
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
