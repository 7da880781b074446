"""The campaign's summary workbook (全面总结): a sheet per section of the summary page, a column
per year of the campaign so far and one for the whole campaign, in the year-end workbook's
official layout."""

import re

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from jobs.progress import NoProgress
from reports.sheets import Column, OfficialSheet, SheetContext, official_workbook
from reports.summary import CampaignSummary, Section

FIRST_YEAR_COLUMN = 3  # No., item, figure, then the years


def summary_columns(summary: CampaignSummary, section: Section) -> list[Column]:
    return [
        Column(_("No."), 6),
        Column(_("Item"), 34),
        Column(_("Measure"), 22),
        *(Column(label, 14) for label in summary.year_labels()),
        Column(_("Whole campaign"), 14),
    ]


def write_summary(
    summary: CampaignSummary, handle, *, preparer: str = "", reader: str = "", progress=None
):
    """`progress` (jobs.progress) counts the sections: each is one query-heavy sheet."""
    progress = progress or NoProgress()
    with translation.override(settings.LANGUAGE_CODE):
        context = _context(summary, preparer, reader)
        sections = summary.sections()
        progress.stage(_("Writing the workbook"), total=len(sections))
        with official_workbook(handle, reader=reader) as workbook:
            for section in sections:
                sheet = OfficialSheet(
                    workbook,
                    name=str(section.title)[:31],
                    title=_("%(campaign)s: %(what)s")
                    % {"campaign": summary.campaign.name, "what": section.title},
                    context=context,
                    columns=summary_columns(summary, section),
                )
                for number, line in enumerate(section.lines, start=1):
                    width = len(line.years) + 1
                    sheet.row(
                        [
                            "" if line.total_row else number,
                            line.label,
                            line.what,
                            *line.years,
                            line.total,
                        ],
                        total=line.total_row,
                        formats={FIRST_YEAR_COLUMN + i: line.format for i in range(width)},
                    )
                if section.key == "overview":
                    sheet.note(_("In brief: %(text)s") % {"text": summary.text()})
                if section.note:
                    sheet.note(section.note)
                sheet.signature()
                progress.advance()


def _context(summary: CampaignSummary, preparer: str, reader: str) -> SheetContext:
    frozen = [str(y) for y in summary.years if summary.reports[y].frozen]
    if frozen:
        status = _(
            "Years signed off (%(years)s) are as frozen then; the rest and the whole campaign "
            "as the ledger stands on the date above."
        ) % {"years": "、".join(frozen)}
    else:
        status = _("Not signed off: the figures are as the ledger stands on the date above.")
    office = summary.reports[summary.years[-1]].office_name
    return SheetContext(
        county=summary.campaign.county.name,
        year=summary.years[-1],
        office=office,
        as_of=summary.today,
        status_line=status,
        preparer=preparer,
        reader=reader,
    )


def summary_filename(summary: CampaignSummary) -> str:
    name = re.sub(r'[\\/:*?"<>|]+', "-", summary.campaign.name).strip() or "campaign"
    return f"{name}-全面总结.xlsx"
