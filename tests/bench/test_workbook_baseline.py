"""The workbook's bench baseline writes the same styled cells as the workbook: every cell read
back from the baseline's file has the value and the style of the workbook's."""

import openpyxl

from bench.baselines import dump_values, write_plain, write_values
from tests.reports.test_official_sheet import write_sheet


def cells(path, hidden=frozenset()):
    """Every cell written, but those `hidden` (the covered cells of a merged range: the
    baseline writes them without merging)."""
    book = openpyxl.load_workbook(path)
    return {
        (sheet.title, cell.row, cell.column): (
            cell.value,
            cell.number_format,
            (cell.font.name, cell.font.sz, bool(cell.font.b)),
            (cell.alignment.horizontal, cell.alignment.vertical, bool(cell.alignment.wrap_text)),
            (cell.border.left.style, cell.border.top.style, cell.fill.fill_type),
        )
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if (sheet.title, cell.row, cell.column) not in hidden
        and (cell.value is not None or cell.has_style)
    }


def covered(path):
    book = openpyxl.load_workbook(path)
    return {
        (sheet.title, row, column)
        for sheet in book.worksheets
        for merged in sheet.merged_cells.ranges
        for row, column in merged.cells
        if (row, column) != (merged.min_row, merged.min_col)
    }


def test_it_writes_the_workbooks_cells_with_their_styles(tmp_path):
    workbook = tmp_path / "book.xlsx"
    with open(workbook, "wb") as handle:
        write_sheet(handle, reader="导出人：周科员")
    shape = dump_values(workbook, tmp_path / "cells")
    assert shape["sheets"] == 1 and shape["cells"] > 40
    write_values(tmp_path / "cells", tmp_path / "raw.xlsx")
    hidden = covered(workbook)
    expected = cells(workbook, hidden)
    assert len(expected) > 25 and len(hidden) > 10
    assert cells(tmp_path / "raw.xlsx", hidden) == expected

    write_plain(tmp_path / "cells", tmp_path / "plain.xlsx")
    plain = cells(tmp_path / "plain.xlsx", hidden)
    assert {k: v[0] for k, v in plain.items()} == {
        k: v[0] for k, v in expected.items() if v[0] is not None
    }
