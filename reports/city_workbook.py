"""The workbook a city or province office hands up: a row per county with its figures as the
county signed them off (or, marked, as they stand where it has not yet), and the total."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from reports.sheets import (
    DECIMAL,
    INTEGER,
    PERCENT,
    Column,
    OfficialSheet,
    SheetContext,
    chinese_date,
    official_workbook,
)
from reports.yearend import CONTENT_TYPE, file_safe

__all__ = ["CONTENT_TYPE", "city_filename", "columns", "write_city_workbook"]


def city_filename(area, year: int, campaigns) -> str:
    """Named after the counties' campaign when they all run one (by its name), else the area's."""
    names = {campaign.name for campaign in campaigns}
    prefix = f"{file_safe(names.pop())}-" if len(names) == 1 else ""
    return f"{prefix}{area.name}各县{year}年度汇总.xlsx"


def columns(*, several_cities: bool) -> list[Column]:
    first = [Column(_("No."), 6), Column(_("County"), 16)]
    if several_cities:
        first.append(Column(_("City"), 14))
    return [
        *first,
        Column(_("Sign-off"), 22),
        Column(_("Households registered"), 12, INTEGER),
        Column(_("Households visited"), 12, INTEGER),
        Column(_("Survey coverage"), 10, PERCENT),
        Column(_("Cases registered"), 12, INTEGER),
        Column(_("Closed off"), 10, INTEGER),
        Column(_("Closed on time"), 10, INTEGER),
        Column(_("On-time rate"), 10, PERCENT),
        Column(_("Overdue"), 10, INTEGER),
        Column(_("Activities held"), 10, INTEGER),
        Column(_("Average assessment score"), 12, DECIMAL),
    ]


def sign_off_text(row) -> str:
    if row.campaign is None:
        return _("No campaign loaded")
    if row.signed:
        return _("Signed off %(date)s") % {"date": chinese_date(row.sign_off["as_of"])}
    return _("Not signed off (figures as they stand)")


def _values(figures: dict) -> list:
    return [
        figures["households"],
        figures["visited"],
        figures["visited_pct"],
        figures["registered"],
        figures["closed"],
        figures["on_time"],
        figures["on_time_pct"],
        figures["overdue"],
        figures["activities"],
        figures["assessment"],
    ]


def write_city_workbook(comparison: dict, handle, *, office: str, preparer: str) -> None:
    area, year = comparison["area"], comparison["year"]
    several = comparison["several_cities"]
    unsigned = comparison["unsigned"]
    with translation.override(settings.LANGUAGE_CODE):
        if unsigned:
            status = _(
                "%(count)s counties have not signed the year off (%(names)s): their figures "
                "are as they stand on the date above."
            ) % {"count": len(unsigned), "names": "、".join(unsigned)}
        else:
            status = _("Every county has signed the year off: the figures are as signed.")
        context = SheetContext(
            county=area.name,
            year=year,
            office=office,
            as_of=comparison["today"],
            status_line=status,
            preparer=preparer,
        )
        with official_workbook(handle) as workbook:
            sheet = OfficialSheet(
                workbook,
                name=_("Counties"),
                title=_("%(area)s %(year)s: the counties compared")
                % {"area": area.name, "year": year},
                context=context,
                columns=columns(several_cities=several),
            )
            for number, row in enumerate(comparison["rows"], start=1):
                first = [number, row.county.name]
                if several:
                    first.append(row.county.parent.name if row.county.parent_id else "")
                sheet.row([*first, sign_off_text(row), *_values(row.figures)])
            first = ["", _("Total")] + ([""] if several else [])
            sheet.row([*first, "", *_values(comparison["total"])], total=True)
            sheet.signature()
