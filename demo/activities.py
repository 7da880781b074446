"""The demo county's activities: 400 of them across the five workstreams and 21 kinds, the visits
to old heroes linked to their persons, then the honour plaques. Deterministic; skipped once
the county has activities."""

import random
from datetime import date, timedelta

from django.db import transaction

from campaign.models import Campaign, Unit, Workstream
from demo.bulk import insert_with_history
from demo.county import DemoCounty
from demo.plaques import seed_plaques
from outreach.models import Activity, ActivityKind, Person

ACTIVITIES = 400
HEROES = ["退伍红军老战士", "复员军人"]  # the categories a 走访慰问老红军、老八路 visits
ACTIVITY_TITLES = {
    "publicise_models": "“最美拥军人物”评选宣传",
    "open_day": "八一军营开放日",
    "plaque": "集中悬挂光荣牌",
    "merit_notice": "送立功喜报上门",
    "veteran_education": "退役军人座谈会",
    "training_support": "协调训练场土地确权",
    "living_support": "为部队改善营区供水",
    "spouse_employment": "随军家属就业推介会",
    "child_schooling": "军人子女入学协调",
    "condolence_visit": "春节走访慰问优抚对象",
    "hero_visit": "走访慰问老红军、老八路",
    "legal_aid": "军人军属法律援助",
    "job_training": "退役士兵技能培训",
    "social_service": "社会组织上门服务",
    "volunteer": "学雷锋志愿服务",
    "school_help": "部队助学兴教",
    "student_training": "中学生军训",
    "poverty_relief": "军民共建扶贫帮困",
    "martyrs_day": "烈士纪念日公祭",
    "culture_to_barracks": "文化进军营书画展",
    "joint_gala": "军民联欢晚会",
}


@transaction.atomic
def seed_activities_and_plaques(county: DemoCounty) -> None:
    if Activity.objects.in_county(county.area).exists():
        return
    # The plaques go on drawing from the activities' generator: one sequence of draws.
    rng = county.rng(801)
    _seed_activities(rng, county)
    seed_plaques(rng, county)


def _seed_activities(rng: random.Random, county: DemoCounty) -> None:
    """Each kind in turn, organised by any unit but the office on a day of 2015 or early 2016."""
    organisers = [unit for unit in county.units if unit.kind != Unit.Kind.OFFICE]
    heroes = list(
        Person.objects.in_county(county.area)
        .filter(categories__name__in=HEROES)
        .order_by("pk")[:60]
    )
    kinds = list(ACTIVITY_TITLES)
    county_kinds = {
        k.code: k
        for k in ActivityKind.objects.filter(county=county.area).select_related("workstream")
    }
    activities, visited = [], []
    for n in range(ACTIVITIES):
        kind = kinds[n % len(kinds)]
        activity = _activity(rng, county, kind, organisers, county_kinds[kind].workstream)
        activity.kind = county_kinds[kind]
        activities.append(activity)
        if kind == "hero_visit" and heroes:
            visited.append((n, rng.sample(heroes, min(3, len(heroes)))))
    activities = insert_with_history(activities, Activity)
    for index, persons in visited:
        activities[index].persons.set(persons)
        activities[index].households.set({p.household_id for p in persons})


def _activity(
    rng: random.Random,
    county: DemoCounty,
    kind: str,
    organisers: list[Unit],
    workstream: Workstream,
) -> Activity:
    held_on = date(2015, 1, 5) + timedelta(days=rng.randrange(0, 430))
    organiser = rng.choice(organisers)
    amount = rng.choice([0, 0, 500, 2000, 5000, 20000]) if kind != "martyrs_day" else 0
    return Activity(
        campaign=county.campaign,
        workstream=workstream,
        organiser=organiser,
        held_on=held_on,
        phase=_phase_on(county.campaign, held_on),
        title=ACTIVITY_TITLES[kind],
        place=organiser.label,
        people_reached=rng.randrange(5, 300),
        amount=amount,
        goods="米、油" if kind == "condolence_visit" else "",
        created_by=county.login_for(organiser.pk),
    )


def _phase_on(campaign: Campaign, day: date):
    """The phase an activity counts under: inspection (phase 6) runs across the others."""
    return next((p for p in campaign.phases.all() if p.number != 6 and p.is_on(day)), None)
