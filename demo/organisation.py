"""The demo county's organisation: the office, member units, townships, garrison units and
one demo login for every role. Deterministic and idempotent."""

from dataclasses import dataclass

from django.db import transaction

from campaign.models import Unit, User

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

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = "建国伟华秀英明军红梅丽强文平志勇海燕玉兰春桂芳德林成国庆永刚晓东小红长江卫东淑珍金凤桂英"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    unit: str


def person_name(index: int) -> str:
    surname = SURNAMES[index % len(SURNAMES)]
    given = GIVEN[(index * 7) % len(GIVEN)] + GIVEN[(index * 13 + 3) % len(GIVEN)]
    return surname + (given if index % 3 else given[0])


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


@transaction.atomic
def seed_organisation() -> list[DemoLogin]:
    logins = []
    office = _unit(*OFFICE, Unit.Kind.OFFICE)
    _user("office", office, last_name="周", first_name="主任", staff=True)
    _user("office2", office, last_name="孙", first_name="干事")
    logins += [DemoLogin("office", "县双拥办", office.name)]
    _user("leader", office, last_name="钱", first_name="县长", read_only=True)
    logins += [DemoLogin("leader", "县领导（只读）", office.name)]

    for index, (code, name, short) in enumerate(MEMBER_UNITS):
        unit = _unit(code, name, short, Unit.Kind.MEMBER)
        if index < 8:  # several member units get a login; the rest exist to be assigned cases
            full = person_name(index + 11)
            _user(code, unit, last_name=full[0], first_name=full[1:])
            logins.append(DemoLogin(code, "成员单位", name))

    for index, (code, name) in enumerate(TOWNSHIPS):
        unit = _unit(f"town-{code}", name, name, Unit.Kind.TOWNSHIP)
        full = person_name(index + 41)
        _user(code, unit, last_name=full[0], first_name=full[1:])
        logins.append(DemoLogin(code, "乡镇", name))

    for index, (code, name) in enumerate(GARRISON_UNITS):
        unit = _unit(code, name, name.removeprefix("驻县"), Unit.Kind.GARRISON)
        if index == 0:
            _user("liaison", unit, last_name="赵", first_name="联络员")
            logins.append(DemoLogin("liaison", "驻军联络员", name))
    return logins


@transaction.atomic
def seed_workstream_records() -> None:
    """五个一 for every township and member unit, inspections (phase 6), models, commendations
    and the support registry. Skipped once present."""
    import random
    from datetime import date, timedelta

    from campaign.models import (
        Commendation,
        FiveOnesItem,
        Inspection,
        InspectionFinding,
        ModelFigure,
        SupportOrganisation,
    )

    if FiveOnesItem.objects.exists():
        return
    rng = random.Random(81)
    office = User.objects.get(username="office")
    units = list(Unit.objects.of_kind(Unit.Kind.TOWNSHIP, Unit.Kind.MEMBER).order_by("code"))
    items = []
    for unit in units:
        for item in FiveOnesItem.Item.values:
            status = rng.choices(FiveOnesItem.Status.values, weights=[15, 20, 65])[0]
            items.append(
                FiveOnesItem(
                    unit=unit,
                    item=item,
                    status=status,
                    done_on=date(2015, rng.randrange(1, 12), 1) if status == "done" else None,
                    description="已按要求建设并投入使用。" if status == "done" else "",
                    updated_by=office,
                )
            )
    FiveOnesItem.objects.bulk_create(items)

    findings_pool = [
        "双拥工作台帐登记不完整，部分问题无办理时限。",
        "军民活动室使用率不高。",
        "优抚对象走访记录缺少签字。",
        "宣传栏内容未及时更新。",
    ]
    for n in range(24):
        unit = units[(n * 7) % len(units)]
        inspected_on = date(2015, 4, 1) + timedelta(days=n * 14)
        inspection = Inspection.objects.create(
            unit=unit,
            inspected_on=inspected_on,
            inspectors="县双拥办 周主任、孙干事",
            checked="五个一建设、问题台帐、走访摸底记录",
            rating=rng.choices(Inspection.Rating.values, weights=[25, 45, 25, 5])[0],
            summary="总体推进有序，个别环节需整改。",
            created_by=office,
        )
        for text in rng.sample(findings_pool, rng.choice([0, 1, 2])):
            InspectionFinding.objects.create(inspection=inspection, text=text)

    figures = [
        ("supporter", "王秀英", "chengguan"),
        ("family", "李建国家庭", "dongcheng"),
        ("soldier", "张伟", "garrison1"),
        ("veteran", "陈志勇", "xihe"),
        ("spouse", "刘丽", "nanshan"),
    ]
    by_code = {u.code: u for u in Unit.objects.all()}
    for category, name, code in figures:
        unit = by_code.get(code) or by_code.get(f"town-{code}")
        ModelFigure.objects.create(
            category=category, name=name, unit=unit, year=2015, story="事迹经县电视台宣传报道。"
        )
    Commendation.objects.create(
        kind="unit",
        unit=by_code["town-chengguan"],
        title="双拥在基层活动先进单位",
        commended_on=date(2016, 12, 20),
    )
    Commendation.objects.create(
        kind="person",
        unit=by_code["minzheng"],
        person_name="周建华",
        title="双拥在基层活动先进个人",
        commended_on=date(2016, 12, 20),
    )
    for kind, name, code in [
        ("medical", "县人民医院拥军医疗服务队", "weijian"),
        ("legal", "县法律援助中心拥军法律服务团", "sifa"),
        ("education", "县实验小学拥军助学团队", "jiaoyu"),
        ("enterprise", "某建材有限公司", None),
        ("window", "县政务服务中心拥军优先窗口", "tuiyi"),
    ]:
        SupportOrganisation.objects.create(
            kind=kind,
            name=name,
            unit=by_code.get(code) if code else None,
            members=rng.randrange(5, 40),
        )
