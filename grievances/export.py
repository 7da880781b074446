"""The ledger as an xlsx file, for the current filter. Written in openpyxl's write-only mode so
memory stays flat however many rows the filter selects."""

import tempfile
from datetime import date

from django.http import FileResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from campaign.watermark import mark_sheet, mark_workbook
from campaign.xlsx import TITLE_FONT, cell, header_row
from jobs.progress import NoProgress

WIDTHS = [12, 22, 16, 10, 40, 36, 16, 10, 14, 12, 10, 30, 12, 10]


def headers():
    return [
        _("Ledger number"),
        _("Topic"),
        _("Subject"),
        _("Township"),
        _("Problem"),
        _("Measures"),
        _("Lead unit"),
        _("Responsible person"),
        _("Phone"),
        _("Deadline"),
        _("Status"),
        _("Result"),
        _("Closed off on"),
        _("Leader in charge"),
    ]


def write_ledger(rows, handle, *, today: date, reader: str = "", progress=None) -> int:
    progress = progress or NoProgress()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Ledger"))
    sheet.freeze_panes = "A3"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    sheet.print_title_rows = "2:2"
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    title = _("Problem ledger (exported %(date)s)") % {"date": today.isoformat()}
    # The reader on screen in the title row (no row moves), in the page header and in the
    # file's properties.
    if reader:
        title = f"{title}　{reader}"
    mark_sheet(sheet, reader)
    mark_workbook(workbook, reader)
    sheet.append([cell(sheet, title, font=TITLE_FONT, border=None)])
    sheet.append(header_row(sheet, headers()))
    count = 0
    for case in rows.iterator(chunk_size=2000):
        sheet.append(
            [
                cell(sheet, case.number),
                cell(sheet, case.topic.name),
                cell(sheet, case.subject_label),
                cell(sheet, case.township.name if case.township_id else ""),
                cell(sheet, case.description),
                cell(sheet, case.measures),
                cell(sheet, case.lead_unit.name if case.lead_unit_id else ""),
                cell(sheet, case.responsible_person),
                cell(sheet, case.masked_responsible_phone),
                cell(sheet, case.deadline, number_format="yyyy-mm-dd"),
                cell(sheet, case.get_status_display()),
                cell(sheet, case.result),
                cell(sheet, case.closed_on, number_format="yyyy-mm-dd"),
                cell(sheet, case.leader.display_name if case.leader_id else ""),
            ]
        )
        count += 1
        progress.advance()
    workbook.save(handle)
    return count


def ledger_workbook_response(rows, *, today: date, reader: str = "") -> FileResponse:
    handle = tempfile.TemporaryFile()
    write_ledger(rows, handle, today=today, reader=reader)
    handle.seek(0)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=ledger_filename(today),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def ledger_filename(today: date) -> str:
    return f"问题台账-{today:%Y%m%d}.xlsx"
