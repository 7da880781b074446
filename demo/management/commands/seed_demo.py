from django.core.management.base import BaseCommand

from campaign.models import Campaign
from demo.activities import seed_activities_and_plaques
from demo.assessment import seed_assessment
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
        # The order matters: each builder reads what the ones before it wrote, and the ids
        # (hence the demo's ledger numbers and links) follow it.
        county = seed_organisation(campaign)
        if households := seed_registry(county):
            self.stdout.write(f"已生成 {households} 户优抚对象及走访记录。")
        if cases := seed_ledger(county):
            self.stdout.write(f"已生成 {cases} 条问题台帐。")
        seed_workstream_records(county)
        seed_activities_and_plaques(county)
        seed_rectifications(county)
        self.stdout.write(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
        for login in county.logins:
            self.stdout.write(f"  {login.username:<12} {login.role:<10} {login.unit}")
        if seed_assessment(county):
            self.stdout.write("已生成考评权重及加减分事项。")
