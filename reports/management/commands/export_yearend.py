from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaign import clock
from campaign.models import Area
from campaign.selectors import current_campaign
from reports.report import YearReport
from reports.selectors import campaign_years
from reports.yearend import write_yearend, yearend_filename


class Command(BaseCommand):
    help = "Write the year-end workbook (xlsx) for a year, as the office downloads it."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("-o", "--output", type=Path, help="the file to write")
        parser.add_argument("--preparer", default="", help="the name in the 填报人 line")
        parser.add_argument(
            "--county", help="the county's name, where the deployment holds more than one"
        )

    def handle(self, *args, year, output=None, preparer="", county=None, **options):
        today = clock.today()
        counties = Area.objects.counties()
        if county:
            counties = counties.filter(name=county)
        counties = list(counties[:2])
        if len(counties) != 1:
            raise CommandError(
                f"没有名为“{county}”的县。" if county else "本系统有多个县，请用 --county 指明。"
            )
        campaign = current_campaign(counties[0])
        if year not in campaign_years(campaign, today):
            raise CommandError(f"{year} 不在活动年度内。")
        output = output or Path(yearend_filename(year))
        report = YearReport.load(year, campaign=campaign, today=today)
        with output.open("wb") as handle:
            write_yearend(report, handle, preparer=preparer)
        state = "已审核锁定，数字已固定" if report.frozen else "未审核锁定"
        self.stdout.write(f"{year} 年度报表（{state}）已写入 {output}")
