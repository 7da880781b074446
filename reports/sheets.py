"""One official-looking worksheet in write-only mode: a title merged across the table, the
reporting unit and date lines, a frozen and repeated header row, widths, formats, A4 landscape,
and the signature block. Cells are made as campaign.xlsx.cell makes them (the house style; text
that looks like a formula kept as text); styles are looked up once per combination, since
openpyxl spends most of a large sheet's time hashing the same fonts and borders again."""

from copy import copy
from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from campaign.watermark import mark_sheet
from campaign.xlsx import (
    BODY_FONT,
    BORDER,
    FONT_NAME,
    HEADER_FONT,
    TITLE_FONT,
    WRAP,
    cell,
    header_row,
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


class StyledCells:
    """campaign.xlsx.cell with its style computed once per combination and copied after."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.styles = {}

    def __call__(self, value, *, font=BODY_FONT, number_format=None, alignment=WRAP, border=BORDER):
        key = (id(font), id(alignment), id(border), number_format)
        style = self.styles.get(key)
        if style is None:
            made = cell(
                self.sheet,
                value,
                font=font,
                number_format=number_format,
                alignment=alignment,
                border=border,
            )
            self.styles[key] = copy(made._style)
            return made
        made = WriteOnlyCell(self.sheet, value=neutralise(value))
        if isinstance(value, str):
            made.data_type = "s"
        made._style = copy(style)
        return made


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


class OfficialSheet:
    def __init__(self, workbook, *, name: str, title: str, context: SheetContext, columns):
        self.sheet = workbook.create_sheet(name)
        self.columns = list(columns)
        self.context = context
        self.width = len(self.columns)
        self.rows = 0
        sheet = self.sheet
        self.cell = StyledCells(sheet)
        for index, column in enumerate(self.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = column.width
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = 9  # A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        sheet.print_options.horizontalCentered = True
        sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        sheet.freeze_panes = f"A{HEADER_ROW + 1}"
        sheet.oddFooter.center.text = _("Page &P of &N")
        sheet.row_dimensions[1].height = 30
        sheet.row_dimensions[HEADER_ROW].height = 32

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
        mark_sheet(sheet, context.reader)
        self._append(header_row(sheet, [c.label for c in self.columns]))

    def _append(self, cells):
        self.sheet.append(cells)
        self.rows += 1

    def _merge(self, first: int, last: int):
        if last > first:
            row = self.rows
            self.sheet.merged_cells.add(
                f"{get_column_letter(first)}{row}:{get_column_letter(last)}{row}"
            )

    def _merged_line(self, text, *, font, alignment):
        self._append(
            [self.cell(text, font=font, alignment=alignment, border=None)]
            + [None] * (self.width - 1)
        )
        self._merge(1, self.width)

    def _split_line(self, left: str, right: str, *, at: int):
        plain = {"font": INFO_FONT, "border": None}
        cells = [self.cell(left, alignment=LEFT, **plain)] + [None] * (at - 1)
        cells += [self.cell(right, alignment=RIGHT, **plain)]
        cells += [None] * (self.width - at - 1)
        self._append(cells)
        self._merge(1, at)
        self._merge(at + 1, self.width)

    def row(self, values, *, total: bool = False, formats: dict[int, str] | None = None):
        """Append a row; `formats` overrides a column's number format for this row only."""
        font = TOTAL_FONT if total else BODY_FONT
        cells = []
        for index, (column, value) in enumerate(zip(self.columns, values, strict=True)):
            if isinstance(value, Promise):
                value = str(value)
            number_format = (formats or {}).get(index, column.format)
            if number_format and value is not None and not isinstance(value, str):
                if number_format == PERCENT:
                    value = round(value / 100, 4)
                cells.append(
                    self.cell(
                        value,
                        font=font,
                        number_format=number_format,
                        alignment=NUMBER,
                    )
                )
            else:
                alignment = MIDDLE if number_format else None
                kwargs = {"alignment": alignment} if alignment else {}
                cells.append(self.cell("—" if value is None else value, font=font, **kwargs))
        self._append(cells)

    def note(self, text: str):
        self._append([None] * self.width)
        self._merged_line(text, font=INFO_FONT, alignment=LEFT)

    def subheading(self, labels):
        self._append([None] * self.width)
        self._append(header_row(self.sheet, labels) + [None] * (self.width - len(labels)))

    def signature(self):
        """填报单位, 负责人, 填报人, 日期 across the foot of the table."""
        context = self.context
        parts = [
            _("Reporting unit: %(unit)s") % {"unit": context.office},
            _("Person in charge:"),
            _("Prepared by: %(name)s") % {"name": context.preparer},
            _("Date: %(date)s") % {"date": chinese_date(context.as_of)},
        ]
        self._append([None] * self.width)
        slots = _slots(self.width, len(parts))
        cells = [None] * self.width
        for (first, _last), text in zip(slots, parts, strict=True):
            cells[first - 1] = self.cell(text, font=HEADER_FONT, alignment=LEFT, border=None)
        self._append(cells)
        for first, last in slots:
            self._merge(first, last)


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
