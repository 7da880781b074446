from django.core.management.base import BaseCommand

from campaign.models import Campaign
from demo.activities import seed_activities_and_plaques
from demo.assessment import seed_reports
from demo.ledger import seed_ledger
from demo.organisation import DEMO_PASSWORD, seed_organisation
from demo.rectifications import seed_rectifications
from demo.registry import seed_registry
from demo.workstreams import seed_workstream_records


class Command(BaseCommand):
    help = "Create or refresh the demo county (deterministic; running it again changes nothing)."

    def handle(self, *args, **options):
        campaign = Campaign.objects.prefetch_related("phases").first()
        if campaign is None:
            self.stderr.write("请先运行 python manage.py load_plan 载入活动方案。")
            raise SystemExit(1)
        county = seed_organisation(campaign)
        created = seed_registry(county)
        if created:
            self.stdout.write(f"已生成 {created} 户优抚对象及走访记录。")
        cases = seed_ledger(county)
        if cases:
            self.stdout.write(f"已生成 {cases} 条问题台帐。")
        seed_workstream_records(county)
        seed_activities_and_plaques(county)
        seed_rectifications(county)
        self.stdout.write(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
        for login in county.logins:
            self.stdout.write(f"  {login.username:<12} {login.role:<10} {login.unit}")
        if seed_reports():
            self.stdout.write("已生成考评权重及加减分事项。")
