"""The demo city: the province 示范省, the city 示范市 under it and up to twelve counties under
the city, each with its own campaign loaded from the bundled plan, and the city office with its
login `city`, which reads the counties one at a time and changes nothing in them. Each county
is then built like the single demo county (seed_demo --counties N). Idempotent."""

from dataclasses import dataclass

from django.db import transaction

from campaign.models import Area, Campaign, Unit
from campaign.services import area_add, plan_load
from demo.county import DemoLogin, Place
from demo.organisation import login, unit_in

PROVINCE = "示范省"
CITY = "示范市"
CITY_OFFICE = ("office", "示范市双拥工作委员会办公室", "市双拥办")
CITY_LOGIN = "city"

# Fictitious counties: the name, the area code that starts its persons' ID numbers (one known
# for every birth year, so the demo's numbers raise no warning; none is the single county's),
# and its size against the single demo county, so that the counties' figures differ.
COUNTIES = [
    ("青岚县", "110102", 1.0),
    ("云岫县", "110105", 0.9),
    ("白鹭县", "110106", 1.1),
    ("枫林县", "110107", 0.8),
    ("松涛县", "110108", 1.2),
    ("梅岭县", "110109", 0.95),
    ("杏坛县", "120101", 1.05),
    ("荷湾县", "120102", 0.85),
    ("芦汀县", "120103", 1.15),
    ("鹤鸣县", "120104", 0.9),
    ("柏塘县", "120105", 1.1),
    ("兰亭县", "120106", 1.0),
]


@dataclass(frozen=True)
class DemoCity:
    area: Area
    counties: list[tuple[Campaign, Place]]  # each county's campaign and place, in order
    login: DemoLogin  # the city office's


@transaction.atomic
def seed_city(counties: int) -> DemoCity:
    """Create or refresh the areas, the counties' campaigns and the city office."""
    if not 1 <= counties <= len(COUNTIES):
        raise ValueError(f"The demo city has 1 to {len(COUNTIES)} counties.")
    province = _area(PROVINCE, Area.Level.PROVINCE, None)
    city = _area(CITY, Area.Level.CITY, province)
    built = []
    for number, (name, id_area_code, scale) in enumerate(COUNTIES[:counties], start=1):
        county = _area(name, Area.Level.COUNTY, city)
        campaign = plan_load(county=county).campaign
        built.append((_with_phases(campaign), Place(number, id_area_code, scale)))
    unit = unit_in(city, *CITY_OFFICE, Unit.Kind.HIGHER_OFFICE)
    user = login(CITY_LOGIN, unit, last_name="吴", first_name="科长")
    office = DemoLogin(user.username, "市双拥办（只读）", unit.name)
    return DemoCity(area=city, counties=built, login=office)


def _area(name: str, level: str, parent: Area | None) -> Area:
    existing = Area.objects.filter(name=name, level=level, parent=parent).first()
    return existing or area_add(name=name, level=level, parent=parent)


def _with_phases(campaign: Campaign) -> Campaign:
    """The campaign as the builders want it: its county at hand, its phases prefetched."""
    return Campaign.objects.select_related("county").prefetch_related("phases").get(pk=campaign.pk)
