"""个人信息查阅: everything the registry holds about one person, handed to them on request as
one workbook: the person, the household, the visits to it and their findings, its plaque, the
history of the person's record, and what the apps above add (the ledger's cases) through
`SECTIONS`, which they fill in their AppConfig.ready()."""

import tempfile
from collections.abc import Callable
from dataclasses import dataclass

from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from campaign import watermark
from campaign.xlsx import cell, header_row
from outreach.models import Finding, HonourPlaque, Person, PlaqueEvent, Visit

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Section:
    title: str
    headers: list[str]
    rows: list[list]


# (person) -> Section, added by the apps above outreach.
SECTIONS: list[Callable[[Person], Section]] = []


def _yes(value: bool) -> str:
    return _("yes") if value else _("no")


def person_section(person: Person) -> Section:
    rows = [
        [_("full name"), person.name],
        [_("ID number"), person.id_number],
        [_("Sex"), person.get_sex_display()],
        [_("Birth date"), person.birth_date],
        [_("Relation"), person.get_relation_display()],
        [_("Categories"), "、".join(c.name for c in person.categories.all())],
        [_("Priority-care marks"), "、".join(m.name for m in person.priority_marks.all())],
        [
            _("Disability"),
            f"{person.get_disability_grade_display() or ''} "
            f"{person.get_disability_nature_display() or ''}".strip(),
        ],
        [_("Phone"), person.phone],
        [_("Deceased"), _yes(person.deceased)],
        [_("Archived"), _yes(person.archived)],
    ]
    return Section(_("Person"), [_("Item"), _("Content")], rows)


def household_section(person: Person) -> Section:
    household = person.household
    rows = [
        [_("Township"), household.township.name],
        [_("Household number"), household.number],
        [_("Head of household"), household.head_name],
        [_("Village / community"), household.village],
        [_("Address"), household.address],
        [_("Phone"), household.phone],
        [_("Notes"), household.notes],
        [_("Archived"), _yes(household.archived)],
    ]
    return Section(_("Household"), [_("Item"), _("Content")], rows)


def visits_section(person: Person) -> Section:
    findings = (
        Finding.objects.filter(visit__household=person.household_id)
        .select_related("visit", "topic")
        .order_by("visit__visited_on", "visit_id", "topic__number")
    )
    rows = [
        [
            f.visit.visited_on,
            f.visit.visitors,
            f"{f.topic.number} {f.topic.name}",
            f.text,
            _yes(f.needs_action),
        ]
        for f in findings
    ]
    bare = Visit.objects.filter(household=person.household_id, findings__isnull=True)
    rows += [[v.visited_on, v.visitors, "", v.notes, ""] for v in bare]
    headers = [_("Visited on"), _("Visitors"), _("Topic"), _("Finding"), _("Needs action")]
    return Section(_("Visits and findings"), headers, rows)


def plaques_section(person: Person) -> Section:
    plaque = HonourPlaque.objects.filter(household=person.household_id).first()
    rows = []
    if plaque is not None:
        rows.append(
            [plaque.hung_on, plaque.get_type_display(), plaque.get_status_display(), plaque.basis]
        )
        for event in PlaqueEvent.objects.filter(plaque=plaque).order_by("on", "pk"):
            rows.append([event.on, event.get_kind_display(), "", event.reason])
    headers = [_("Date"), _("What"), _("Status"), _("Basis or reason")]
    return Section(_("Honour plaque"), headers, rows)


def history_section(person: Person) -> Section:
    labels = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
    rows = [
        [
            timezone.localtime(h.history_date).replace(tzinfo=None),
            labels.get(h.history_type, h.history_type),
            h.name,
            h.id_number,
            h.phone,
            h.get_relation_display(),
            _yes(h.archived),
            h.history_change_reason or "",
        ]
        for h in person.history.order_by("history_date", "history_id")
    ]
    headers = [
        _("When"),
        _("What"),
        _("full name"),
        _("ID number"),
        _("Phone"),
        _("Relation"),
        _("Archived"),
        _("Reason"),
    ]
    return Section(_("History of the record"), headers, rows)


def sections(person: Person) -> list[Section]:
    own = [person_section, household_section, visits_section, plaques_section, history_section]
    return [build(person) for build in [*own[:3], *SECTIONS, *own[3:]]]


def write_person_copy(person: Person, handle, *, reader: str = "") -> None:
    workbook = Workbook(write_only=True)
    watermark.mark_workbook(workbook, reader)
    for section in sections(person):
        sheet = workbook.create_sheet(section.title[:31])
        watermark.mark_sheet(sheet, reader)
        title = _("%(name)s: %(what)s") % {"name": person.name, "what": section.title}
        sheet.append([cell(sheet, f"{title}　{reader}" if reader else title, border=None)])
        sheet.append(header_row(sheet, section.headers))
        for row in section.rows:
            sheet.append([cell(sheet, value) for value in row])
    workbook.save(handle)


def person_copy_response(person: Person, *, reader: str = "") -> FileResponse:
    handle = tempfile.TemporaryFile()
    write_person_copy(person, handle, reader=reader)
    handle.seek(0)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"个人信息-{person.name}-{timezone.localdate():%Y%m%d}.xlsx",
        content_type=CONTENT_TYPE,
    )
