"""Read a plan file for `load_plan --from FILE` and the upload page: a TOML file (the plans
the repository carries, campaign/data/), an xlsx workbook with one sheet per section (活动, 阶段,
工作内容, 专题, 活动类型; the office's), or a phase table alone (xlsx or CSV) that replaces the
phases of the first plan. The README's “计划文件” section describes the format.

Phase table columns, in the first row, in any order: 序号, 阶段名称, 开始, 结束, and optionally
阶段任务, 说明 and 结转. 开始/结束 are months (2015-03, 2015/3, 2015年3月) or dates
(2015-03-01); a month starts on its first day and ends on its last.
"""

import csv
import io
import re
import tomllib
import zipfile
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from django.utils.translation import gettext as _

from campaign.plan_spec import (
    KindRow,
    PhaseRow,
    PlanSpec,
    TopicRow,
    WorkstreamRow,
    month_end,
    month_start,
)

DATA = Path(__file__).resolve().parent / "data"
FIRST_PLAN = DATA / "plan-2015-2016.toml"

COLUMNS = {"序号": "number", "阶段名称": "name", "开始": "starts_on", "结束": "ends_on"}
# 工作内容 is the column's former name, still read; 阶段任务 wins when a file has both.
OPTIONAL = {"工作内容": "summary", "阶段任务": "summary", "说明": "note", "结转": "carries_over"}

# The workbook's sheets and their columns: (header, field, required).
SHEET_CAMPAIGN = "基本信息"
SHEET_PHASES = "阶段"
SHEET_WORKSTREAMS = "主要内容"
SHEET_TOPICS = "专题"
SHEET_KINDS = "活动类型"
CAMPAIGN_COLUMNS = [("名称", "name", True), ("开始", "starts_on", True), ("结束", "ends_on", True)]
PHASE_COLUMNS = [
    ("序号", "number", True),
    ("阶段名称", "name", True),
    ("开始", "starts_on", True),
    ("结束", "ends_on", True),
    ("阶段任务", "summary", False),
    ("说明", "note", False),
    ("结转", "carries_over", False),
]
WORKSTREAM_COLUMNS = [
    ("序号", "number", True),
    ("名称", "name", True),
    ("主要工作", "summary", False),
]
TOPIC_COLUMNS = [
    ("序号", "number", True),
    ("名称", "name", True),
    ("对象", "about", True),
    ("主要内容序号", "workstream", True),
    ("依法优先", "priority", False),
    ("政策落实核查", "policy_check", False),
    ("办理时限（工作日）", "time_limit_days", False),
]
# The longest time limit a plan may set: about a working year.
MAX_TIME_LIMIT_DAYS = 250
KIND_COLUMNS = [
    ("代码", "code", False),
    ("名称", "name", True),
    ("主要内容序号", "workstream", True),
]
# 对象 as the office writes it; the codes themselves are read too.
ABOUT_WORDS = {"驻军部队": "garrison", "部队": "garrison", "优抚对象": "beneficiary"}
YES = {"是", "√", "✓", "y", "yes", "true", "1"}

MONTH = re.compile(r"^\s*(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*月?\s*$")
DAY = re.compile(r"^\s*(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})\s*日?\s*$")


class PlanFileError(Exception):
    pass


@lru_cache(maxsize=1)
def first_plan() -> PlanSpec:
    """The first campaign's plan, as the repository carries it."""
    return read_plan(FIRST_PLAN)


def next_plan_path() -> Path:
    """The sample next plan the repository carries (its file name says `next`)."""
    [path] = sorted(DATA.glob("*next*"))
    return path


def read_plan(path: Path) -> PlanSpec:
    path = Path(path)
    if not path.is_file():
        raise PlanFileError(_("File %(path)s does not exist.") % {"path": path})
    return read_plan_bytes(path.name, path.read_bytes())


def read_plan_bytes(name: str, data: bytes) -> PlanSpec:
    """A plan from a file's name and content: a TOML file, a sectioned workbook, or a phase
    table alone, which keeps everything else of the first plan."""
    suffix = Path(name).suffix.lower()
    if suffix == ".toml":
        return _toml_plan(name, data)
    if zipfile.is_zipfile(io.BytesIO(data)):
        sheets = _xlsx_sheets(name, data)
        if SHEET_CAMPAIGN in sheets or SHEET_PHASES in sheets:
            return _workbook_plan(sheets)
        return first_plan().with_phases(_phases(next(iter(sheets.values()), [])))
    if suffix == ".csv":
        return first_plan().with_phases(_phases(_csv_rows(name, data)))
    raise PlanFileError(
        _("%(path)s is neither a TOML plan, an xlsx workbook nor a CSV file.") % {"path": name}
    )


def read_phase_table(path: Path) -> list[PhaseRow]:
    path = Path(path)
    if not path.is_file():
        raise PlanFileError(_("File %(path)s does not exist.") % {"path": path})
    data = path.read_bytes()
    if zipfile.is_zipfile(io.BytesIO(data)):
        rows = next(iter(_xlsx_sheets(path, data).values()), [])
    elif path.suffix.lower() == ".csv":
        rows = _csv_rows(path, data)
    else:
        raise PlanFileError(
            _("%(path)s is neither an xlsx workbook nor a CSV file.") % {"path": path}
        )
    return _phases(rows)


def _xlsx_sheets(name, data) -> dict[str, list[list]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise PlanFileError(
            _("Cannot read the workbook %(path)s: %(error)s") % {"path": name, "error": exc}
        ) from exc
    try:
        return {
            sheet.title.strip(): [list(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in workbook.worksheets
        }
    finally:
        workbook.close()


def _csv_rows(name, data):
    # Excel on a Chinese Windows saves CSV in GB18030 unless told otherwise.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise PlanFileError(_("%(path)s is not UTF-8 or GB18030 text.") % {"path": name})
    return list(csv.reader(text.splitlines()))


def _phases(rows) -> list[PhaseRow]:
    rows = [row for row in rows if any(cell not in (None, "") for cell in row)]
    if not rows:
        raise PlanFileError(_("The phase table is empty."))
    header = [str(cell or "").strip() for cell in rows[0]]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise PlanFileError(
            _("The phase table lacks the columns: %(columns)s.") % {"columns": "、".join(missing)}
        )
    index = {
        field: header.index(name)
        for name, field in {**COLUMNS, **OPTIONAL}.items()
        if name in header
    }
    phases, errors = [], []
    for line, row in enumerate(rows[1:], start=2):

        def cell(field, row=row):
            position = index.get(field)
            return row[position] if position is not None and position < len(row) else None

        phase = _phase(line, cell, errors, sheet="")
        if phase is not None:
            phases.append(phase)
    if errors:
        raise PlanFileError("\n".join(errors))
    return phases


def _where(sheet, line, column):
    if sheet:
        return _("Sheet %(sheet)s, row %(row)s, column %(column)s") % {
            "sheet": sheet,
            "row": line,
            "column": column,
        }
    return _("Row %(row)s, column %(column)s") % {"row": line, "column": column}


def _number(value, where, errors):
    try:
        number = int(str(value).strip())
        if number < 1:
            raise ValueError
    except (TypeError, ValueError):
        errors.append(_("%(where)s: a number from 1 up is required.") % {"where": where})
        return None
    return number


def _time_limit(value, where, errors) -> int | None:
    """A topic's time limit in working days: empty for none, else a whole number from 1 up."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    if number is None or not 1 <= number <= MAX_TIME_LIMIT_DAYS:
        errors.append(
            _(
                "%(where)s: the time limit is a whole number of working days from 1 to "
                "%(most)s, not “%(value)s”."
            )
            % {"where": where, "most": MAX_TIME_LIMIT_DAYS, "value": value}
        )
        return None
    return number


def _text(value) -> str:
    return str(value if value is not None else "").strip()


def _flag(value) -> bool:
    if isinstance(value, bool):
        return value
    return _text(value).lower() in YES


def _date_cell(value, where, errors, *, end: bool):
    found = _as_date(value, end=end)
    if found is None:
        errors.append(
            _("%(where)s: “%(value)s” is not a month such as 2015-03 or a date such as 2015-03-01.")
            % {"where": where, "value": value if value is not None else ""}
        )
    return found


def _phase(line, cell, errors, *, sheet) -> PhaseRow | None:
    number = _number(cell("number"), _where(sheet, line, "序号"), errors)
    name = _text(cell("name"))
    if not name:
        errors.append(
            _("%(where)s: the name is empty.") % {"where": _where(sheet, line, "阶段名称")}
        )
    starts_on = _date_cell(cell("starts_on"), _where(sheet, line, "开始"), errors, end=False)
    ends_on = _date_cell(cell("ends_on"), _where(sheet, line, "结束"), errors, end=True)
    if number is None or not name or starts_on is None or ends_on is None:
        return None
    return PhaseRow(
        number=number,
        name=name,
        starts_on=starts_on,
        ends_on=ends_on,
        summary=_text(cell("summary")),
        note=_text(cell("note")),
        carries_over=_flag(cell("carries_over")),
    )


def _about(value) -> str:
    text = _text(value)
    return ABOUT_WORDS.get(text, text)


def _table(sheets, title, columns, errors) -> list[tuple[int, callable]]:
    """(row number, cell getter) for each filled row of a sheet, its header checked."""
    rows = [row for row in sheets.get(title, []) if any(c not in (None, "") for c in row)]
    if not rows:
        errors.append(_("The sheet %(sheet)s is missing or empty.") % {"sheet": title})
        return []
    header = [_text(c) for c in rows[0]]
    missing = [name for name, _field, required in columns if required and name not in header]
    if missing:
        errors.append(
            _("The sheet %(sheet)s lacks the columns: %(columns)s.")
            % {"sheet": title, "columns": "、".join(missing)}
        )
        return []
    index = {field: header.index(name) for name, field, _r in columns if name in header}
    found = []
    for line, row in enumerate(rows[1:], start=2):

        def cell(field, row=row):
            position = index.get(field)
            return row[position] if position is not None and position < len(row) else None

        found.append((line, cell))
    return found


def _workbook_plan(sheets) -> PlanSpec:
    errors = []
    campaign = _table(sheets, SHEET_CAMPAIGN, CAMPAIGN_COLUMNS, errors)
    name = starts_on = ends_on = None
    if campaign:
        line, cell = campaign[0]
        name = _text(cell("name"))
        if not name:
            errors.append(
                _("%(where)s: the name is empty.") % {"where": _where(SHEET_CAMPAIGN, line, "名称")}
            )
        starts_on = _date_cell(
            cell("starts_on"), _where(SHEET_CAMPAIGN, line, "开始"), errors, end=False
        )
        ends_on = _date_cell(
            cell("ends_on"), _where(SHEET_CAMPAIGN, line, "结束"), errors, end=True
        )
    phases = [
        phase
        for line, cell in _table(sheets, SHEET_PHASES, PHASE_COLUMNS, errors)
        if (phase := _phase(line, cell, errors, sheet=SHEET_PHASES)) is not None
    ]
    workstreams = []
    for line, cell in _table(sheets, SHEET_WORKSTREAMS, WORKSTREAM_COLUMNS, errors):
        number = _number(cell("number"), _where(SHEET_WORKSTREAMS, line, "序号"), errors)
        if number is not None:
            workstreams.append(WorkstreamRow(number, _text(cell("name")), _text(cell("summary"))))
    topics = []
    for line, cell in _table(sheets, SHEET_TOPICS, TOPIC_COLUMNS, errors):
        number = _number(cell("number"), _where(SHEET_TOPICS, line, "序号"), errors)
        workstream = _number(cell("workstream"), _where(SHEET_TOPICS, line, "主要内容序号"), errors)
        if number is not None and workstream is not None:
            topics.append(
                TopicRow(
                    number=number,
                    name=_text(cell("name")),
                    about=_about(cell("about")),
                    workstream=workstream,
                    priority=_flag(cell("priority")),
                    policy_check=_flag(cell("policy_check")),
                    time_limit_days=_time_limit(
                        cell("time_limit_days"),
                        _where(SHEET_TOPICS, line, "办理时限（工作日）"),
                        errors,
                    ),
                )
            )
    kinds = []
    if SHEET_KINDS in sheets:
        for line, cell in _table(sheets, SHEET_KINDS, KIND_COLUMNS, errors):
            workstream = _number(
                cell("workstream"), _where(SHEET_KINDS, line, "主要内容序号"), errors
            )
            if workstream is not None:
                kinds.append(KindRow(_text(cell("name")), workstream, _text(cell("code"))))
    if errors:
        raise PlanFileError("\n".join(errors))
    return PlanSpec(name, starts_on, ends_on, phases, workstreams, topics, kinds)


def _toml_plan(name, data) -> PlanSpec:
    try:
        document = tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PlanFileError(
            _("Cannot read the plan %(path)s: %(error)s") % {"path": name, "error": exc}
        ) from exc
    errors = []

    def where(section, index, key):
        return _("%(section)s no. %(index)s, %(key)s") % {
            "section": section,
            "index": index,
            "key": key,
        }

    def entries(section):
        found = document.get(section, [])
        if not isinstance(found, list) or not all(isinstance(e, dict) for e in found):
            errors.append(_("[[%(section)s]] must be a list of tables.") % {"section": section})
            return []
        return list(enumerate(found, start=1))

    head = document.get("campaign")
    if not isinstance(head, dict):
        errors.append(_("The plan lacks its [campaign] table."))
        head = {}
    title = _text(head.get("name"))
    if not title:
        errors.append(_("[campaign] name is empty."))
    starts_on = _date_cell(head.get("starts_on"), "[campaign] starts_on", errors, end=False)
    ends_on = _date_cell(head.get("ends_on"), "[campaign] ends_on", errors, end=True)
    phases = []
    for i, entry in entries("phases"):
        number = _number(entry.get("number"), where("phases", i, "number"), errors)
        phase_name = _text(entry.get("name"))
        if not phase_name:
            errors.append(
                _("%(where)s: the name is empty.") % {"where": where("phases", i, "name")}
            )
        starts = _date_cell(
            entry.get("starts_on"), where("phases", i, "starts_on"), errors, end=False
        )
        ends = _date_cell(entry.get("ends_on"), where("phases", i, "ends_on"), errors, end=True)
        if number is not None and phase_name and starts and ends:
            phases.append(
                PhaseRow(
                    number=number,
                    name=phase_name,
                    starts_on=starts,
                    ends_on=ends,
                    summary=_text(entry.get("tasks")),
                    note=_text(entry.get("note")),
                    carries_over=bool(entry.get("carries_over", False)),
                )
            )
    workstreams = []
    for i, entry in entries("workstreams"):
        number = _number(entry.get("number"), where("workstreams", i, "number"), errors)
        if number is not None:
            workstreams.append(
                WorkstreamRow(number, _text(entry.get("name")), _text(entry.get("typical_work")))
            )
    topics = []
    for i, entry in entries("topics"):
        number = _number(entry.get("number"), where("topics", i, "number"), errors)
        workstream = _number(entry.get("workstream"), where("topics", i, "workstream"), errors)
        if number is not None and workstream is not None:
            topics.append(
                TopicRow(
                    number=number,
                    name=_text(entry.get("name")),
                    about=_about(entry.get("about")),
                    workstream=workstream,
                    priority=bool(entry.get("priority", False)),
                    policy_check=bool(entry.get("policy_check", False)),
                    time_limit_days=_time_limit(
                        entry.get("time_limit_days"),
                        where("topics", i, "time_limit_days"),
                        errors,
                    ),
                )
            )
    kinds = []
    for i, entry in entries("kinds"):
        workstream = _number(entry.get("workstream"), where("kinds", i, "workstream"), errors)
        if workstream is not None:
            kinds.append(KindRow(_text(entry.get("name")), workstream, _text(entry.get("code"))))
    if errors:
        raise PlanFileError("\n".join(errors))
    return PlanSpec(title, starts_on, ends_on, phases, workstreams, topics, kinds)


def _as_date(value, *, end: bool) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "")
    try:
        if match := DAY.match(text):
            return date(*(int(part) for part in match.groups()))
        if match := MONTH.match(text):
            year, month = (int(part) for part in match.groups())
            return month_end(year, month) if end else month_start(year, month)
    except ValueError:
        return None
    return None
