from django.core.management.base import BaseCommand

from campaign import clock
from reports.workcal import rebuild_calendar


class Command(BaseCommand):
    help = (
        "Rebuild the working-day table the reports average over, after chinese-calendar "
        "publishes a new year's holidays (pip install -U chinesecalendar)."
    )

    def handle(self, *args, **options):
        days = rebuild_calendar(clock.today())
        self.stdout.write(f"已重建工作日表：{days} 天。")
