"""The demo county's activity details: one activity of each kind the plan gained (宣传发动,
社会一日, 转业干部安置, 三线三边…), the groups its help activities reached, three reports in the
press and four merit notices delivered to soldiers' families. Deterministic; skipped once the
county has merit notices."""

from datetime import date, timedelta

from django.db import transaction

from campaign.models import Unit
from demo.activities import _phase_on
from outreach.activities import activity_save
from outreach.activity_details import coverage_add, merit_notice_add
from outreach.models import Activity, ActivityKind, Household, MeritNotice, TargetGroup

NEW_KIND_TITLES = {
    "publicity_mobilisation": "“双拥在基层”活动宣传发动会",
    "mobilisation_meeting": "全县“双拥在基层”活动动员部署会",
    "society_day": "驻军部队“社会一日”活动",
    "see_local_development": "组织官兵参观美好乡村建设",
    "mission_support": "保障部队抢险救灾任务",
    "training_ground_title": "协调训练场用地确权登记",
    "utilities_support": "为营区接通自来水",
    "officer_resettlement": "军队转业干部安置协调会",
    "special_hardship": "为受灾优抚对象修缮住房",
    "three_lines": "军民共建三线三边整治",
    "vulnerable_groups_help": "关爱空巢老人和留守儿童",
    "school_feature_education": "部队支持中学国防特色教育",
    "patriotic_education": "革命传统教育进校园",
    "art_works": "创作双拥主题文艺节目",
}
# The help activities and the groups they reached (kind code -> target group codes).
HELP_GROUPS = {
    "vulnerable_groups_help": ["empty_nest_elderly", "left_behind_children"],
    "volunteer": ["empty_nest_elderly", "disabled_family"],
    "poverty_relief": ["poor_households", "subsistence_allowance"],
    "school_help": ["needy_students", "left_behind_children"],
    "special_hardship": ["disaster_or_illness"],
}
COVERAGE = [
    ("mobilisation_meeting", "县电视台", "我县启动“双拥在基层”活动"),
    ("society_day", "县报", "驻军部队开展“社会一日”活动"),
    ("vulnerable_groups_help", "县政府网站", "军民携手关爱留守儿童"),
]
NOTICES = [
    ("陈建军", MeritNotice.Level.SECOND),
    ("周海涛", MeritNotice.Level.THIRD),
    ("吴志强", MeritNotice.Level.THIRD),
    ("郑晓东", MeritNotice.Level.COMMENDATION),
]


@transaction.atomic
def seed_activity_details(county) -> None:
    if MeritNotice.objects.filter(activity__organiser__area=county.area).exists():
        return
    rng = county.rng(1701)
    kinds = {k.code: k for k in ActivityKind.objects.filter(county=county.area)}
    townships = county.of_kind(Unit.Kind.TOWNSHIP)
    garrisons = county.of_kind(Unit.Kind.GARRISON)
    made = {}
    for n, (code, title) in enumerate(NEW_KIND_TITLES.items()):
        if code not in kinds:
            continue
        # 宣传发动 and 动员部署 in phase 1 (January, February 2015), the others later.
        held_on = (
            date(2015, 1, 10) + timedelta(days=n * 9)
            if n < 2
            else date(2015, 3, 1) + timedelta(days=rng.randrange(0, 270))
        )
        organiser = county.office.unit if n < 2 else rng.choice(townships + garrisons)
        made[code] = activity_save(
            user=county.office,
            activity=Activity(
                kind=kinds[code],
                organiser=organiser,
                held_on=held_on,
                phase=_phase_on(county.campaign, held_on),
                title=title,
                place=organiser.label,
                people_reached=rng.randrange(20, 300),
                created_by=county.office,
            ),
        )
    groups = {g.code: g for g in TargetGroup.objects.all()}
    for code, group_codes in HELP_GROUPS.items():
        helped = list(
            Activity.objects.in_county(county.area).filter(kind__code=code).order_by("pk")[:5]
        )
        for activity in helped:
            activity.target_groups.set([groups[c] for c in group_codes if c in groups])
    for code, outlet, title in COVERAGE:
        if code in made:
            activity = made[code]
            coverage_add(
                user=county.office,
                activity=activity,
                outlet=outlet,
                published_on=activity.held_on + timedelta(days=1),
                title=title,
                link=f"https://news.example.cn/shuangyong/{activity.pk}",
            )
    _seed_notices(rng, county, garrisons)


def _seed_notices(rng, county, garrisons) -> None:
    """On the county's 送立功喜报 activities held by a township, to households of it."""
    activities = list(
        Activity.objects.in_county(county.area)
        .filter(kind__code="merit_notice", organiser__kind=Unit.Kind.TOWNSHIP)
        .order_by("held_on", "pk")[: len(NOTICES)]
    )
    for (name, level), activity in zip(NOTICES, activities, strict=False):
        household = (
            Household.objects.filter(township=activity.organiser, archived=False)
            .order_by("pk")
            .first()
        )
        merit_notice_add(
            user=county.office,
            activity=activity,
            soldier_name=name,
            level=level,
            sent_on=activity.held_on,
            garrison=rng.choice(garrisons) if garrisons else None,
            serving_unit="" if garrisons else "某部",
            household=household,
        )
