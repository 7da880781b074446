"""One official-looking worksheet: a title merged across the table, the reporting unit and date
lines, a frozen and repeated header row, widths, formats, A4 landscape, and the signature block.

Written with XlsxWriter in constant-memory mode: each row goes to disk once the next one starts,
so memory stays flat however long the ledger is, and a styled cell costs what a plain one does
(openpyxl spent most of a large sheet's time on the style of every cell: bench/FINDINGS.md §7).
Reading workbooks stays with openpyxl. The house style is campaign.xlsx's, translated once per
combination into an XlsxWriter format; text that looks like a formula is kept as text."""

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import xlsxwriter
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Font

from campaign.xlsx import (
    BODY_FONT,
    BORDER,
    CENTER,
    FONT_NAME,
    HEADER_FILL,
    HEADER_FONT,
    TITLE_FONT,
    WRAP,
    neutralise,
)

INTEGER = "#,##0"
DECIMAL = "0.0"
PERCENT = "0.0%"
MONEY = "#,##0.00"
DATE = "yyyy-mm-dd"

LEFT = Alignment(horizontal="left", vertical="center")
RIGHT = Alignment(horizontal="right", vertical="center")
MIDDLE = Alignment(horizontal="center", vertical="center", wrap_text=True)
NUMBER = Alignment(horizontal="right", vertical="center")
INFO_FONT = Font(name=FONT_NAME, size=10)
TOTAL_FONT = Font(name=FONT_NAME, size=10, bold=True)

HEADER_ROW = 4  # title, unit and date, status, then the column headers
DIGIT_PIXELS = 7  # XlsxWriter's width of a digit in the default font: widths are whole pixels
# Text is written as text: nothing is taken for a formula, a link or a number.
OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
BORDER_STYLES = {"thin": 1}
VERTICAL = {"center": "vcenter"}


@dataclass(frozen=True)
class Column:
    label: str
    width: float
    format: str | None = None  # a number format; None for text


@dataclass(frozen=True)
class SheetContext:
    """What every sheet of one workbook repeats: who reports, as of when, in what state."""

    county: str
    year: int
    office: str
    as_of: date
    status_line: str
    preparer: str
    reader: str = ""  # who exported the file and when, or "" when watermarks are off


@contextmanager
def official_workbook(handle, *, reader: str = ""):
    """An XlsxWriter workbook writing to the binary file `handle`, closed (written out) at the
    end of the block. The reader goes into the document properties (campaign.watermark)."""
    workbook = xlsxwriter.Workbook(handle, OPTIONS)
    if reader:
        # XlsxWriter writes its author as both creator and last modified by.
        workbook.set_properties({"comments": reader, "keywords": reader, "author": reader[:255]})
    workbook.formats_of = {}
    yield workbook
    workbook.close()


def format_spec(font, alignment=None, border=None, fill=None, number_format=None) -> dict:
    """An openpyxl style (campaign.xlsx's house style) as XlsxWriter format properties."""
    spec = {"font_name": font.name, "font_size": font.sz, "bold": bool(font.b)}
    if alignment is not None:
        if alignment.horizontal:
            spec["align"] = alignment.horizontal
        if alignment.vertical:
            spec["valign"] = VERTICAL.get(alignment.vertical, alignment.vertical)
        if alignment.wrap_text:
            spec["text_wrap"] = True
    if border is not None:
        spec["border"] = BORDER_STYLES[border.left.style]
        spec["border_color"] = "#" + border.left.color.rgb[-6:]
    if fill is not None:
        spec["pattern"] = 1
        spec["bg_color"] = "#" + fill.fgColor.rgb[-6:]
    if number_format:
        spec["num_format"] = number_format
    return spec


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


class OfficialSheet:
    def __init__(self, workbook, *, name: str, title: str, context: SheetContext, columns):
        self.workbook = workbook
        self.sheet = sheet = workbook.add_worksheet(name)
        self.columns = list(columns)
        self.context = context
        self.width = len(self.columns)
        self.rows = 0
        for index, column in enumerate(self.columns):
            # In whole pixels, so the file stores the width as given, as openpyxl did.
            sheet.set_column_pixels(index, index, round(column.width * DIGIT_PIXELS))
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        sheet.center_horizontally()
        sheet.repeat_rows(HEADER_ROW - 1)
        sheet.freeze_panes(HEADER_ROW, 0)
        sheet.set_footer("&C" + _("Page &P of &N"))
        if context.reader:
            # The reader on every printed page, small and grey; a name's own & is doubled,
            # since header codes start with &.
            sheet.set_header("&R&8 &K808080" + context.reader.replace("&", "&&"))
        # Heights in points: pixels are three quarters of a point.
        sheet.set_row_pixels(0, 30 / 0.75)
        sheet.set_row_pixels(HEADER_ROW - 1, 32 / 0.75)

        self._merged_line(str(title), font=TITLE_FONT, alignment=MIDDLE)
        half = max(self.width // 2, 1)
        self._split_line(
            _("Reporting unit: %(unit)s (seal)") % {"unit": context.office},
            _("Figures as of: %(date)s") % {"date": chinese_date(context.as_of)},
            at=half,
        )
        # The reader on screen in the status line (no row moves), and in the page header.
        status = (
            f"{context.status_line}　{context.reader}" if context.reader else context.status_line
        )
        self._merged_line(status, font=INFO_FONT, alignment=LEFT)
        self._append(self._header_cells([c.label for c in self.columns]))

    def cell(self, value, *, font=BODY_FONT, number_format=None, alignment=WRAP, border=BORDER):
        return value, self._format(font, alignment, border, None, number_format)

    def _format(self, font, alignment, border, fill, number_format):
        """One XlsxWriter format per combination in the workbook, shared by its sheets."""
        key = (id(font), id(alignment), id(border), id(fill), number_format)
        made = self.workbook.formats_of.get(key)
        if made is None:
            spec = format_spec(font, alignment, border, fill, number_format)
            made = self.workbook.formats_of[key] = self.workbook.add_format(spec)
        return made

    def _header_cells(self, labels):
        header = self._format(HEADER_FONT, CENTER, BORDER, HEADER_FILL, None)
        return [(label, header) for label in labels]

    def _append(self, cells):
        """Write a row of (value, format) pairs; None leaves a cell out."""
        row = self.rows
        for column, made in enumerate(cells):
            if made is not None:
                self._write(row, column, *made)
        self.rows += 1

    def _write(self, row: int, column: int, value, cell_format):
        sheet = self.sheet
        if isinstance(value, Promise):
            value = str(value)  # a label made lazily
        if isinstance(value, str):
            value = neutralise(value)
            if value:
                sheet.write_string(row, column, value, cell_format)
            else:
                sheet.write_blank(row, column, None, cell_format)
        elif value is None:
            sheet.write_blank(row, column, None, cell_format)
        elif isinstance(value, bool):
            sheet.write_boolean(row, column, value, cell_format)
        elif isinstance(value, int | float | Decimal):
            sheet.write_number(row, column, value, cell_format)
        elif isinstance(value, date | datetime):
            sheet.write_datetime(row, column, value, cell_format)
        else:
            sheet.write_string(row, column, neutralise(str(value)), cell_format)

    def _merge(self, first: int, last: int, cells):
        if last > first:
            row = self.rows - 1
            value, cell_format = cells[first - 1] or (None, None)
            self.sheet.merge_range(row, first - 1, row, last - 1, "", cell_format)
            if value not in (None, ""):
                self._write(row, first - 1, value, cell_format)

    def _merged_line(self, text, *, font, alignment):
        cells = [self.cell(text, font=font, alignment=alignment, border=None)]
        cells += [None] * (self.width - 1)
        self._append(cells)
        self._merge(1, self.width, cells)

    def _split_line(self, left: str, right: str, *, at: int):
        plain = {"font": INFO_FONT, "border": None}
        cells = [self.cell(left, alignment=LEFT, **plain)] + [None] * (at - 1)
        cells += [self.cell(right, alignment=RIGHT, **plain)]
        cells += [None] * (self.width - at - 1)
        self._append(cells)
        self._merge(1, at, cells)
        self._merge(at + 1, self.width, cells)

    def row(self, values, *, total: bool = False, formats: dict[int, str] | None = None):
        """Append a row; `formats` overrides a column's number format for this row only.
        Written cell by cell, not through (value, format) pairs: the ledger sheet is most of
        a province's workbook, and this is its inner loop."""
        font = TOTAL_FONT if total else BODY_FONT
        row, write, style = self.rows, self._write, self._format
        for index, (column, value) in enumerate(zip(self.columns, values, strict=True)):
            if isinstance(value, Promise):
                value = str(value)
            number_format = formats.get(index, column.format) if formats else column.format
            if number_format and value is not None and not isinstance(value, str):
                if number_format == PERCENT:
                    value = round(value / 100, 4)
                write(row, index, value, style(font, NUMBER, BORDER, None, number_format))
            elif value is None:
                write(
                    row,
                    index,
                    "—",
                    style(font, MIDDLE if number_format else WRAP, BORDER, None, None),
                )
            else:
                # A date in a text column keeps a date's format, as openpyxl gave it one.
                alignment = MIDDLE if number_format else WRAP
                shown = DATE if isinstance(value, date) else None
                write(row, index, value, style(font, alignment, BORDER, None, shown))
        self.rows += 1

    def note(self, text: str):
        self.rows += 1
        self._merged_line(text, font=INFO_FONT, alignment=LEFT)

    def subheading(self, labels):
        self.rows += 1
        self._append(self._header_cells(labels))

    def signature(self):
        """填报单位, 负责人, 填报人, 日期 across the foot of the table."""
        context = self.context
        parts = [
            _("Reporting unit: %(unit)s") % {"unit": context.office},
            _("Person in charge:"),
            _("Prepared by: %(name)s") % {"name": context.preparer},
            _("Date: %(date)s") % {"date": chinese_date(context.as_of)},
        ]
        self.rows += 1
        slots = _slots(self.width, len(parts))
        cells = [None] * self.width
        for (first, _last), text in zip(slots, parts, strict=True):
            cells[first - 1] = self.cell(text, font=HEADER_FONT, alignment=LEFT, border=None)
        self._append(cells)
        for first, last in slots:
            self._merge(first, last, cells)


def _slots(width: int, parts: int) -> list[tuple[int, int]]:
    """Split columns 1..width into `parts` consecutive ranges (a narrow sheet shares columns)."""
    if width < parts:
        return [(min(i + 1, width), min(i + 1, width)) for i in range(parts)]
    size, extra = divmod(width, parts)
    slots, first = [], 1
    for index in range(parts):
        last = first + size - 1 + (1 if index < extra else 0)
        slots.append((first, last))
        first = last + 1
    return slots
