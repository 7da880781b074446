"""The values a new county's lists start with: today's national practice (DOMAIN.md). The
office renames, reorders, retires and adds to them in 系统管理; the codes stay, and the app's
rules (outreach/models/plaques.py) name the values by them."""

from django.db import transaction

CATEGORIES = [
    ("transferred_officer", "军队转业干部"),
    ("discharged_soldier", "退役士兵"),
    ("retired_cadre", "军队离休退休干部和退休士官"),
    ("retired_staff", "军队无军籍离休退休退职职工"),
    ("demobilised", "复员军人"),
    ("red_army_veteran", "退伍红军老战士"),
    ("west_route_veteran", "西路军红军老战士"),
    ("red_army_straggler", "红军失散人员"),
    ("disabled_soldier", "残疾军人"),
    ("disabled_militia", "伤残民兵民工"),
    ("martyr_survivor", "烈士遗属"),
    ("fallen_on_duty_survivor", "因公牺牲军人遗属"),
    ("died_in_service_survivor", "病故军人遗属"),
    ("serving_family", "现役军人家属"),
]
MARKS = [
    ("rural_demobilised", "在乡复员军人"),
    ("returned_ill", "带病回乡退伍军人"),
    ("war_veteran", "参战退役人员"),
    ("test_veteran", "参试(参核)退役人员"),
    ("rural_over_60", "60周岁以上农村籍退役士兵"),
    ("martyr_child", "烈士子女"),
]
POLICIES = [
    ("pension", "定期抚恤补助"),
    ("preferential_payment", "优待金"),
    ("medical", "医疗保障"),
    ("housing", "住房保障"),
    ("employment", "就业安置"),
    ("schooling", "子女教育优待"),
    ("plaque", "悬挂光荣牌"),
    ("travel", "交通出行优待"),
    ("assistive_devices", "残疾辅助器具"),
    ("pension_transfer", "养老保险接续"),
]


def lists():
    from outreach.models import BeneficiaryCategory, Policy, PriorityMark

    return ((BeneficiaryCategory, CATEGORIES), (PriorityMark, MARKS), (Policy, POLICIES))


@transaction.atomic
def starter_lists_create(county) -> None:
    """The county's categories, marks, policies and activity kinds, those it lacks (by code).
    The kinds need the workstreams, which loading a plan makes: until then a county has none."""
    from campaign.models import Workstream
    from outreach.models import STARTER_KINDS, ActivityKind

    for model, values in lists():
        have = set(model.objects.filter(county=county).values_list("code", flat=True))
        model.objects.bulk_create(
            model(county=county, code=code, name=name, order=order)
            for order, (code, name) in enumerate(values, start=1)
            if code not in have
        )
    workstreams = dict(Workstream.objects.values_list("number", "pk"))
    have = set(ActivityKind.objects.filter(county=county).values_list("code", flat=True))
    ActivityKind.objects.bulk_create(
        ActivityKind(
            county=county, code=code, name=name, order=order, workstream_id=workstreams[number]
        )
        for order, (code, number, name) in enumerate(STARTER_KINDS, start=1)
        if code not in have and number in workstreams
    )
