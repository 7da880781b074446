"""The campaign as a whole (全面总结, the plan's closing phase): every year of the campaign so
far side by side, and the whole campaign's total. A year's column is what that year's report
says (its year-end workbook, frozen once signed off); the total is counted afresh over the
campaign's records in SQL, each case once, so a case carried from one year into the next is in
both years' cases in hand but once in the total. The years not frozen and the totals are read
together (reports.by_year), so the number of queries is the same in any year of the campaign,
and never depends on the number of units, cases or activities."""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.db.models import Count, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from campaign.models import Campaign, FiveOnesItem
from campaign.selectors import workstreams_of
from grievances.models import Status
from grievances.states import OPEN_STATUSES
from reports.by_year import YearsAtOnce
from reports.campaign_records import campaign_inspections
from reports.report import SECTIONS, YearReport
from reports.selectors import campaign_years, percent
from reports.sheets import DECIMAL, INTEGER, MONEY, PERCENT

CASE_MEASURES = ["registered", "closed", "resolved", "open", "carried", "ended"]


@dataclass
class Line:
    """One row of a section: a figure for every year shown, and the campaign's total."""

    label: str
    what: str
    years: list
    total: object
    format: str = INTEGER
    total_row: bool = False

    @property
    def shown_as(self) -> str:
        """How the page's figure filter shows it."""
        return {INTEGER: "int", PERCENT: "pct", DECIMAL: "dec", MONEY: "money"}[self.format]


@dataclass
class Section:
    key: str
    title: str
    lines: list[Line] = field(default_factory=list)
    note: str = ""


def years_so_far(campaign: Campaign, today: date) -> list[int]:
    """The campaign's years up to this one (its first year before it starts)."""
    years = campaign_years(campaign, today)
    return [y for y in years if y <= today.year] or years[:1]


class CampaignSummary:
    def __init__(self, campaign: Campaign, *, today: date):
        self.campaign = campaign
        self.today = today
        self.years = years_so_far(campaign, today)
        self.reports = YearReport.load_years(self.years, campaign=campaign, today=today)

    @property
    def running(self) -> bool:
        return self.campaign.starts_on <= self.today <= self.campaign.ends_on

    @property
    def current_year(self) -> int | None:
        """The year whose figures run to today (marked 截至今日), while the campaign runs."""
        return self.today.year if self.running else None

    def year_labels(self) -> list[str]:
        return [
            _("%(year)s (to date)") % {"year": y}
            if y == self.current_year and not self.reports[y].frozen
            else _("%(year)s") % {"year": y}
            for y in self.years
        ]

    def _each(self, section: str) -> list:
        return [self._year_section(year, section) for year in self.years]

    def _year_section(self, year: int, name: str):
        """As the year's report has it: frozen at its sign-off, else read with the others."""
        report = self.reports[year]
        if report.frozen and name in report.sign_off.figures:
            return report.sign_off.figures[name]
        rows = self._year_section(year, "progress")["rows"] if name == "assessment" else None
        return self.figures.section(year, name, progress_rows=rows)

    @cached_property
    def figures(self) -> YearsAtOnce:
        """The years whose figures are not all frozen, read together, and the totals."""
        live = [
            year
            for year in self.years
            if not self.reports[year].frozen
            or any(name not in self.reports[year].sign_off.figures for name in SECTIONS)
        ]
        return YearsAtOnce(self.campaign, live, today=self.today)

    # The totals, counted over the whole campaign.

    @property
    def _case_totals(self) -> dict:
        return self.figures.case_totals

    @property
    def _activities_by_kind(self) -> list[dict]:
        return self.figures.activities_by_kind

    @cached_property
    def _activity_totals(self) -> dict:
        """The campaign's activities, added up from their groups by kind (no query of its own)."""
        groups = self._activities_by_kind
        return {
            "count": sum(g["count"] for g in groups),
            "people": sum(g["people"] or 0 for g in groups),
            "amount": sum(g["amount"] or 0 for g in groups),
        }

    @property
    def _topics(self) -> list[dict]:
        return self.figures.topics

    @property
    def _found_by_topic(self) -> dict:
        """Problems found by topic number (a finding always has a topic)."""
        return self.figures.found_by_topic

    @property
    def _campaign_totals(self) -> dict:
        return self.figures.campaign_totals

    @cached_property
    def _five_ones_done(self) -> dict:
        """The 五个一 items in place now, in all and by item."""
        totals = self._campaign_totals
        return {"total": totals["five_ones"]} | {
            value: totals[f"five_ones_{value}"] for value, _label in FiveOnesItem.Item.choices
        }

    @cached_property
    def _visit_totals(self) -> dict:
        totals = self._campaign_totals
        return {
            "households": totals["households"],
            "visited": totals["visited"],
            "visits": totals["visits"],
            "found": sum(self._found_by_topic.values()),
        }

    @cached_property
    def _inspections(self) -> dict:
        """Inspections by year and rating (one grouped query) and the campaign's."""
        inspections = campaign_inspections(self.campaign)
        by_year = list(
            inspections.order_by()
            .annotate(y=ExtractYear("inspected_on"))
            .values("y", "rating__name", "rating__order")
            .annotate(n=Count("pk"), score=Sum("rating__score"))
        )
        totals = self._campaign_totals
        total = {"n": totals["inspections"], "score": totals["inspection_score"]}
        return {"by_year": by_year, "total": total}

    # The sections, in the order of the page and the workbook's sheets.

    def overview(self) -> Section:
        years = self._each("summary")
        coverage = self._each("coverage")
        special = self._each("special_actions")
        cases = self._case_totals
        visits = self._visit_totals
        activities = self._activity_totals
        inspections = self._inspection_lines()
        # Carried into a later campaign or ended with this one: the year's ledger rows so
        # concluded, as the dashboard's chart of the year counts them by status.
        concluded = {
            key: [
                sum(counts.get(key, 0) for counts in _status_counts(c.get("topic_status")).values())
                for c in self._each("charts")
            ]
            for key in ("carried", "ended")
        }
        five = self._five_ones_done["total"]
        households_unit = _("households (unit of count)")
        cases_unit = _("cases (unit of count)")

        def year_values(source, key):
            return [figures.get(key) for figures in source]

        lines = [
            Line(
                _("Beneficiary households registered"),
                households_unit,
                year_values(years, "households"),
                visits["households"],
            ),
            Line(
                _("Households visited"),
                households_unit,
                year_values(years, "visited"),
                visits["visited"],
            ),
            Line(
                _("Household visits made"),
                _("times"),
                [c["total"]["visits"] for c in coverage],
                visits["visits"],
            ),
            Line(
                _("Problems found"),
                _("problems"),
                [s["total"]["found"] for s in special],
                visits["found"],
            ),
            Line(
                _("Problems put on the ledger"),
                cases_unit,
                year_values(years, "registered"),
                cases["registered"],
            ),
            Line(_("Closed off"), cases_unit, year_values(years, "closed"), cases["closed"]),
            Line(
                _("Resolved, awaiting closing off"),
                cases_unit,
                year_values(years, "resolved"),
                cases["resolved"],
            ),
            Line(_("Still being handled"), cases_unit, year_values(years, "open"), cases["open"]),
            Line(_("Overdue"), cases_unit, year_values(years, "overdue"), cases["overdue"]),
            *(
                Line(_measure_label(key), cases_unit, concluded[key], cases[key])
                for key in ("carried", "ended")
            ),
            Line(
                _("Closed-off rate"),
                "%",
                year_values(years, "closed_pct"),
                percent(cases["closed"], cases["registered"]),
                PERCENT,
            ),
            Line(
                _("Activities held"),
                _("times"),
                year_values(years, "activities"),
                activities["count"],
            ),
            Line(
                _("People reached"),
                _("person-times"),
                year_values(years, "people"),
                activities["people"] or 0,
            ),
            Line(
                _("Money spent"),
                _("yuan"),
                year_values(years, "amount"),
                float(round(activities["amount"] or 0, 2)),
                MONEY,
            ),
            *inspections,
            Line(
                _("五个一 items in place"),
                _("items"),
                year_values(years, "five_ones_done"),
                five,
            ),
        ]
        return Section(
            "overview",
            _("Overall situation"),
            lines,
            _(
                "A year's column is that year's report: problems put on the ledger counts the "
                "ledger rows of the year; closed off, resolved, still being handled, overdue and "
                "the closed-off rate count the cases in hand in it (registered in the year or "
                "carried in). The total counts each of the campaign's cases once, as it stands; "
                "its closed-off rate is of all the cases registered. Households registered and "
                "the 五个一 are as they stand."
            ),
        )

    def _inspection_lines(self) -> list[Line]:
        data = self._inspections
        counts = {y: 0 for y in self.years}
        scores = {y: 0 for y in self.years}
        for g in data["by_year"]:
            if g["y"] in counts:
                counts[g["y"]] += g["n"]
                scores[g["y"]] += g["score"] or 0
        average = data["total"]["score"]
        return [
            Line(
                _("Inspections made"),
                _("times"),
                [counts[y] for y in self.years],
                data["total"]["n"],
            ),
            Line(
                _("Average inspection rating"),
                _("score points"),
                [round(scores[y] / counts[y], 1) if counts[y] else None for y in self.years],
                round(average, 1) if average is not None else None,
                DECIMAL,
            ),
        ]

    def topics(self) -> Section:
        special = [{r["number"]: r for r in s["rows"]} for s in self._each("special_actions")]
        statuses = [_status_counts(c.get("topic_status")) for c in self._each("charts")]
        totals = _status_counts(self.figures.topic_status_totals())
        lines = []
        for topic in self._topics:
            number = topic["number"]
            label = f"{number}. {topic['name']}"
            lines.append(
                Line(
                    label,
                    _("Problems found"),
                    [s.get(number, {}).get("found", 0) for s in special],
                    self._found_by_topic.get(number, 0),
                )
            )
            for measure in CASE_MEASURES:
                lines.append(
                    Line(
                        label,
                        _measure_label(measure),
                        [s.get(number, {}).get(measure, 0) for s in statuses],
                        totals.get(number, {}).get(measure, 0),
                    )
                )
        return Section(
            "topics",
            _("Problems by special action"),
            lines,
            _(
                "Problems found in the year's survey; the ledger rows registered in the year, "
                "and what has become of them."
            ),
        )

    def workstreams(self) -> Section:
        by_topic = {t["number"]: t["workstream"] for t in self._topics}
        statuses = [_status_counts(c.get("topic_status")) for c in self._each("charts")]
        totals = _by_workstream(_status_counts(self.figures.topic_status_totals()), by_topic)
        lines = []
        for workstream in _workstreams(self.campaign):
            number = workstream["number"]
            label = f"{number}. {workstream['name']}"
            for measure in CASE_MEASURES:
                years = [
                    sum(
                        counts.get(measure, 0)
                        for topic, counts in s.items()
                        if by_topic.get(topic) == number
                    )
                    for s in statuses
                ]
                lines.append(
                    Line(
                        label,
                        _measure_label(measure),
                        years,
                        totals.get(number, {}).get(measure, 0),
                    )
                )
        return Section("workstreams", _("Cases by workstream"), lines)

    def units(self, keep=None) -> Section:
        """Cases and activities by unit; `keep` picks the unit rows a reader may see."""
        progress = self._each("progress")
        names: dict[int, str] = {}
        by_year = []
        for data in progress:
            rows = {}
            for row in data["rows"]:
                names.setdefault(row["unit_id"], row["name"])
                rows[row["unit_id"]] = row
            by_year.append(rows)
        led = self.figures.units.led
        held = self.figures.units.held
        measures = [
            ("cases", _("Registered in the year"), lambda u: led.get(u, {}).get("registered", 0)),
            ("closed", _("Closed off"), lambda u: led.get(u, {}).get("closed", 0)),
            ("activities", _("Activities held"), lambda u: held.get(u, 0)),
        ]
        unit_ids = list(names)
        if keep is not None:
            unit_ids = [u for u in unit_ids if keep(u)]
        lines = []
        for unit_id in unit_ids:
            for key, label, total in measures:
                lines.append(
                    Line(
                        names[unit_id],
                        label,
                        [rows.get(unit_id, {}).get(key, 0) for rows in by_year],
                        total(unit_id),
                    )
                )
        totals = self._case_totals
        county = [totals["registered"], totals["closed"], self._activity_totals["count"]]
        for (key, label, _total), value in zip(measures, county, strict=True):
            lines.append(
                Line(
                    _("County total"),
                    label,
                    [data["total"][key] for data in progress],
                    value,
                    total_row=True,
                )
            )
        return Section(
            "units",
            _("Progress by unit"),
            lines,
            _(
                "A year's closed off counts the unit's cases in hand in it; the total counts the "
                "cases the unit leads in the campaign, each once."
            ),
        )

    def activities(self) -> Section:
        years = [
            {(r["workstream"], r["kind"]): r for r in a["rows"]} for a in self._each("activities")
        ]
        grouped = self._activities_by_kind
        labels = {}
        totals = {}
        for g in grouped:
            key = (g["workstream__number"], g["kind__code"])
            labels[key] = (g["workstream__number"], g["workstream__name"], g["kind__name"])
            totals[key] = g
        for rows in years:
            for key, row in rows.items():
                named = (row["workstream"], row["workstream_name"], row["kind_label"])
                labels.setdefault(key, named)
        lines = []
        # Kinds only a signed-off year still names go last within their workstream.
        for key in sorted(labels, key=lambda k: k[0]):
            number, workstream, kind = labels[key]
            label = f"{number}. {workstream} · {kind}"
            lines.append(
                Line(
                    label,
                    _("Times held"),
                    [rows.get(key, {}).get("count", 0) for rows in years],
                    totals.get(key, {}).get("count", 0),
                )
            )
            lines.append(
                Line(
                    label,
                    _("People reached"),
                    [rows.get(key, {}).get("people", 0) for rows in years],
                    totals.get(key, {}).get("people") or 0,
                )
            )
        total = self._activity_totals
        each = self._each("activities")
        lines.append(
            Line(
                _("Total"),
                _("Times held"),
                [a["total"]["count"] for a in each],
                total["count"],
                total_row=True,
            )
        )
        lines.append(
            Line(
                _("Total"),
                _("People reached"),
                [a["total"]["people"] for a in each],
                total["people"] or 0,
                total_row=True,
            )
        )
        return Section("activities", _("Activities by workstream and kind"), lines)

    def inspections(self) -> Section:
        data = self._inspections
        ratings: dict[str, dict] = {}
        for g in data["by_year"]:
            entry = ratings.setdefault(g["rating__name"], {"order": g["rating__order"], "n": {}})
            entry["n"][g["y"]] = g["n"]
        lines = [
            Line(
                name,
                _("Inspections with this rating"),
                [entry["n"].get(y, 0) for y in self.years],
                sum(entry["n"].values()),
            )
            for name, entry in sorted(ratings.items(), key=lambda item: item[1]["order"])
        ]
        lines += [
            Line(_("Total"), line.label, line.years, line.total, line.format, total_row=True)
            for line in self._inspection_lines()
        ]
        return Section("inspections", _("Inspections and ratings"), lines)

    def five_ones(self) -> Section:
        each = self._each("five_ones")
        items = FiveOnesItem.Item.choices
        counts = self._five_ones_done
        lines = [
            Line(
                str(label),
                _("Units with it in place"),
                [f["total"]["by_item"].get(value, 0) for f in each],
                counts[value],
            )
            for value, label in items
        ]
        lines.append(
            Line(
                _("Total"),
                _("Items in place"),
                [f["total"]["done"] for f in each],
                counts["total"],
                total_row=True,
            )
        )
        return Section(
            "five_ones",
            _("五个一"),
            lines,
            _(
                "A year's column is the 五个一 as that year's report shows it; the total, as it "
                "stands at the end."
            ),
        )

    def assessment(self) -> Section:
        each = self._each("assessment")
        names: dict[int, str] = {}
        scores = []
        for data in each:
            by_unit = {}
            for row in data["rows"]:
                names.setdefault(row["unit_id"], row["name"])
                by_unit[row["unit_id"]] = row["total"]
            scores.append(by_unit)
        lines = [
            Line(
                name,
                _("Assessment score"),
                [s.get(unit_id) for s in scores],
                None,
                DECIMAL,
            )
            for unit_id, name in names.items()
        ]
        return Section(
            "assessment",
            _("Assessment scores"),
            lines,
            _("Each year's scores are that year's assessment; the campaign has no total score."),
        )

    def sections(self) -> list[Section]:
        return [
            self.overview(),
            self.topics(),
            self.workstreams(),
            self.units(),
            self.activities(),
            self.inspections(),
            self.five_ones(),
            self.assessment(),
        ]

    def text(self) -> str:
        """The summary in a sentence, from the total column."""
        cases = self._case_totals
        visits = self._visit_totals
        activities = self._activity_totals
        rate = percent(cases["closed"], cases["registered"])
        span = (
            _("In %(year)s") % {"year": self.years[0]}
            if len(self.years) == 1
            else _("From %(first)s to %(last)s") % {"first": self.years[0], "last": self.years[-1]}
        )
        return _(
            "%(span)s %(households)s households were visited (%(visits)s visits), "
            "%(found)s problems found and %(registered)s put on the ledger, of which "
            "%(closed)s are closed off (closed-off rate %(rate)s); %(activities)s activities "
            "reached %(people)s people; %(inspections)s inspections were made."
        ) % {
            "span": span,
            "households": visits["visited"],
            "visits": visits["visits"],
            "found": visits["found"],
            "registered": cases["registered"],
            "closed": cases["closed"],
            "rate": f"{rate}%" if rate is not None else "—",
            "activities": activities["count"],
            "people": activities["people"] or 0,
            "inspections": self._inspections["total"]["n"],
        }


def _measure_label(measure: str) -> str:
    return {
        "registered": _("Put on the ledger"),
        "closed": _("Closed off"),
        "resolved": _("Resolved, awaiting closing off"),
        "open": _("Still being handled"),
        "carried": str(Status.CARRIED.label),
        "ended": str(Status.ENDED.label),
    }[measure]


def _status_counts(topic_status: dict | None) -> dict:
    """A year's ledger rows by topic number and measure, from the dashboard's chart series
    (its rows named by status, so a year signed off before a status existed reads as well)."""
    if not topic_status:
        return {}
    result = {}
    for index, topic in enumerate(topic_status["topics"]):
        by_status = {
            status: topic_status["counts"][row][index]
            for row, status in enumerate(topic_status["statuses"])
        }
        result[topic["number"]] = _measures_of(by_status)
    return result


def _measures_of(by_status: dict) -> dict:
    """Statuses are plain strings here (a frozen year's are), which the choices equal."""
    return {
        "registered": sum(by_status.values()),
        "closed": by_status.get(Status.CLOSED, 0),
        "resolved": by_status.get(Status.RESOLVED, 0),
        "open": sum(by_status.get(s, 0) for s in OPEN_STATUSES),
        "carried": by_status.get(Status.CARRIED, 0),
        "ended": by_status.get(Status.ENDED, 0),
    }


def _by_workstream(by_topic_number: dict, workstream_of: dict) -> dict:
    """Topic measures added up by the topics' workstream number."""
    result: dict = {}
    for topic, counts in by_topic_number.items():
        into = result.setdefault(workstream_of.get(topic), {})
        for measure, n in counts.items():
            into[measure] = into.get(measure, 0) + n
    return result


def _workstreams(campaign) -> list[dict]:
    return list(workstreams_of(campaign).values("number", "name"))
