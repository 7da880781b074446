"""Reading one row of the sheet: each cell cleaned into what the registry stores, and the
errors of the cells themselves. Matching the rows against the registry is outreach.imports.plan."""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from campaign import clock
from outreach.idnumbers import mask_id_number, parse_id_number
from outreach.imports.cells import (
    UnsavedFormula,
    cell_code,
    cell_date,
    cell_grade,
    cell_name,
    cell_names,
    cell_text,
)
from outreach.imports.layout import BY_KEY, NO, SEPARATOR, YES, nature_labels, relation_labels
from outreach.imports.reading import SheetRow
from outreach.models import BeneficiaryCategory, Household, Person, PriorityMark

# Model field -> column, for household and person fields that share a name.
HOUSEHOLD_FIELDS = {
    "head_name": "head_name",
    "village": "village",
    "address": "address",
    "phone": "household_phone",
    "notes": "notes",
}
PERSON_FIELDS = {
    "name": "name",
    "relation": "relation",
    "disability_grade": "disability_grade",
    "disability_nature": "disability_nature",
    "phone": "phone",
    "deceased": "deceased",
}


@dataclass
class Change:
    column: str
    old: str
    new: str


@dataclass
class RowPlan:
    number: int
    values: dict
    household_number: str = ""
    name: str = ""
    id_number: str = ""
    errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    new_household: bool = False  # this row is the first of a household the import creates
    new_person: bool = False
    # cleaned values, only for the cells that were filled in
    household_data: dict = field(default_factory=dict)
    person_data: dict = field(default_factory=dict)
    categories: set | None = None
    priority_marks: set | None = None
    plaque_hung_on: date | None = None

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)

    def error(self, key: str | None, message: str) -> None:
        self.errors.append((BY_KEY[key].header if key else "", message))

    @property
    def status(self) -> str:
        if self.errors:
            return "error"
        if self.new_person:
            return "create"
        return "update" if self.changes else "unchanged"


class Lists:
    """The labels a cell may hold, each mapped to what is stored: the county's values that
    its forms offer."""

    def __init__(self, county_id):
        self.relations = {cell_code(label): value for value, label in Person.Relation.choices}
        self.natures = {cell_code(label): value for value, label in Person.DisabilityNature.choices}
        categories = BeneficiaryCategory.objects.filter(county_id=county_id).offered()
        marks = PriorityMark.objects.filter(county_id=county_id).offered()
        self.categories = {cell_code(c.name): c for c in categories}
        self.marks = {cell_code(m.name): m for m in marks}


def parse_row(source: SheetRow, lists: Lists) -> RowPlan:
    row = RowPlan(number=source.number, values=source.values)
    unsaved = [key for key, value in source.values.items() if isinstance(value, UnsavedFormula)]
    for key in unsaved:
        row.error(
            key,
            _(
                "This cell holds a formula whose result was not saved in the file, so there is "
                "nothing to read. In Excel or WPS, copy the columns and paste them back as values "
                "only (Paste Special, Values), save the file and upload it again."
            ),
        )
    cells = {key: None if key in unsaved else value for key, value in source.values.items()}
    row.household_number = cell_code(cells["number"])
    row.name = cell_name(cells["name"])

    for key in ("number", "name", "relation"):
        if key not in unsaved and not cell_text(cells[key]):
            row.error(key, _("This cell must be filled in."))
    if "id_number" not in unsaved:
        _read_id_number(row, cells["id_number"])

    row.plaque_hung_on = _read_plaque_date(row, cells["plaque_hung_on"])
    for model_field, key in HOUSEHOLD_FIELDS.items():
        if not cell_text(cells[key]):
            continue
        if key == "household_phone":
            value = cell_code(cells[key])
        elif key == "head_name":
            value = cell_name(cells[key])
        else:
            value = cell_text(cells[key])
        row.household_data[model_field] = value
    for model_field, key in PERSON_FIELDS.items():
        if not cell_text(cells[key]):
            continue
        text = cell_code(cells[key])
        if key == "name":
            value = cell_name(cells[key])
        elif key == "phone":
            value = text
        elif key == "relation":
            value = lists.relations.get(text)
            if value is None:
                row.error(
                    key,
                    _("“%(value)s” is not one of the choices: %(choices)s.")
                    % {"value": text, "choices": SEPARATOR.join(relation_labels())},
                )
                continue
        elif key == "disability_nature":
            value = lists.natures.get(text)
            if value is None:
                row.error(
                    key,
                    _("“%(value)s” is not one of the choices: %(choices)s.")
                    % {"value": text, "choices": SEPARATOR.join(nature_labels())},
                )
                continue
        elif key == "disability_grade":
            try:
                value = cell_grade(cells[key])
            except ValueError as exc:
                row.error(key, str(exc))
                continue
        elif isinstance(cells[key], bool):  # deceased, typed as TRUE / FALSE
            value = cells[key]
        else:  # deceased
            if text not in (YES, NO):
                row.error(
                    key,
                    _("Write %(yes)s or %(no)s, not “%(value)s”.")
                    % {"yes": YES, "no": NO, "value": text},
                )
                continue
            value = text == YES
        row.person_data[model_field] = value
    row.categories = _read_names(row, "categories", cells, lists.categories)
    row.priority_marks = _read_names(row, "priority_marks", cells, lists.marks)
    _check_lengths(row)
    return row


def _read_plaque_date(row: RowPlan, value) -> date | None:
    """When the household's honour plaque was hung; the plan hands it to the plaque register."""
    if not cell_text(value):
        return None
    try:
        hung_on = cell_date(value)
    except ValueError as exc:
        row.error("plaque_hung_on", str(exc))
        return None
    if hung_on > clock.today():
        row.error(
            "plaque_hung_on", _("%(date)s lies in the future.") % {"date": hung_on.isoformat()}
        )
        return None
    return hung_on


def _read_id_number(row: RowPlan, value) -> None:
    if isinstance(value, int | float):
        row.error(
            "id_number",
            _(
                "Excel has stored this ID number as a number, which loses its last digits. "
                "Format the column as text and type the number again."
            ),
        )
        return
    text = cell_code(value)
    if not text:
        row.error("id_number", _("This cell must be filled in."))
        return
    try:
        parsed = parse_id_number(text, today=clock.today())
    except ValidationError as exc:
        row.id_number = text.upper()  # still compared for duplicates within the file
        for message in exc.messages:
            row.error("id_number", message)
        return
    row.id_number = parsed.number
    row.person_data["id_number"] = parsed.number
    row.person_data["sex"] = parsed.sex
    row.person_data["birth_date"] = parsed.birth_date
    for warning in parsed.warnings:
        row.warnings.append((BY_KEY["id_number"].header, warning))


def _read_names(row: RowPlan, key: str, cells: dict, known: dict) -> set | None:
    if not cell_text(cells[key]):
        return None
    chosen, unknown = set(), []
    for name in cell_names(cells[key]):
        if name in known:
            chosen.add(known[name].pk)
        else:
            unknown.append(name)
    if unknown:
        row.error(
            key,
            _(
                "Not in the list: %(names)s. Use the names offered in the template, several "
                "separated by %(separator)s."
            )
            % {"names": SEPARATOR.join(unknown), "separator": SEPARATOR},
        )
    return chosen


def _check_lengths(row: RowPlan) -> None:
    for data, model, fields in (
        (row.household_data, Household, HOUSEHOLD_FIELDS),
        (row.person_data, Person, PERSON_FIELDS),
        ({"number": row.household_number}, Household, {"number": "number"}),
    ):
        for model_field, key in fields.items():
            limit = model._meta.get_field(model_field).max_length
            value = data.get(model_field)
            if limit and isinstance(value, str) and len(value) > limit:
                row.error(
                    key,
                    _("At most %(max)s characters; this has %(count)s.")
                    % {"max": limit, "count": len(value)},
                )
