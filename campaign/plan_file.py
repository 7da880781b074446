"""Read a phase table (xlsx or CSV) for `load_plan --from FILE`.

Columns, in the first row, in any order: 序号, 阶段名称, 开始, 结束, and optionally
阶段任务 and 说明. 开始/结束 are months (2015-03, 2015/3, 2015年3月) or dates
(2015-03-01); a month starts on its first day and ends on its last.
"""

import csv
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

from django.utils.translation import gettext as _

from campaign.plan import PhaseRow, month_end, month_start

COLUMNS = {"序号": "number", "阶段名称": "name", "开始": "starts_on", "结束": "ends_on"}
# 工作内容 is the column's former name, still read; 阶段任务 wins when a file has both.
OPTIONAL = {"工作内容": "summary", "阶段任务": "summary", "说明": "note"}

MONTH = re.compile(r"^\s*(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*月?\s*$")
DAY = re.compile(r"^\s*(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})\s*日?\s*$")


class PlanFileError(Exception):
    pass


def read_phase_table(path: Path) -> list[PhaseRow]:
    path = Path(path)
    if not path.is_file():
        raise PlanFileError(_("File %(path)s does not exist.") % {"path": path})
    if zipfile.is_zipfile(path):
        rows = _xlsx_rows(path)
    elif path.suffix.lower() == ".csv":
        rows = _csv_rows(path)
    else:
        raise PlanFileError(
            _("%(path)s is neither an xlsx workbook nor a CSV file.") % {"path": path}
        )
    return _phases(rows)


def _xlsx_rows(path):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise PlanFileError(
            _("Cannot read the workbook %(path)s: %(error)s") % {"path": path, "error": exc}
        ) from exc
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def _csv_rows(path):
    raw = path.read_bytes()
    # Excel on a Chinese Windows saves CSV in GB18030 unless told otherwise.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise PlanFileError(_("%(path)s is not UTF-8 or GB18030 text.") % {"path": path})
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

        try:
            number = int(str(cell("number")).strip())
            if not 1 <= number <= 7:
                raise ValueError
        except (TypeError, ValueError):
            errors.append(
                _("Row %(row)s, column 序号: a phase number from 1 to 7 is required.")
                % {"row": line}
            )
            continue
        name = str(cell("name") or "").strip()
        if not name:
            errors.append(_("Row %(row)s, column 阶段名称: the name is empty.") % {"row": line})
            continue
        starts_on = _as_date(cell("starts_on"), end=False)
        ends_on = _as_date(cell("ends_on"), end=True)
        for column, value, raw in (
            ("开始", starts_on, cell("starts_on")),
            ("结束", ends_on, cell("ends_on")),
        ):
            if value is None:
                errors.append(
                    _(
                        "Row %(row)s, column %(column)s: “%(value)s” is not a month such as "
                        "2015-03 or a date such as 2015-03-01."
                    )
                    % {
                        "row": line,
                        "column": column,
                        "value": raw if raw is not None else "",
                    }
                )
        if starts_on is None or ends_on is None:
            continue
        phases.append(
            PhaseRow(
                number=number,
                name=name,
                starts_on=starts_on,
                ends_on=ends_on,
                summary=str(cell("summary") or "").strip(),
                note=str(cell("note") or "").strip(),
            )
        )
    if errors:
        raise PlanFileError("\n".join(errors))
    return phases


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
