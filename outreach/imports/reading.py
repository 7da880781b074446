"""Reading the beneficiary workbook a township clerk uploads (or another import's, given its
Layout): the checks that refuse a file outright (not an .xlsx, encrypted, damaged, too large,
too costly to open as outreach.imports.limits finds, columns missing) and the rows of its data
sheet, each cell as it was read. Then outreach.imports.rows reads each row,
outreach.imports.plan checks the rows against the registry and outreach.imports.services
writes them."""

import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import chain, islice

import openpyxl
from django.utils.translation import gettext as _
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, range_boundaries

from outreach.imports import ImportRefused
from outreach.imports.cells import UnsavedFormula, cell_text
from outreach.imports.layout import HOUSEHOLDS, SEPARATOR, Layout, header_key
from outreach.imports.limits import (
    MAX_BYTES,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_SCANNED_ROWS,
    MAX_TEXT_CHARS,
    SheetFacts,
    cell_too_long,
    check_package,
    too_many_columns,
    too_many_rows,
)

logger = logging.getLogger(__name__)

HEADER_SEARCH_ROWS = 10  # clerks' own sheets often carry a title above the headers
EMPTY_RUN = 1_000  # empty rows in a row that end the data: formatting may go on to row 1,048,576
# The first words of a line signed or summed under the data: 制表人：…, 审核人, 合计 …
FOOTER = re.compile(r"^(制表|填表|填报|审核|审批|合计|总计|小计|负责人|单位负责人|经办人|统计人)")
CFB_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # encrypted .xlsx and old .xls alike
ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class SheetRow:
    number: int  # the row number Excel shows
    values: dict  # column key -> the cell value as read


@dataclass
class Sheet:
    rows: list[SheetRow]
    header_row: int

    # The rows wait between the steps of an import as JSON: the workbook is opened once.
    def to_json(self) -> bytes:
        rows = [[row.number, {k: _stored(v) for k, v in row.values.items()}] for row in self.rows]
        data = {"header_row": self.header_row, "rows": rows}
        return json.dumps(data, ensure_ascii=False, default=str).encode()

    @classmethod
    def from_json(cls, data: bytes) -> "Sheet":
        data = json.loads(data)
        rows = [
            SheetRow(number=number, values={k: _read_back(v) for k, v in values.items()})
            for number, values in data["rows"]
        ]
        return cls(rows=rows, header_row=data["header_row"])


# Cell values JSON has no type for, tagged; the rest (text, numbers, booleans) as they are.
STORED_TYPES = {"datetime": datetime, "date": date, "time": time}


def _stored(value):
    if isinstance(value, UnsavedFormula):
        return {"formula": ""}
    if isinstance(value, timedelta):
        return {"seconds": value.total_seconds()}
    for tag, kind in STORED_TYPES.items():
        if isinstance(value, kind):  # datetime first: a datetime is a date too
            return {tag: value.isoformat()}
    return value


def _read_back(value):
    if not isinstance(value, dict):
        return value
    ((tag, stored),) = value.items()
    if tag == "formula":
        return UnsavedFormula()
    if tag == "seconds":
        return timedelta(seconds=stored)
    return STORED_TYPES[tag].fromisoformat(stored)


def read_workbook(file, layout: Layout = HOUSEHOLDS) -> Sheet:
    size = _size(file)
    if size > MAX_BYTES:
        raise ImportRefused(
            _(
                "The file is %(size)s MB; files over %(max)s MB are refused. Split it into "
                "smaller files."
            )
            % {"size": f"{size / 1024 / 1024:.1f}", "max": MAX_BYTES // 1024 // 1024}
        )
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(CFB_MAGIC):
        raise ImportRefused(
            _(
                "This file is encrypted, or in the old Excel 97-2003 (.xls) format. Remove the "
                "password, or save it as an Excel workbook (.xlsx), and upload it again."
            )
        )
    if not head.startswith(ZIP_MAGIC):
        raise ImportRefused(
            _(
                "This file is not an Excel workbook (.xlsx), whatever its name says. Download "
                "the template, fill it in and upload that."
            )
        )
    facts = check_package(file)
    try:
        # data_only: a formula is read as the value Excel last saved for it, never evaluated.
        # keep_links=False: links to other workbooks are not needed, so not read either.
        workbook = openpyxl.load_workbook(file, read_only=True, data_only=True, keep_links=False)
    except Exception:
        logger.info("unreadable import file", exc_info=True)
        raise ImportRefused.damaged() from None
    try:
        sheet = _data_sheet(workbook, layout)
        facts = facts.get(getattr(sheet, "_worksheet_path", ""), SheetFacts())
        return _read_sheet(sheet, facts, layout)
    except ImportRefused:
        raise
    except Exception:
        logger.info("damaged import file", exc_info=True)
        raise ImportRefused.damaged() from None
    finally:
        workbook.close()


def _size(file) -> int:
    file.seek(0, 2)
    size = file.tell()
    file.seek(0)
    return size


def _data_sheet(workbook, layout: Layout):
    if layout.data_sheet in workbook.sheetnames:
        return workbook[layout.data_sheet]
    # A clerk's own workbook may put a summary first: the data is on the sheet whose top rows
    # hold the template's headers.
    sheets = [s for s in workbook.worksheets if s.title not in layout.other_sheets]
    if not sheets:
        raise ImportRefused(_("The workbook has no sheet with data."))
    return max(sheets, key=lambda sheet: max(_header_scores(_top(sheet), layout), default=0))


def _top(sheet) -> list:
    # Some programs write a wrong used range; without this, read-only mode would cut rows short.
    sheet.reset_dimensions()
    return list(islice(_checked(sheet.iter_rows(values_only=True)), HEADER_SEARCH_ROWS))


def _header_scores(rows, layout: Layout) -> list[int]:
    known = {header_key(column.header) for column in layout.columns}
    return [sum(header_key(cell) in known for cell in row) for row in rows]


def _read_sheet(sheet, facts: SheetFacts, layout: Layout) -> Sheet:
    sheet.reset_dimensions()
    rows = _checked(sheet.iter_rows(values_only=True))
    top = list(islice(rows, HEADER_SEARCH_ROWS))
    scores = _header_scores(top, layout)
    header_index = max(range(len(top)), key=lambda i: scores[i], default=0)
    header = top[header_index] if top else ()
    positions = _column_positions(header, sheet.title, layout)
    complete = _Completion(facts, header_row=header_index + 1)

    data, count, empty = [], 0, 0
    for number, row in enumerate(chain(top, rows), start=1):
        if number > MAX_SCANNED_ROWS:
            raise too_many_rows()
        row = complete(number, row)
        if number <= header_index + 1:
            continue
        if _is_footer(row, positions, layout.anchor):
            break
        values = _values(row, positions)
        if not any(isinstance(v, UnsavedFormula) or cell_text(v) for v in values.values()):
            empty += 1
            if empty >= EMPTY_RUN:
                break
            continue
        empty = 0
        count += 1
        if count <= MAX_ROWS:  # beyond, only counted, to tell the clerk how many
            data.append(SheetRow(number=number, values=values))
    if count > MAX_ROWS:
        raise ImportRefused(
            _(
                "The file has %(count)s data rows; at most %(max)s can be imported at once. "
                "Split it into files of at most %(max)s rows each."
            )
            % {"count": count, "max": MAX_ROWS}
        )
    if not data:
        raise ImportRefused(_("The sheet has no data rows below its headers."))
    return Sheet(rows=data, header_row=header_index + 1)


class _Completion:
    """What read-only openpyxl leaves out of a row: the value of a cell merged down from the
    row above (户编号 merged over a household's rows) and a formula saved without its value."""

    def __init__(self, facts: SheetFacts, *, header_row: int):
        self.formulas = {}
        for ref in facts.unsaved_formulas:
            letters, row = coordinate_from_string(ref)
            self.formulas.setdefault(row, []).append(column_index_from_string(letters) - 1)
        self.merges = []  # (first row, last row, first column, last column), 0-based columns
        for ref in facts.merges:
            try:
                min_col, min_row, max_col, max_row = range_boundaries(ref)
            except (TypeError, ValueError):
                continue
            if max_row > min_row > header_row and max_col <= MAX_COLUMNS:
                self.merges.append((min_row, max_row, min_col - 1, max_col - 1))
        self.merges.sort()
        self.next = 0  # the first merge not yet begun
        self.open = []  # merges begun and not ended: (last row, first column, last column, value)

    def __call__(self, number: int, row: tuple) -> tuple:
        if number in self.formulas:
            row = list(row)
            for index in self.formulas[number]:
                if index < len(row) and row[index] is None:
                    row[index] = UnsavedFormula()
        if not (self.open or self.next < len(self.merges)):
            return row
        self.open = [m for m in self.open if m[0] >= number]
        if self.open:
            row = list(row)
            for _last, first_col, last_col, value in self.open:
                if len(row) <= last_col:
                    row += [None] * (last_col + 1 - len(row))
                for index in range(first_col, last_col + 1):
                    row[index] = value
        while self.next < len(self.merges) and self.merges[self.next][0] <= number:
            first_row, last_row, first_col, last_col = self.merges[self.next]
            self.next += 1
            if first_row == number:
                value = row[first_col] if first_col < len(row) else None
                self.open.append((last_row, first_col, last_col, value))
        return row


def _is_footer(row, positions: dict[str, int], anchor: str) -> bool:
    """A line signed or summed under the data: 制表人：…, 审核人, 合计 … with its anchor column
    (the ID number of a household's person) empty."""
    index = positions.get(anchor)
    if index is not None and index < len(row) and cell_text(row[index]):
        return False
    first = next((text for text in map(cell_text, row) if text), "")
    return bool(FOOTER.match(re.sub(r"\s+", "", unicodedata.normalize("NFKC", first))))


def _column_positions(header, sheet_title: str, layout: Layout) -> dict[str, int]:
    by_header = {header_key(column.header): column.key for column in layout.columns}
    positions, seen, duplicates, unknown = {}, set(), [], []
    for index, cell in enumerate(header):
        name = header_key(cell)
        if not name:
            continue
        if name in seen:
            duplicates.append(str(cell).strip())
        seen.add(name)
        if name in by_header:
            positions.setdefault(by_header[name], index)
        elif name != header_key(layout.error_header):
            unknown.append(str(cell).strip())
    missing = [column.header for column in layout.columns if column.key not in positions]
    if missing:
        message = _("Columns missing: %(missing)s. Keep the template's headers unchanged.") % {
            "missing": SEPARATOR.join(missing)
        }
        if unknown:
            message += " " + _("Columns not in the template: %(unknown)s.") % {
                "unknown": SEPARATOR.join(unknown)
            }
        if sheet_title != layout.data_sheet:
            message = (
                _(
                    "No sheet of the workbook has the template's header row; the sheet read "
                    "was “%(sheet)s”."
                )
                % {"sheet": sheet_title}
                + " "
                + message
            )
        raise ImportRefused(message)
    if duplicates:
        raise ImportRefused(
            _("These columns appear more than once: %(columns)s. Keep one of each.")
            % {"columns": SEPARATOR.join(duplicates)}
        )
    return positions


def _checked(rows):
    """The rows as openpyxl reads them, each looked at before it is kept: check_package bounded
    the rows, this the width and the cells that a sheet's declared size did not tell."""
    text = 0
    for row in rows:
        if len(row) > MAX_COLUMNS:
            raise too_many_columns()
        for value in row:
            if isinstance(value, str):
                if len(value) > MAX_CELL_CHARS:
                    raise cell_too_long()
                text += len(value)
        # One long string may fill every cell of every row (shared strings are shared), and
        # each step after this one writes or shows them all.
        if text > MAX_TEXT_CHARS:
            raise ImportRefused(
                _(
                    "The cells of this file hold more than %(max)s characters in all, far more "
                    "than a list of households needs. Shorten long texts such as notes, or split "
                    "the file, and upload again."
                )
                % {"max": MAX_TEXT_CHARS}
            )
        yield row


def _values(row, positions: dict[str, int]) -> dict:
    return {key: (row[index] if index < len(row) else None) for key, index in positions.items()}
