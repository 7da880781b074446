"""The year-end workbook (年度报表) the office hands the province: eight sheets, plus the changes
made after sign-off once a year is signed off. Written row by row (reports.sheets); the ledger
sheet streams its rows from the database, so memory stays flat however long the ledger is."""

import re

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from campaign.models import FiveOnesItem, SpecialAction, Topic, Unit
from grievances.models import CaseEvent, Status
from jobs.progress import NoProgress
from reports.figures import GRADE_LABELS, INDICATOR_LABELS, summary_rows
from reports.ledger import changes_after_sign_off, frozen_values, ledger_values
from reports.models import AssessmentItem, FrozenLedgerRow
from reports.report import YearReport
from reports.services import ledger_rows_for
from reports.sheets import (
    DATE,
    DECIMAL,
    INTEGER,
    MONEY,
    PERCENT,
    Column,
    OfficialSheet,
    SheetContext,
    chinese_date,
    official_workbook,
)

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# The workbook's sections the pages keep current (reports.kept): read as kept when nothing has
# changed since, so the job does not compute again what the dashboard and progress pages hold.
KEPT_SECTIONS = ("summary", "progress")


def sheet_names() -> list[str]:
    return [
        _("Summary"),
        _("Progress by unit"),
        _("Seven special actions"),
        _("Problem ledger"),
        _("Activity statistics"),
        _("Beneficiary visits"),
        _("五个一"),
        _("Assessment"),
    ]


def write_yearend(
    report: YearReport,
    handle,
    *,
    preparer: str = "",
    cases=None,
    reader: str = "",
    progress=None,
) -> None:
    """Write the workbook for `report` to the binary file `handle`. `cases` limits the live
    ledger sheet to what the requesting user may see (the office and leaders see it all).
    `progress` (jobs.progress) counts a row per sheet and per ledger row."""
    progress = progress or NoProgress()
    with translation.override(settings.LANGUAGE_CODE):
        progress.stage(
            _("Writing the workbook"), total=len(sheet_names()) + _ledger_count(report, cases)
        )
        context = _context(report, preparer, reader)
        names = sheet_names()
        with official_workbook(handle, reader=reader) as workbook:
            _write_sheets(workbook, report, context, names, cases, progress)


def _write_sheets(workbook, report, context, names, cases, progress):
    def sheet(index, columns, what=None):
        title = _("%(county)s %(year)s: %(what)s") % {
            "county": report.county,
            "year": report.year,
            "what": what or names[index],
        }
        return OfficialSheet(
            workbook, name=names[index], title=title, context=context, columns=columns
        )

    _summary(sheet(0, summary_columns(), _("overall situation")), report)
    progress.advance()
    _progress(sheet(1, progress_columns()), report)
    progress.advance()
    _special_actions(sheet(2, special_columns()), report)
    progress.advance()
    _ledger(sheet(3, ledger_columns()), report, cases, progress)
    progress.advance()
    _activities(sheet(4, activity_columns(), _("activities by workstream and kind")), report)
    progress.advance()
    _coverage(sheet(5, coverage_columns(), _("visits to beneficiaries by township")), report)
    progress.advance()
    _five_ones(sheet(6, five_ones_columns(), _("五个一 of every unit")), report)
    progress.advance()
    _assessment(sheet(7, assessment_columns(), _("annual assessment")), report)
    progress.advance()
    if report.frozen:
        changes = OfficialSheet(
            workbook,
            name=_("Changed after sign-off"),
            title=_("%(county)s %(year)s: changes made after sign-off")
            % {"county": report.county, "year": report.year},
            context=context,
            columns=change_columns(),
        )
        _changes(changes, report, cases)


def yearend_filename(campaign, year: int) -> str:
    """The workbook's file name: the campaign's name (each campaign names its own) and the year."""
    return f"{file_safe(campaign.name)}-{year}年度报表.xlsx"


def file_safe(name: str) -> str:
    """A name as a file name: the characters file systems refuse become a dash."""
    return re.sub(r'[\\/:*?"<>|\s]+', "-", name).strip("-")


def _ledger_cases(report: YearReport, cases):
    queryset = ledger_rows_for(report.campaign, report.year)
    return queryset if cases is None else queryset.filter(pk__in=cases.values("pk"))


def _ledger_count(report: YearReport, cases) -> int:
    if report.frozen:
        return FrozenLedgerRow.objects.filter(sign_off=report.sign_off).count()
    return _ledger_cases(report, cases).count()


def _context(report: YearReport, preparer: str, reader: str = "") -> SheetContext:
    if report.frozen:
        signed = report.sign_off
        status = _(
            "Signed off on %(date)s by %(name)s: these figures are frozen as they stood then."
        ) % {"date": chinese_date(signed.as_of), "name": signed.signed_by.display_name}
        preparer = signed.signed_by.display_name
    else:
        status = _("Not signed off: the figures are as the ledger stands on the date above.")
    return SheetContext(
        county=report.county,
        year=report.year,
        office=report.office_name,
        as_of=report.as_of,
        status_line=status,
        preparer=preparer,
        reader=reader,
    )


def summary_columns():
    return [
        Column(_("No."), 6),
        Column(_("Item"), 34),
        Column(_("Figure"), 14, INTEGER),
        Column(_("Unit of count"), 12),
        Column(_("What it counts"), 70),
    ]


def _summary(sheet: OfficialSheet, report: YearReport):
    figures = report.section("summary")
    for number, row in enumerate(summary_rows(), start=1):
        value = figures.get(row.key)  # a year signed off before the figure existed has none
        sheet.row([number, row.label, value, row.unit, row.note], formats={2: row.format})
    sheet.signature()


def progress_columns():
    return [
        Column(_("No."), 6),
        Column(_("Unit"), 24),
        Column(_("Kind"), 10),
        Column(_("Households registered"), 10, INTEGER),
        Column(_("Households visited"), 10, INTEGER),
        Column(_("Share visited"), 10, PERCENT),
        Column(_("Registered in the year"), 10, INTEGER),
        Column(_("Carried in"), 10, INTEGER),
        Column(_("In hand"), 10, INTEGER),
        Column(_("Closed off (of those in hand)"), 10, INTEGER),
        Column(_("Overdue (of those in hand)"), 10, INTEGER),
        Column(_("On-time rate"), 12, PERCENT),
        Column(_("Average working days to close"), 14, DECIMAL),
        Column(_("Activities held"), 10, INTEGER),
        Column(_("五个一 in place (of 5)"), 12, INTEGER),
    ]


def progress_values(row: dict) -> list:
    return [
        row["households"],
        row["visited"],
        row["visited_pct"],
        row["cases"],
        row.get("carried_in"),  # none in a year signed off before it was counted
        row.get("in_hand"),
        row["closed"],
        row["overdue"],
        row["on_time_pct"],
        row["avg_workdays"],
        row["activities"],
        row["five_ones"],
    ]


def _progress(sheet: OfficialSheet, report: YearReport):
    data = report.section("progress")
    for number, row in enumerate(data["rows"], start=1):
        sheet.row([number, row["name"], str(Unit.Kind(row["kind"]).label), *progress_values(row)])
    total = data["total"]
    values = progress_values(total)
    values[-1] = f"{total['five_ones']}/{total['five_ones_possible']}"
    sheet.row(["", _("County total"), "", *values], total=True)
    sheet.note(in_hand_note(report.year))
    sheet.signature()


def in_hand_note(year: int) -> str:
    return _(
        "Registered in the year: the ledger rows of %(year)s a unit leads. Carried in: rows of "
        "earlier years not closed off by 1 January %(year)s. In hand: both. Closed off, overdue, "
        "on time and working days count the cases in hand; overdue is every case still being "
        "handled past its deadline, whatever its year."
    ) % {"year": year}


def special_columns():
    return [
        Column(_("No."), 6),
        Column(_("Special action (survey topic)"), 40),
        Column(_("About"), 12),
        Column(_("Problems found"), 12, INTEGER),
        Column(_("Put on the ledger"), 12, INTEGER),
        Column(_("Solved (closed off)"), 12, INTEGER),
        Column(_("Carried over to consolidation"), 14, INTEGER),
        Column(_("Solution rate"), 10, PERCENT),
        Column(_("lead unit"), 20),
        Column(_("status"), 10),
        Column(_("result achieved"), 40),
    ]


def _action_columns(action) -> list:
    """The record's lead unit, status and result as they stand when the workbook is made."""
    if action is None:
        return ["", "", ""]
    lead = action.lead_unit.name if action.lead_unit else ""
    return [lead, str(action.get_status_display()), action.result]


def _special_actions(sheet: OfficialSheet, report: YearReport):
    data = report.section("special_actions")
    actions = {
        action.topic_id: action
        for action in SpecialAction.objects.filter(topic__campaign=report.campaign).select_related(
            "lead_unit"
        )
    }
    for row in data["rows"]:
        sheet.row(
            [
                row["number"],
                row["name"],
                str(Topic.About(row["about"]).label),
                row["found"],
                row["on_ledger"],
                row["solved"],
                row["carried_over"],
                row["solved_pct"],
                *_action_columns(actions.get(row.get("topic_id"))),
            ]
        )
    t = data["total"]
    sheet.row(
        [
            "",
            _("Total"),
            "",
            t["found"],
            t["on_ledger"],
            t["solved"],
            t["carried_over"],
            t["solved_pct"],
            "",
            "",
            "",
        ],
        total=True,
    )
    sheet.signature()


def ledger_columns():
    return [
        Column(_("Ledger number"), 12),
        Column(_("Topic"), 20),
        Column(_("Subject"), 14),
        Column(_("Township"), 10),
        Column(_("Problem"), 36),
        Column(_("Measures"), 30),
        Column(_("Lead unit"), 16),
        Column(_("Responsible person"), 10),
        Column(_("Phone"), 14),
        Column(_("Registered on"), 12, DATE),
        Column(_("Deadline"), 12, DATE),
        Column(_("Status"), 10),
        Column(_("Result"), 28),
        Column(_("Closed off on"), 12, DATE),
    ]


def _ledger(sheet: OfficialSheet, report: YearReport, cases, progress):
    if report.frozen:
        rows = frozen_values(report.sign_off)
    else:
        rows = ledger_values(_ledger_cases(report, cases))
    labels = dict(Status.choices)
    count = 0
    for row in rows:
        sheet.row(
            [
                row["number"],
                row["topic"],
                row["subject"],
                row["township"],
                row["problem"],
                row["measures"],
                row["lead_unit"],
                row["responsible_person"],
                row["responsible_phone"],
                row["registered_on"],
                row["deadline"],
                str(labels.get(row["status"], row["status"])),
                row["result"],
                row["closed_on"],
            ]
        )
        count += 1
        progress.advance()
    sheet.note(_("%(count)s cases on the %(year)s ledger.") % {"count": count, "year": report.year})
    sheet.signature()


def activity_columns():
    return [
        Column(_("No."), 6),
        Column(_("Workstream"), 30),
        Column(_("Kind of activity"), 36),
        Column(_("Times held"), 10, INTEGER),
        Column(_("People reached"), 12, INTEGER),
        Column(_("Amount spent (yuan)"), 16, MONEY),
    ]


def _activities(sheet: OfficialSheet, report: YearReport):
    data = report.section("activities")
    for number, row in enumerate(data["rows"], start=1):
        sheet.row(
            [
                number,
                f"{row['workstream']}. {row['workstream_name']}",
                row["kind_label"],
                row["count"],
                row["people"],
                row["amount"],
            ]
        )
    t = data["total"]
    sheet.row(["", _("Total"), "", t["count"], t["people"], t["amount"]], total=True)
    # Figures signed off before these were counted have none of them.
    for group in data.get("groups", []):
        label = _("Help to: %(group)s") % {"group": group["group_label"]}
        sheet.row(["", _("Groups helped"), label, group["count"], group["people"], None])
    if "coverage" in t:
        sheet.row(["", _("Media coverage"), _("Reports in the press"), t["coverage"], None, None])
        sheet.row(["", _("Merit notices"), _("Notices delivered"), t["merit_notices"], None, None])
    sheet.signature()


def coverage_columns():
    return [
        Column(_("No."), 6),
        Column(_("Township"), 16),
        Column(_("Households registered"), 12, INTEGER),
        Column(_("Households visited"), 12, INTEGER),
        Column(_("Not yet visited"), 12, INTEGER),
        Column(_("Share visited"), 10, PERCENT),
        Column(_("Household visits in the year"), 14, INTEGER),
        Column(_("Problems found"), 12, INTEGER),
    ]


def _coverage(sheet: OfficialSheet, report: YearReport):
    data = report.section("coverage")
    keys = ["households", "visited", "unvisited", "visited_pct", "visits", "problems"]
    for number, row in enumerate(data["rows"], start=1):
        sheet.row([number, row["name"], *(row[k] for k in keys)])
    sheet.row(["", _("County total"), *(data["total"][k] for k in keys)], total=True)
    sheet.signature()


def five_ones_columns():
    return [
        Column(_("No."), 6),
        Column(_("Unit"), 24),
        Column(_("Kind"), 10),
        *(Column(str(label), 16) for _value, label in FiveOnesItem.Item.choices),
        Column(_("In place (of 5)"), 10, INTEGER),
    ]


def five_ones_text(state: dict) -> str:
    if state["status"] == FiveOnesItem.Status.DONE:
        return _("in place %(date)s") % {"date": state["done_on"] or ""}
    return str(FiveOnesItem.Status(state["status"]).label)


def _five_ones(sheet: OfficialSheet, report: YearReport):
    data = report.section("five_ones")
    for number, row in enumerate(data["rows"], start=1):
        states = [five_ones_text(row["items"][item]) for item in data["items"]]
        sheet.row([number, row["name"], str(Unit.Kind(row["kind"]).label), *states, row["done"]])
    total = data["total"]
    by_item = [str(total["by_item"][item]) for item in data["items"]]
    sheet.row(
        ["", _("Units with it in place"), "", *by_item, f"{total['done']}/{total['possible']}"],
        total=True,
    )
    sheet.signature()


def assessment_columns():
    return [
        Column(_("Rank"), 6),
        Column(_("Unit"), 22),
        Column(_("Kind"), 10),
        Column(_("Closed on time"), 10, DECIMAL),
        Column(_("Survey coverage"), 10, DECIMAL),
        Column(_("五个一"), 10, DECIMAL),
        Column(_("Activities held"), 10, DECIMAL),
        Column(_("Inspection ratings"), 10, DECIMAL),
        Column(_("Weighted score"), 10, DECIMAL),
        Column(_("Bonus"), 8, DECIMAL),
        Column(_("Deduction"), 8, DECIMAL),
        Column(_("One-vote veto"), 10),
        Column(_("Total"), 10, DECIMAL),
        Column(_("Grade"), 10),
    ]


def _assessment(sheet: OfficialSheet, report: YearReport):
    data = report.section("assessment")
    rows = sorted(
        data["rows"],
        key=lambda r: (r["kind"] != "township", r["rank"] is None, r["rank"] or 0, r["name"]),
    )
    names = {}
    for row in rows:
        names[row["unit_id"]] = row["name"]
        scores = [row["indicators"][k]["score"] for k in INDICATOR_LABELS]
        sheet.row(
            [
                row["rank"] if row["rank"] is not None else "—",
                row["name"],
                str(Unit.Kind(row["kind"]).label),
                *scores,
                row["base"],
                row["bonus"],
                row["deduction"],
                _("vetoed") if row["vetoed"] else "",
                row["total"],
                str(GRADE_LABELS[row["grade"]]),
            ]
        )
    weights = "；".join(
        f"{label} {data['weights'][key]}" for key, label in INDICATOR_LABELS.items()
    )
    sheet.note(
        _(
            "Weights: %(weights)s. Activities for full marks: %(target)s. Units are ranked among "
            "units of the same kind; an indicator that does not apply to a unit is left out and "
            "the others are weighed up to 100; a vetoed unit is not ranked."
        )
        % {"weights": weights, "target": data["activities_target"]}
    )
    if data["items"]:
        kinds = dict(AssessmentItem.Kind.choices)
        sheet.subheading([_("No."), _("Unit"), _("Item"), _("Points"), _("Reason")])
        for number, item in enumerate(data["items"], start=1):
            sheet.row(
                [
                    number,
                    names.get(item["unit_id"], ""),
                    str(kinds[item["kind"]]),
                    item["points"],
                    item["reason"],
                    *[""] * (sheet.width - 5),
                ]
            )
    _rule_lines(sheet, rows)
    sheet.signature()


def _rule_lines(sheet: OfficialSheet, rows: list[dict]) -> None:
    """The deductions by rule (late and missing reports), one line per unit and rule."""
    lines = [(row["name"], line) for row in rows for line in row.get("by_rule", [])]
    if not lines:
        return
    reasons = {
        "late_reports": _("%(count)s reports submitted late, %(each)s each"),
        "missing_reports": _("%(count)s reports not submitted, %(each)s each"),
    }
    sheet.subheading([_("No."), _("Unit"), _("Item"), _("Points"), _("Reason")])
    for number, (name, line) in enumerate(lines, start=1):
        reason = reasons[line["rule"]] % {"count": line["count"], "each": line["each"]}
        sheet.row(
            [number, name, _("Deduction by rule"), line["points"], reason]
            + [""] * (sheet.width - 5)
        )


def change_columns():
    return [
        Column(_("Ledger number"), 12),
        Column(_("When"), 18),
        Column(_("What"), 14),
        Column(_("By"), 12),
        Column(_("Unit"), 20),
        Column(_("Note"), 50),
    ]


def _changes(sheet: OfficialSheet, report: YearReport, cases):
    kinds = dict(CaseEvent.Kind.choices)
    for event in changes_after_sign_off(report.sign_off, cases).iterator(chunk_size=2000):
        sheet.row(
            [
                event.case.number,
                timezone.localtime(event.at).strftime("%Y-%m-%d %H:%M"),
                str(kinds.get(event.kind, event.kind)),
                event.by.display_name,
                event.unit.name if event.unit_id else "",
                event.note,
            ]
        )
    sheet.signature()
