"""Helpers for the workbooks the app writes: safe text cells and the house style."""

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

FONT_NAME = "宋体"  # what county offices' Windows machines expect; LibreOffice falls back to Noto
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

BODY_FONT = Font(name=FONT_NAME, size=10)
HEADER_FONT = Font(name=FONT_NAME, size=10, bold=True)
TITLE_FONT = Font(name=FONT_NAME, size=16, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def neutralise(value):
    """A text that a spreadsheet would run as a formula (= + - @) is kept as text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def cell(
    sheet, value, *, font=BODY_FONT, number_format=None, alignment=WRAP, border=BORDER, fill=None
):
    """A write-only cell whose text is never taken for a formula."""
    c = WriteOnlyCell(sheet, value=neutralise(value))
    if isinstance(value, str):
        c.data_type = "s"
    c.font = font
    c.alignment = alignment
    if border is not None:
        c.border = border
    if fill is not None:
        c.fill = fill
    if number_format:
        c.number_format = number_format
    return c


def header_row(sheet, labels):
    return [
        cell(sheet, label, font=HEADER_FONT, alignment=CENTER, fill=HEADER_FILL) for label in labels
    ]
