from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from campaign import plan
from campaign.models import Area, Campaign
from demo.activities import seed_activities_and_plaques
from demo.activity_details import seed_activity_details
from demo.agenda import seed_agenda
from demo.assessment import seed_assessment
from demo.bulletins import seed_bulletins
from demo.city import COUNTIES, seed_city
from demo.county import DemoCounty, DemoLogin
from demo.leaders import seed_leaders
from demo.ledger import seed_ledger
from demo.organisation import DEMO_PASSWORD, seed_organisation
from demo.rectifications import seed_rectifications
from demo.registry import seed_registry
from demo.special_actions import seed_special_actions
from demo.submissions import seed_submissions
from demo.visits_by_units import seed_visits_by_units
from demo.workstreams import seed_workstream_records


class Command(BaseCommand):
    help = (
        "Create or refresh the demo county, or with --counties N a demo city of N counties "
        "(deterministic; running it again changes nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--counties",
            type=int,
            metavar="N",
            help=f"build the demo city (示范市) of N counties (1–{len(COUNTIES)}) instead: each a "
            "full demo county with its own logins (c1-office, c2-office …), and the city "
            "office's login, city",
        )

    def handle(self, *args, counties=None, **options):
        if counties is None:
            county = seed_organisation(_single_county_campaign())
            self._build(county, label="")
            self._print_logins([("", county.logins)])
            return
        if not 1 <= counties <= len(COUNTIES):
            raise CommandError(f"--counties 须在 1 至 {len(COUNTIES)} 之间。")
        city = seed_city(counties)
        groups = []
        for campaign, place in city.counties:
            county = seed_organisation(campaign, place)
            self._build(county, label=f"{county.area.name}：")
            groups.append((f"{county.area.name}：", county.logins))
        groups.append((f"{city.area.name}：", [city.login]))
        self._print_logins(groups)

    def _build(self, county: DemoCounty, *, label: str) -> None:
        # The order matters: each builder reads what the ones before it wrote, and the ids
        # (hence the demo's ledger numbers and links) follow it.
        if households := seed_registry(county):
            self.stdout.write(f"{label}已生成 {households} 户优抚对象及走访记录。")
        if cases := seed_ledger(county):
            self.stdout.write(f"{label}已生成 {cases} 个台账问题。")
        seed_workstream_records(county)
        seed_activities_and_plaques(county)
        seed_rectifications(county)
        if seed_assessment(county):
            self.stdout.write(f"{label}已生成考评权重及加减分事项。")
        seed_special_actions(county)
        seed_leaders(county)
        if seed_submissions(county):
            self.stdout.write(f"{label}已生成报送要求及各单位报送情况。")
        seed_bulletins(county)
        seed_activity_details(county)
        seed_agenda(county)
        if visits := seed_visits_by_units(county):
            self.stdout.write(f"{label}已生成成员单位走访及驻军需求 {visits} 条。")

    def _print_logins(self, groups: list[tuple[str, list[DemoLogin]]]) -> None:
        """The logins under their county's name (the single county's without one)."""
        self.stdout.write(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
        width = max(12, *(len(login.username) + 1 for _name, logins in groups for login in logins))
        for name, logins in groups:
            if name:
                self.stdout.write(name)
            for login in logins:
                self.stdout.write(f"  {login.username:<{width}} {login.role:<10} {login.unit}")


def _single_county_campaign() -> Campaign:
    """The campaign load_plan made in the county COUNTY_NAME, wherever that county lies."""
    campaigns = list(
        Campaign.objects.filter(
            county__in=Area.objects.counties().filter(name=settings.COUNTY_NAME),
            name=plan.first_plan().name,
        )
        .select_related("county")
        .prefetch_related("phases")[:2]
    )
    if not campaigns:
        raise CommandError(
            f"{settings.COUNTY_NAME}尚无实施方案："
            "请先运行 python manage.py load_plan 载入实施方案。"
        )
    if len(campaigns) > 1:
        raise CommandError(f"有不止一个县名为{settings.COUNTY_NAME}，请在 COUNTY_NAME 中另选县名。")
    return campaigns[0]
