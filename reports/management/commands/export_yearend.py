from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaign import clock
from campaign.models import Area, Campaign
from campaign.selectors import current_campaign
from reports.report import YearReport
from reports.selectors import campaign_years
from reports.yearend import KEPT_SECTIONS, write_yearend, yearend_filename


class Command(BaseCommand):
    help = "Write the year-end workbook (xlsx) for a year, as the office downloads it."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument(
            "--campaign", type=int, help="the campaign's id (primary key); the current by default"
        )
        parser.add_argument("-o", "--output", type=Path, help="the file to write")
        parser.add_argument("--preparer", default="", help="the name in the 填报人 line")
        parser.add_argument(
            "--county", help="the county's name, where the deployment holds more than one"
        )

    def handle(self, *args, year, output=None, preparer="", county=None, campaign=None, **options):
        today = clock.today()
        if campaign is not None:
            chosen = Campaign.objects.select_related("county").filter(pk=campaign).first()
            if chosen is None:
                raise CommandError(f"没有编号为 {campaign} 的活动。")
            if county and chosen.county.name != county:
                raise CommandError(f"编号为 {campaign} 的活动不属于“{county}”。")
            return self.export(chosen, year, today, output=output, preparer=preparer)
        counties = Area.objects.counties()
        if county:
            counties = counties.filter(name=county)
        counties = list(counties[:2])
        if len(counties) != 1:
            raise CommandError(
                f"没有名为“{county}”的县。" if county else "本系统有多个县，请用 --county 指明。"
            )
        current = current_campaign(counties[0], today)
        if current is None:
            raise CommandError(f"“{counties[0].name}”还没有载入活动计划。")
        return self.export(current, year, today, output=output, preparer=preparer)

    def export(self, campaign, year, today, *, output, preparer):
        if year not in campaign_years(campaign, today):
            first, last = campaign.starts_on.year, campaign.ends_on.year
            raise CommandError(
                f"{year} 不在活动“{campaign.name}”的年度内（{first}—{last}年）；"
                "往期活动的年度请用 --campaign 指明活动编号。"
            )
        output = output or Path(yearend_filename(campaign, year))
        report = YearReport.load(year, campaign=campaign, today=today, kept_sections=KEPT_SECTIONS)
        with output.open("wb") as handle:
            write_yearend(report, handle, preparer=preparer)
        state = "已审核锁定，数字已固定" if report.frozen else "未审核锁定"
        self.stdout.write(f"{year} 年度报表（{state}）已写入 {output}")
