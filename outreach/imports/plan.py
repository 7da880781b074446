"""Checking the rows of an upload against the township's registry: what confirming would
create, change or leave alone, and every error by row and column. Nothing here writes."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from campaign.fields import hash_of
from campaign.models import Unit
from jobs.progress import NoProgress
from outreach.idnumbers import mask_phone
from outreach.imports.layout import BY_KEY, GRADE_LABELS, NO, SEPARATOR, YES
from outreach.imports.reading import Sheet
from outreach.imports.rows import (
    HOUSEHOLD_FIELDS,
    PERSON_FIELDS,
    Change,
    Lists,
    RowPlan,
    parse_row,
)
from outreach.models import HonourPlaque, Household, Person, PlaqueEvent
from outreach.plaques import plaque_check, plaque_type_for
from outreach.services import id_number_taken_message

BLANK = "（空）"


@dataclass
class ImportPlan:
    township: Unit
    rows: list[RowPlan]
    new_households: list[Household] = field(default_factory=list)
    changed_households: dict[str, tuple[Household, set]] = field(default_factory=dict)
    households: dict[str, Household] = field(default_factory=dict)  # number -> saved household
    new_persons: list[tuple[Person, str, set, set]] = field(default_factory=list)
    changed_persons: list[tuple[Person, set, set | None, set | None]] = field(default_factory=list)
    new_plaques: dict[str, tuple[date, str]] = field(default_factory=dict)  # number -> (on, type)

    @property
    def errors(self) -> list[tuple[int, str, str]]:
        return [(row.number, column, text) for row in self.rows for column, text in row.errors]

    @property
    def warnings(self) -> list[tuple[int, str, str]]:
        return [(row.number, column, text) for row in self.rows for column, text in row.warnings]

    @property
    def has_errors(self) -> bool:
        return any(row.errors for row in self.rows)

    def rows_with(self, status: str) -> list[RowPlan]:
        return [row for row in self.rows if row.status == status]

    @property
    def counts(self) -> dict[str, int]:
        statuses = [row.status for row in self.rows]
        return {
            "rows": len(self.rows),
            # Only what would be created: a household whose own row has an error is not.
            "households_new": sum(1 for row in self.rows if row.new_household and not row.errors),
            "households_changed": len(self.changed_households),
            "persons_new": statuses.count("create"),
            "persons_changed": len(self.changed_persons),
            "plaques_new": len(self.new_plaques),
            "rows_changed": statuses.count("update"),
            "unchanged": statuses.count("unchanged"),
            "error_rows": statuses.count("error"),
            "errors": sum(len(row.errors) for row in self.rows),
            "warnings": sum(len(row.warnings) for row in self.rows),
        }


def plan_import(
    sheet: Sheet, *, township: Unit, for_update: bool = False, progress=None
) -> ImportPlan:
    """for_update locks the matched rows: set it when the plan is about to be written.
    progress (jobs.progress) counts each row twice: read, then matched."""
    progress = progress or NoProgress()
    lists = Lists(township.area_id)
    parsed = []
    for row in sheet.rows:
        parsed.append(parse_row(row, lists))
        progress.advance()
    plan = ImportPlan(township=township, rows=parsed)
    _check_duplicate_ids(plan.rows)

    numbers = {row.household_number for row in plan.rows if row.household_number}
    households = Household.objects.filter(township=township, number__in=numbers)
    ids = {row.id_number for row in plan.rows if row.id_number}
    holders = (
        Person.objects.active()
        .filter(id_number_hash__in={hash_of(number) for number in ids})
        .select_related("household__township")
        .prefetch_related("categories", "priority_marks")
    )
    if for_update:
        households = households.select_for_update()
        holders = holders.select_for_update(of=("self",))
    plan.households = {h.number: h for h in households}
    holders = {person.id_number: person for person in holders}

    by_household = defaultdict(list)
    for row in plan.rows:
        if row.household_number:
            by_household[row.household_number].append(row)
    for number, rows in by_household.items():
        _plan_household(plan, number, rows)
    for row in plan.rows:
        if "id_number" in row.person_data:
            _plan_person(plan, row, holders.get(row.id_number), lists)
        progress.advance()
    _plan_plaques(plan, by_household, lists)
    return plan


def _check_duplicate_ids(rows: list[RowPlan]) -> None:
    by_number = defaultdict(list)
    for row in rows:
        if row.id_number:
            by_number[row.id_number].append(row)
    for same in by_number.values():
        if len(same) > 1:
            numbers = SEPARATOR.join(str(row.number) for row in same)
            for row in same:
                row.error(
                    "id_number",
                    _("The same ID number is in rows %(rows)s; each person may appear once.")
                    % {"rows": numbers},
                )


def _plan_household(plan: ImportPlan, number: str, rows: list[RowPlan]) -> None:
    given, first_seen = {}, {}
    for row in rows:
        for model_field, value in row.household_data.items():
            if model_field not in given:
                given[model_field], first_seen[model_field] = value, row.number
            elif given[model_field] != value:
                key = HOUSEHOLD_FIELDS[model_field]
                row.error(
                    key,
                    _("Differs from row %(row)s of the same household (%(value)s).")
                    % {"row": first_seen[model_field], "value": _shown(key, given[model_field])},
                )
    first = rows[0]
    household = plan.households.get(number)
    if household is None:
        for key in ("head_name", "village"):
            if key not in given:
                first.error(
                    key,
                    _("A new household needs this; fill it in on one of its rows."),
                )
        household = Household(township=plan.township, number=number, **given)
        _full_clean(first, household, HOUSEHOLD_FIELDS | {"number": "number"}, ["township"])
        plan.new_households.append(household)
        plan.households[number] = household
        first.new_household = True
        return
    if household.archived:
        for row in rows:
            row.error(
                "number",
                _("Household %(number)s is archived; restore it first or use another number.")
                % {"number": number},
            )
        return
    changed = set()
    for model_field, value in given.items():
        old = getattr(household, model_field)
        if old != value:
            key = HOUSEHOLD_FIELDS[model_field]
            first.changes.append(Change(BY_KEY[key].header, _shown(key, old), _shown(key, value)))
            setattr(household, model_field, value)
            changed.add(model_field)
    if changed:
        _full_clean(first, household, HOUSEHOLD_FIELDS, ["township"])
        plan.changed_households[number] = (household, changed)


def _plan_person(plan: ImportPlan, row: RowPlan, holder: Person | None, lists: Lists) -> None:
    household = plan.households.get(row.household_number)
    if household is None:  # the household itself was refused
        return
    if holder is not None and holder.household.township_id != plan.township.pk:
        row.error("id_number", _("This ID number is already registered in another township."))
        return
    if holder is not None and holder.household.number != row.household_number:
        row.error("id_number", id_number_taken_message(holder))
        return
    data = row.person_data
    if holder is None:
        person = Person(household=household if household.pk else None, **data)
        _full_clean(row, person, PERSON_FIELDS, ["household"])
        row.new_person = True
        plan.new_persons.append(
            (person, row.household_number, row.categories or set(), row.priority_marks or set())
        )
        return
    person, changed = holder, set()
    for model_field, key in PERSON_FIELDS.items():
        if model_field in data and getattr(person, model_field) != data[model_field]:
            row.changes.append(
                Change(
                    BY_KEY[key].header,
                    _shown(key, getattr(person, model_field)),
                    _shown(key, data[model_field]),
                )
            )
            setattr(person, model_field, data[model_field])
            changed.add(model_field)
    new_sets = []
    for key, chosen, known in (
        ("categories", row.categories, lists.categories),
        ("priority_marks", row.priority_marks, lists.marks),
    ):
        current = {item.pk for item in getattr(person, key).all()}
        if chosen is None or chosen == current:
            new_sets.append(None)
            continue
        names = {item.pk: item.name for item in known.values()}
        row.changes.append(
            Change(
                BY_KEY[key].header,
                SEPARATOR.join(names[pk] for pk in sorted(current) if pk in names) or BLANK,
                SEPARATOR.join(names[pk] for pk in sorted(chosen)) or BLANK,
            )
        )
        new_sets.append(chosen)
    if changed:
        _full_clean(row, person, PERSON_FIELDS, ["household"])
    if changed or any(s is not None for s in new_sets):
        plan.changed_persons.append((person, changed, *new_sets))


def _plan_plaques(plan: ImportPlan, by_household: dict, lists: Lists) -> None:
    """A date in 光荣牌悬挂日期 issues the household's plaque through the register's rules; a
    plaque the register already holds is left as the register has it."""
    header = BY_KEY["plaque_hung_on"].header
    dated = {}
    for number, rows in by_household.items():
        household = plan.households.get(number)
        if household is None or household.archived:
            continue
        first = None
        for row in rows:
            if row.plaque_hung_on is None:
                continue
            if first is None:
                first = row
            elif row.plaque_hung_on != first.plaque_hung_on:
                row.error(
                    "plaque_hung_on",
                    _("Differs from row %(row)s of the same household (%(value)s).")
                    % {"row": first.number, "value": first.plaque_hung_on.isoformat()},
                )
        if first is not None:
            dated[number] = (first, rows)
    if not dated:
        return
    registered = [plan.households[number].pk for number in dated if plan.households[number].pk]
    plaques = {p.household_id: p for p in HonourPlaque.objects.filter(household_id__in=registered)}
    living = defaultdict(set)
    members = Person.objects.filter(
        household_id__in=registered, archived=False, deceased=False
    ).values_list("household_id", "categories__code")
    for household_id, code in members:
        if code:
            living[household_id].add(code)
    codes = {category.pk: category.code for category in lists.categories.values()}
    for number, (row, rows) in dated.items():
        household, hung_on = plan.households[number], row.plaque_hung_on
        plaque = plaques.get(household.pk)
        if plaque is not None:
            if plaque.hung_on != hung_on:
                row.warnings.append(
                    (
                        header,
                        _(
                            "The plaque register has this household's plaque first hung on "
                            "%(registered)s; the file's %(given)s is not taken. Correct it in "
                            "the plaque record if it is wrong."
                        )
                        % {"registered": plaque.hung_on.isoformat(), "given": hung_on.isoformat()},
                    )
                )
            continue
        held = set(living[household.pk]) if household.pk else set()
        for member in rows:
            if not member.person_data.get("deceased"):
                held |= {codes[pk] for pk in member.categories or () if pk in codes}
        kind = plaque_type_for(held)
        if kind is None:
            row.error(
                "plaque_hung_on",
                _(
                    "A plaque is issued only to a household with a martyr's family, a serving "
                    "soldier's family or a veteran among its living members; none of this "
                    "household's persons has such a category."
                ),
            )
            continue
        try:
            plaque_check(plaque=None, last_on=None, kind=PlaqueEvent.Kind.ISSUED, on=hung_on)
        except ValidationError as exc:
            for message in exc.messages:
                row.error("plaque_hung_on", message)
            continue
        plan.new_plaques[number] = (hung_on, kind)
        if household.pk:
            row.changes.append(Change(header, BLANK, hung_on.isoformat()))


def _full_clean(row: RowPlan, obj, fields: dict, exclude: list) -> None:
    """The model's own checks, as a net under the ones above; each error lands on its column."""
    try:
        obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        for model_field, messages in exc.message_dict.items():
            key = fields.get(model_field)
            header = BY_KEY[key].header if key else ""
            if any(column == header for column, _message in row.errors):
                continue  # already told, in our own words
            for message in messages:
                row.error(key, message)


def _shown(key: str, value) -> str:
    if value in (None, ""):
        return BLANK
    if key in ("phone", "household_phone"):
        return mask_phone(value)
    if key == "relation":
        return str(Person.Relation(value).label)
    if key == "disability_nature":
        return str(Person.DisabilityNature(value).label)
    if key == "disability_grade":
        return GRADE_LABELS[value]
    if key == "deceased":
        return YES if value else NO
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
