"""The demo county's organisation: the office, member units, townships, garrison units and
one demo login for every role. Deterministic and idempotent: a second run saves only what
differs, so it leaves no new history rows behind."""

from functools import cache
from operator import attrgetter

from django.contrib.auth.hashers import get_hasher, make_password
from django.db import transaction

from campaign.models import Area, Campaign, Unit, User
from demo.county import SINGLE, DemoCounty, DemoLogin, Place
from demo.names import person_name

DEMO_PASSWORD = "shuangyong2015"

OFFICE = ("office", "县双拥工作委员会办公室", "县双拥办")

MEMBER_UNITS = [
    ("minzheng", "县民政局", "民政局"),
    ("tuiyi", "县退役军人事务局", "退役军人事务局"),
    ("renshe", "县人力资源和社会保障局", "人社局"),
    ("jiaoyu", "县教育局", "教育局"),
    ("sifa", "县司法局", "司法局"),
    ("weijian", "县卫生健康委员会", "卫健委"),
    ("zhujian", "县住房和城乡建设局", "住建局"),
    ("caizheng", "县财政局", "财政局"),
    ("gongan", "县公安局", "公安局"),
    ("renwu", "县人民武装部", "人武部"),
    ("xuanchuan", "县委宣传部", "宣传部"),
    ("fagai", "县发展和改革委员会", "发改委"),
    ("jiaotong", "县交通运输局", "交通运输局"),
    ("nongye", "县农业农村局", "农业农村局"),
    ("ziran", "县自然资源局", "自然资源局"),
    ("wenlv", "县文化和旅游局", "文旅局"),
    ("yibao", "县医疗保障局", "医保局"),
    ("gonghui", "县总工会", "总工会"),
    ("tuanwei", "共青团县委", "团县委"),
    ("fulian", "县妇女联合会", "妇联"),
    ("canlian", "县残疾人联合会", "残联"),
    ("gongxin", "县工业和信息化局", "工信局"),
]

TOWNSHIPS = [
    ("chengguan", "城关镇"),
    ("dongcheng", "东城镇"),
    ("xihe", "西河镇"),
    ("nanshan", "南山乡"),
    ("beigang", "北岗乡"),
    ("qingshi", "青石镇"),
    ("liulin", "柳林乡"),
    ("taoyuan", "桃源镇"),
    ("baima", "白马乡"),
    ("longquan", "龙泉镇"),
    ("xinji", "新集镇"),
    ("yangliu", "杨柳乡"),
    ("shiqiao", "石桥镇"),
    ("hongxing", "红星乡"),
]

GARRISON_UNITS = [
    ("garrison1", "驻县某部一营"),
    ("garrison2", "驻县某部二营"),
    ("garrison3", "驻县武警某中队"),
    ("garrison4", "驻县某部通信站"),
    ("garrison5", "驻县某部仓库"),
]


@cache
def _password(algorithm: str) -> str:
    """The demo password hashed once per hasher: hashing it for every login would cost the
    hasher's full work factor per login, most of the time a county takes to build."""
    return make_password(DEMO_PASSWORD, hasher=algorithm)


def _saved(obj, values: dict):
    """Set the values and save the object if it is new or any of them differs."""
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    for field in changed:
        setattr(obj, field, values[field])
    if obj.pk is None or changed:
        obj.save()
    return obj


def unit_in(area: Area, code, name, short_name, kind) -> Unit:
    unit = Unit.objects.filter(area=area, code=code).first() or Unit(area=area, code=code)
    return _saved(unit, {"name": name, "short_name": short_name, "kind": kind})


def login(
    username, unit, *, last_name, first_name, read_only=False, staff=False, administrator=False
) -> User:
    """A demo login; a new one gets the demo password, an existing one keeps its own."""
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, password=_password(get_hasher().algorithm))
    values = {
        "unit_id": unit.pk,
        "last_name": last_name,
        "first_name": first_name,
        "read_only": read_only,
        "is_staff": staff,
        "is_administrator": administrator,
    }
    user = _saved(user, values)
    user.unit = unit  # the unit at hand, not fetched again
    return user


# A unit, the demo login that acts for it (if any) and the role printed beside that login.
Seat = tuple[Unit, User | None, str]
MEMBER_LOGINS = 8  # the first member units get a login; the rest exist to be assigned cases


class _Builder:
    """Makes one county's units, in its area, and logins, under its prefix."""

    def __init__(self, area: Area, place: Place):
        self.area, self.prefix, self.names_from = area, place.login_prefix, place.names_from

    def unit(self, code, name, short_name, kind) -> Unit:
        return unit_in(self.area, code, name, short_name, kind)

    def login(self, username, unit, **names) -> User:
        return login(f"{self.prefix}{username}", unit, **names)


@transaction.atomic
def seed_organisation(campaign: Campaign, place: Place = SINGLE) -> DemoCounty:
    """Create or refresh the units and demo logins of the campaign's county, always in this
    order: the ids follow it."""
    build = _Builder(campaign.county, place)
    office = _seed_office(build, named=bool(place.number))
    seats = [*_seed_member_units(build), *_seed_townships(build), *_seed_garrison_units(build)]
    units = [office.unit, *(seat[0] for seat in seats)]
    logins = [
        DemoLogin(office.username, "县双拥办", office.unit.name),
        DemoLogin(f"{build.prefix}leader", "县领导（只读）", office.unit.name),
        *(DemoLogin(user.username, role, unit.name) for unit, user, role in seats if user),
    ]
    return DemoCounty(
        campaign=campaign,
        office=office,
        units=sorted(units, key=attrgetter("code")),
        staff={unit.pk: user for unit, user, _role in seats if user},
        logins=logins,
        place=place,
    )


def _seed_office(build: _Builder, *, named: bool) -> User:
    """The office's three logins: its head, a second clerk and a county leader who reads only.
    The single demo county's office is plainly the county's (县双拥…); a county of the demo
    city names itself (青岚县双拥…)."""
    code, name, short_name = OFFICE
    if named:
        name = build.area.name + name.removeprefix("县")
    unit = build.unit(code, name, short_name, Unit.Kind.OFFICE)
    office = build.login("office", unit, last_name="周", first_name="主任", administrator=True)
    build.login("office2", unit, last_name="孙", first_name="干事")
    build.login("leader", unit, last_name="钱", first_name="县长", read_only=True)
    return office


def _seed_member_units(build: _Builder) -> list[Seat]:
    seats = []
    for index, (code, name, short) in enumerate(MEMBER_UNITS):
        unit = build.unit(code, name, short, Unit.Kind.MEMBER)
        user = None
        if index < MEMBER_LOGINS:
            full = person_name(build.names_from + index + 11)
            user = build.login(code, unit, last_name=full[0], first_name=full[1:])
        seats.append((unit, user, "成员单位"))
    return seats


def _seed_townships(build: _Builder) -> list[Seat]:
    seats = []
    for index, (code, name) in enumerate(TOWNSHIPS):
        unit = build.unit(f"town-{code}", name, name, Unit.Kind.TOWNSHIP)
        full = person_name(build.names_from + index + 41)
        user = build.login(code, unit, last_name=full[0], first_name=full[1:])
        seats.append((unit, user, "乡镇"))
    return seats


def _seed_garrison_units(build: _Builder) -> list[Seat]:
    """Garrison units with generic designations; the first has a liaison who logs in."""
    seats = []
    for index, (code, name) in enumerate(GARRISON_UNITS):
        unit = build.unit(code, name, name.removeprefix("驻县"), Unit.Kind.GARRISON)
        user = None
        if index == 0:
            user = build.login("liaison", unit, last_name="赵", first_name="联络员")
        seats.append((unit, user, "驻军联络员"))
    return seats
