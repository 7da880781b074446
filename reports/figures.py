"""The names and meanings of the report's figures, shared by the pages and the workbook so the
two always say the same thing."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from reports.sheets import DECIMAL, INTEGER, MONEY, PERCENT


@dataclass(frozen=True)
class SummaryRow:
    key: str
    label: str
    unit: str
    format: str
    note: str


def summary_rows() -> list[SummaryRow]:
    households = _("households (unit of count)")
    cases = _("cases (unit of count)")
    return [
        SummaryRow(
            "households",
            _("Beneficiary households registered"),
            households,
            INTEGER,
            _("Households in the registry, archived ones left out."),
        ),
        SummaryRow(
            "visited",
            _("Households visited"),
            households,
            INTEGER,
            _("Registered households with at least one survey visit."),
        ),
        SummaryRow(
            "visited_pct",
            _("Survey coverage"),
            "%",
            PERCENT,
            _("Households visited as a share of households registered."),
        ),
        SummaryRow(
            "registered",
            _("Problems put on the ledger"),
            cases,
            INTEGER,
            _("Ledger rows registered in the year."),
        ),
        SummaryRow(
            "priority",
            _("of which handled with priority"),
            cases,
            INTEGER,
            _("Legal disputes of soldiers and their families, and other priority rows."),
        ),
        SummaryRow(
            "carried_in",
            _("Carried in from earlier years"),
            cases,
            INTEGER,
            _("Rows of earlier years not closed off by 1 January."),
        ),
        SummaryRow(
            "in_hand",
            _("Cases in hand"),
            cases,
            INTEGER,
            _(
                "Registered in the year or carried in. The figures below, down to the average "
                "working days, count these."
            ),
        ),
        SummaryRow(
            "closed",
            _("Closed off"),
            cases,
            INTEGER,
            _("Cases in hand closed off (销号) by the county office."),
        ),
        SummaryRow(
            "resolved",
            _("Resolved, awaiting closing off"),
            cases,
            INTEGER,
            _("Reported resolved by the lead unit, not yet closed off."),
        ),
        SummaryRow(
            "open",
            _("Still being handled"),
            cases,
            INTEGER,
            _("Registered, assigned, in progress or returned."),
        ),
        SummaryRow(
            "overdue",
            _("Overdue"),
            cases,
            INTEGER,
            _("Cases in hand still being handled after their deadline, whatever their year."),
        ),
        SummaryRow(
            "on_time",
            _("Closed on time"),
            cases,
            INTEGER,
            _("Closed off, and resolved by the deadline in force (extensions count)."),
        ),
        SummaryRow(
            "on_time_pct",
            _("On-time rate"),
            "%",
            PERCENT,
            _("Closed on time as a share of those closed off."),
        ),
        SummaryRow(
            "closed_pct",
            _("Closed-off rate"),
            "%",
            PERCENT,
            _("Closed off as a share of the cases in hand."),
        ),
        SummaryRow(
            "avg_workdays",
            _("Average working days to close"),
            _("working days"),
            DECIMAL,
            _("From registration to closing off, on the Chinese working-day calendar."),
        ),
        SummaryRow(
            "carried_over",
            _("Carried over to consolidation"),
            cases,
            INTEGER,
            _("Registered by the end of phase 3 and not closed off by then."),
        ),
        SummaryRow(
            "activities",
            _("Activities held"),
            _("times"),
            INTEGER,
            _("Activities under the five workstreams held in the year."),
        ),
        SummaryRow(
            "people",
            _("People reached"),
            _("person-times"),
            INTEGER,
            _("People reached by those activities."),
        ),
        SummaryRow(
            "amount",
            _("Money spent"),
            _("yuan"),
            MONEY,
            _("Money spent on those activities."),
        ),
        SummaryRow(
            "five_ones_done",
            _("五个一 items in place"),
            _("items"),
            INTEGER,
            _("Items in place across all townships and member units (five each)."),
        ),
    ]


INDICATOR_LABELS = {
    "on_time": _("Closed on time"),
    "coverage": _("Survey coverage"),
    "five_ones": _("五个一"),
    "activities": _("Activities held"),
    "inspections": _("Inspection ratings"),
}

INDICATOR_NOTES = {
    "on_time": _(
        "Cases in hand led by the unit (registered in the year or carried in from earlier "
        "years) closed on time, as a share of those closed off or overdue."
    ),
    "coverage": _("Households visited as a share of the township's households (townships only)."),
    "five_ones": _("Items of the 五个一 in place, of five."),
    "activities": _("Activities the unit held in the year, against the number for full marks."),
    "inspections": _(
        "The average of the year's inspection ratings (excellent 100, good 85, fair 70, poor 50)."
    ),
}

GRADE_LABELS = {
    "excellent": _("excellent"),
    "good": _("good"),
    "pass": _("pass"),
    "fail": _("fail"),
}
