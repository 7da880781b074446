"""The plan sends its member units into the field and addresses 县各企事业单位 too: 县民政局 looks
households up by ID number and visits five of them and a garrison, the garrison's liaison
registers two of its own needs, and two enterprises stand beside the member units. Made last,
so the draws of the other builders keep their order; skipped once 县民政局 has visited."""

from datetime import date, timedelta

from django.db import transaction

from campaign.models import Unit
from demo.county import DemoCounty, DemoLogin
from demo.organisation import login, unit_in
from outreach.field_units import household_find_by_id_number
from outreach.models import Household, Visit
from outreach.services import visit_record

ENTERPRISES = [("power", "县供电公司", "供电公司"), ("hospital", "县人民医院", "人民医院")]
FIRST_VISIT = date(2015, 4, 7)  # in the survey phase (走访摸底)
VISITS = 5
NEEDS = [
    (1, "营区训练场周边道路狭窄，大型车辆进出困难，希望协调拓宽。"),
    (3, "两名随军家属待业，希望提供公益性岗位信息。"),
]


@transaction.atomic
def seed_visits_by_units(county: DemoCounty) -> int:
    _seed_enterprises(county)  # every time, so their login is printed every time
    minzheng = next(u for u in county.units if u.code == "minzheng")
    if Visit.objects.filter(unit=minzheng).exists():
        return 0
    clerk = county.login_for(minzheng.pk)
    topics = {t.number: t for t in county.campaign.topics.all()}
    households = (
        Household.objects.filter(township__area=county.campaign.county, archived=False)
        .prefetch_related("persons")
        .order_by("pk")[:VISITS]
    )
    for n, household in enumerate(households):
        person = household.persons.all()[0]
        # The way a member unit reaches a household: its exact ID number, the look logged.
        found = household_find_by_id_number(user=clerk, number=person.id_number)
        visit_record(
            user=clerk,
            township=found.township,
            household=found,
            visited_on=FIRST_VISIT + timedelta(days=n),
            visitors=f"{clerk.display_name}、优抚股干部",
            findings=[
                {
                    "topic": topics[5],
                    "text": "家中老人常年患病，医疗费用负担较重。" if n == 0 else "生活基本稳定。",
                    "needs_action": n == 0,
                }
            ],
        )
    garrison = next(u for u in county.units if u.kind == Unit.Kind.GARRISON)
    visit_record(
        user=clerk,
        township=None,
        garrison=garrison,
        visited_on=FIRST_VISIT + timedelta(days=VISITS),
        visitors=f"{clerk.display_name}、民政局领导",
        findings=[{"topic": topics[3], "text": "官兵子女入学政策已落实。", "needs_action": False}],
    )
    liaison = county.login_for(garrison.pk)
    # As needs_report records them, on a day of the survey rather than the day it runs.
    for n, (number, text) in enumerate(NEEDS):
        visit_record(
            user=liaison,
            township=None,
            garrison=garrison,
            visited_on=FIRST_VISIT + timedelta(days=10 + n),
            visitors=liaison.display_name,
            findings=[{"topic": topics[number], "text": text, "needs_action": True}],
            kind=Visit.Kind.SELF_REPORTED,
        )
    return VISITS + 1 + len(NEEDS)


def _seed_enterprises(county: DemoCounty) -> None:
    area = county.campaign.county
    for index, (code, name, short_name) in enumerate(ENTERPRISES):
        unit = unit_in(area, code, name, short_name, Unit.Kind.ENTERPRISE)
        if index == 0:
            user = login(
                f"{county.place.login_prefix}{code}", unit, last_name="韩", first_name="经理"
            )
            county.logins.append(DemoLogin(user.username, "企事业单位", unit.name))
