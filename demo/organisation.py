"""The demo county's organisation: the office, member units, townships, garrison units and
one demo login for every role. Deterministic and idempotent."""

from operator import attrgetter

from django.db import transaction

from campaign.models import Campaign, Unit, User
from demo.county import DemoCounty, DemoLogin
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


def _unit(code, name, short_name, kind):
    unit, _ = Unit.objects.update_or_create(
        code=code, defaults={"name": name, "short_name": short_name, "kind": kind}
    )
    return unit


def _user(username, unit, *, last_name, first_name, read_only=False, staff=False) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username)
        user.set_password(DEMO_PASSWORD)
    user.unit = unit
    user.last_name, user.first_name = last_name, first_name
    user.read_only = read_only
    user.is_staff = staff
    user.save()
    return user


# A unit, the demo login that acts for it (if any) and the role printed beside that login.
Seat = tuple[Unit, User | None, str]
MEMBER_LOGINS = 8  # the first member units get a login; the rest exist to be assigned cases


@transaction.atomic
def seed_organisation(campaign: Campaign) -> DemoCounty:
    """Create or refresh the units and demo logins, always in this order: the ids follow it."""
    office = _seed_office()
    seats = [*_seed_member_units(), *_seed_townships(), *_seed_garrison_units()]
    units = [office.unit, *(seat[0] for seat in seats)]
    logins = [
        DemoLogin("office", "县双拥办", office.unit.name),
        DemoLogin("leader", "县领导（只读）", office.unit.name),
        *(DemoLogin(user.username, role, unit.name) for unit, user, role in seats if user),
    ]
    return DemoCounty(
        campaign=campaign,
        office=office,
        units=sorted(units, key=attrgetter("code")),
        staff={unit.pk: user for unit, user, _role in seats if user},
        logins=logins,
    )


def _seed_office() -> User:
    """The office's three logins: its head, a second clerk and a county leader who reads only."""
    unit = _unit(*OFFICE, Unit.Kind.OFFICE)
    office = _user("office", unit, last_name="周", first_name="主任", staff=True)
    _user("office2", unit, last_name="孙", first_name="干事")
    _user("leader", unit, last_name="钱", first_name="县长", read_only=True)
    return office


def _seed_member_units() -> list[Seat]:
    seats = []
    for index, (code, name, short) in enumerate(MEMBER_UNITS):
        unit = _unit(code, name, short, Unit.Kind.MEMBER)
        user = None
        if index < MEMBER_LOGINS:
            full = person_name(index + 11)
            user = _user(code, unit, last_name=full[0], first_name=full[1:])
        seats.append((unit, user, "成员单位"))
    return seats


def _seed_townships() -> list[Seat]:
    seats = []
    for index, (code, name) in enumerate(TOWNSHIPS):
        unit = _unit(f"town-{code}", name, name, Unit.Kind.TOWNSHIP)
        full = person_name(index + 41)
        seats.append((unit, _user(code, unit, last_name=full[0], first_name=full[1:]), "乡镇"))
    return seats


def _seed_garrison_units() -> list[Seat]:
    """Garrison units with generic designations; the first has a liaison who logs in."""
    seats = []
    for index, (code, name) in enumerate(GARRISON_UNITS):
        unit = _unit(code, name, name.removeprefix("驻县"), Unit.Kind.GARRISON)
        user = None
        if index == 0:
            user = _user("liaison", unit, last_name="赵", first_name="联络员")
        seats.append((unit, user, "驻军联络员"))
    return seats
