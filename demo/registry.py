"""The demo county's registry: about 3,000 households with fictitious but valid ID numbers,
and survey visits whose findings cover every topic. Deterministic; skipped once present."""

import random
from datetime import date, timedelta

from django.db import transaction
from simple_history.utils import bulk_create_with_history
from stdnum.cn import ric

from campaign.models import Topic, Unit, User
from demo.names import person_name
from outreach.models import (
    BeneficiaryCategory,
    Finding,
    Household,
    Person,
    Policy,
    PriorityMark,
    Visit,
)

HOUSEHOLDS_PER_TOWNSHIP = 215
AREA_CODE = "110101"  # known to the validator for every birth year: no warnings
VILLAGES = [
    "东村",
    "西村",
    "南湾村",
    "北坡村",
    "前进村",
    "红旗村",
    "新华社区",
    "和平社区",
    "大王庄",
    "柳树湾",
]
SURVEY = (date(2015, 3, 2), date(2015, 4, 30))

HOUSEHOLD_FINDINGS = {
    4: [
        "定期抚恤补助已按时足额发放。",
        "优待金2014年度尚未发放到位。",
        "医疗保障未办理优抚对象医疗补助。",
    ],
    5: ["住房为危房，需改造。", "老人患重病，医疗费用负担重。", "家庭收入低，生活困难。"],
    6: ["希望子女就业能得到帮扶。", "希望定期上门体检。", "希望参加技能培训。"],
    7: ["与邻居宅基地纠纷，需法律援助。", "工伤赔偿诉讼需法律援助。"],
}
GARRISON_FINDINGS = {
    1: ["训练场土地确权尚未完成。", "训练设施需配套完善。"],
    2: ["执行任务时运输车辆保障不足。", "野外驻训用水用电保障困难。"],
    3: ["随军家属就业安置问题突出。", "官兵子女入学入托需协调。"],
}


def id_number(rng: random.Random, used: set[str]) -> tuple[str, date]:
    while True:
        born = date(1925, 1, 1) + timedelta(days=rng.randrange(0, 85 * 365))
        body = f"{AREA_CODE}{born:%Y%m%d}{rng.randrange(1, 999):03d}"
        number = body + ric.calc_check_digit(body + "0")
        if number not in used:
            used.add(number)
            return number, born


def phone(rng: random.Random) -> str:
    return f"1{rng.choice('3589')}{rng.randrange(0, 10**9):09d}"


@transaction.atomic
def seed_registry() -> int:
    """Create the demo households, persons and visits that do not exist yet."""
    if Household.objects.exists():
        return 0
    rng = random.Random(2015)
    townships = list(Unit.objects.of_kind(Unit.Kind.TOWNSHIP).order_by("code"))
    categories = list(BeneficiaryCategory.objects.all())
    marks = list(PriorityMark.objects.all())
    used: set[str] = set()
    households = []
    people = []  # (household index, Person, category ids, mark ids)
    for township in townships:
        for n in range(1, HOUSEHOLDS_PER_TOWNSHIP + 1):
            index = len(households)
            head = person_name(index * 3 + 1)
            households.append(
                Household(
                    township=township,
                    number=f"{n:04d}",
                    head_name=head,
                    village=rng.choice(VILLAGES),
                    address=f"{rng.randrange(1, 120)}号",
                    phone=phone(rng),
                    plaque_on=date(2015, rng.randrange(1, 6), 10) if rng.random() < 0.4 else None,
                )
            )
            size = rng.choice([1, 1, 2, 2, 3])
            for k in range(size):
                number, born = id_number(rng, used)
                relation = (
                    Person.Relation.SELF if k == 0 else rng.choice(Person.Relation.values[1:])
                )
                grade = rng.choice([None] * 8 + list(range(1, 11)))
                person = Person(
                    name=head if k == 0 else person_name(index * 3 + 1 + k * 7919),
                    id_number=number,
                    sex="M" if int(number[16]) % 2 else "F",
                    birth_date=born,
                    relation=relation,
                    disability_grade=grade,
                    disability_nature=rng.choice(["war", "duty", "illness"]) if grade else "",
                    phone=phone(rng) if rng.random() < 0.5 else "",
                    deceased=rng.random() < 0.03,
                )
                chosen = rng.sample(categories, rng.choice([1, 1, 2]))
                picked_marks = rng.sample(marks, 1) if rng.random() < 0.2 else []
                people.append((index, person, chosen, picked_marks))
    households = bulk_create_with_history(households, Household, batch_size=500)
    if not households[0].pk:  # SQLite before 3.35 returns no ids from bulk inserts
        households = list(Household.objects.order_by("township__code", "number"))
    for index, person, _, _ in people:
        person.household = households[index]
    persons = bulk_create_with_history([p for _, p, _, _ in people], Person, batch_size=500)
    if not persons[0].pk:
        persons = list(Person.objects.order_by("pk"))
    Person.categories.through.objects.bulk_create(
        Person.categories.through(person_id=person.pk, beneficiarycategory_id=c.pk)
        for person, (_, _, chosen, _) in zip(persons, people, strict=True)
        for c in chosen
    )
    Person.priority_marks.through.objects.bulk_create(
        Person.priority_marks.through(person_id=person.pk, prioritymark_id=m.pk)
        for person, (_, _, _, picked) in zip(persons, people, strict=True)
        for m in picked
    )
    _seed_visits(rng, households, townships)
    return len(households)


def _seed_visits(rng, households, townships):
    topics = {t.number: t for t in Topic.objects.all()}
    policies = list(Policy.objects.all())
    clerks = {u.unit_id: u for u in User.objects.filter(unit__kind=Unit.Kind.TOWNSHIP)}
    fallback = User.objects.filter(unit__kind=Unit.Kind.OFFICE).first()
    garrisons = list(Unit.objects.of_kind(Unit.Kind.GARRISON))
    span = (SURVEY[1] - SURVEY[0]).days
    visits, plans = [], []
    for household in households:
        if rng.random() > 0.72:
            continue  # about a quarter stay unvisited, for the coverage figures
        clerk = clerks.get(household.township_id, fallback)
        visits.append(
            Visit(
                township_id=household.township_id,
                household=household,
                visited_on=SURVEY[0] + timedelta(days=rng.randrange(span)),
                visitors=f"{clerk.display_name}、村干部",
                created_by=clerk,
            )
        )
        plans.append(rng.sample([4, 5, 6, 7], rng.choice([1, 2, 2, 3])))
    for township in townships:
        clerk = clerks.get(township.pk, fallback)
        for garrison in rng.sample(garrisons, 2):
            visits.append(
                Visit(
                    township=township,
                    garrison=garrison,
                    visited_on=SURVEY[0] + timedelta(days=rng.randrange(span)),
                    visitors=f"{clerk.display_name}、乡镇武装部长",
                    created_by=clerk,
                )
            )
            plans.append(rng.sample([1, 2, 3], rng.choice([2, 3])))
    visits = bulk_create_with_history(visits, Visit, batch_size=500)
    if not visits[0].pk:
        visits = list(Visit.objects.order_by("pk"))
    findings, topic4 = [], []
    for visit, numbers in zip(visits, plans, strict=True):
        texts = HOUSEHOLD_FINDINGS if visit.household_id else GARRISON_FINDINGS
        for number in numbers:
            text = rng.choice(texts[number])
            needs_action = number == 7 or ("需" in text or "未" in text or "希望" in text)
            finding = Finding(
                visit=visit, topic=topics[number], text=text, needs_action=needs_action
            )
            findings.append(finding)
            if number == 4:
                topic4.append(finding)
    Finding.objects.bulk_create(findings, batch_size=1000)
    done_through = Finding.policies_done.through
    missing_through = Finding.policies_missing.through
    done, missing = [], []
    for finding in topic4:
        if not finding.pk:
            continue
        chosen = rng.sample(policies, 4)
        done += [done_through(finding_id=finding.pk, policy_id=p.pk) for p in chosen[:3]]
        if finding.needs_action:
            missing.append(missing_through(finding_id=finding.pk, policy_id=chosen[3].pk))
    done_through.objects.bulk_create(done)
    missing_through.objects.bulk_create(missing)


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
def seed_activities_and_plaques() -> None:
    """About 400 activities across the five workstreams, and honour plaques with their life."""
    from outreach.models import KIND_WORKSTREAM, Activity, HonourPlaque, PlaqueEvent
    from outreach.plaques import qualifying_without_plaque

    if Activity.objects.exists():
        return
    from campaign.models import Campaign, Workstream

    rng = random.Random(801)
    campaign = Campaign.objects.prefetch_related("phases").first()
    workstreams = {w.number: w for w in Workstream.objects.all()}
    organisers = list(Unit.objects.exclude(kind=Unit.Kind.OFFICE).order_by("code"))
    office_user = User.objects.get(username="office")
    users = {u.unit_id: u for u in User.objects.exclude(unit=None)}
    heroes = list(
        Person.objects.filter(categories__name__in=["退伍红军老战士", "复员军人"]).order_by("pk")[
            :60
        ]
    )
    activities, links = [], []
    kinds = list(ACTIVITY_TITLES)
    for n in range(400):
        kind = kinds[n % len(kinds)]
        held_on = date(2015, 1, 5) + timedelta(days=rng.randrange(0, 430))
        organiser = rng.choice(organisers)
        phase = next((p for p in campaign.phases.all() if p.number != 6 and p.is_on(held_on)), None)
        amount = rng.choice([0, 0, 500, 2000, 5000, 20000]) if kind != "martyrs_day" else 0
        activities.append(
            Activity(
                workstream=workstreams[KIND_WORKSTREAM[kind]],
                kind=kind,
                organiser=organiser,
                held_on=held_on,
                phase=phase,
                title=ACTIVITY_TITLES[kind],
                place=f"{organiser.label}",
                people_reached=rng.randrange(5, 300),
                amount=amount,
                goods="米、油" if kind == "condolence_visit" else "",
                created_by=users.get(organiser.pk, office_user),
            )
        )
        if kind == "hero_visit" and heroes:
            links.append((n, rng.sample(heroes, min(3, len(heroes)))))
    activities = bulk_create_with_history(activities, Activity, batch_size=500)
    if not activities[0].pk:
        activities = list(Activity.objects.order_by("pk"))
    for index, persons in links:
        activities[index].persons.set(persons)
        activities[index].households.set({p.household_id for p in persons})

    candidates = list(qualifying_without_plaque(Household.objects.all()).order_by("pk"))
    plaques, events = [], []
    for household in candidates:
        if rng.random() > 0.6:
            continue
        kind = (
            "martyr_family"
            if household.martyr_family
            else "serving"
            if household.serving
            else "veteran"
        )
        hung_on = date(2015, rng.randrange(1, 9), 10)
        plaque = HonourPlaque(
            household=household,
            type=kind,
            basis="经乡镇审核符合悬挂条件",
            placement=rng.choice(["door", "indoor"]),
            status="hung",
            hung_on=hung_on,
        )
        life = [("issued", hung_on, "")]
        roll = rng.random()
        if roll < 0.05:
            life += [("withdrawn", hung_on + timedelta(days=120), "家庭成员违法，依规收回")]
            plaque.status = "withdrawn"
        elif roll < 0.08:
            life += [
                ("withdrawn", hung_on + timedelta(days=60), "房屋拆迁暂时收回"),
                ("restored", hung_on + timedelta(days=200), "新居落成，恢复悬挂"),
            ]
        elif roll < 0.12:
            life += [("replaced", hung_on + timedelta(days=150), "牌面褪色更换")]
        plaques.append(plaque)
        events.append(life)
    HonourPlaque.objects.bulk_create(plaques, batch_size=500)
    if plaques and not plaques[0].pk:
        by_household = dict(HonourPlaque.objects.values_list("household_id", "pk"))
        for plaque in plaques:
            plaque.pk = by_household[plaque.household_id]
    PlaqueEvent.objects.bulk_create(
        PlaqueEvent(plaque_id=plaque.pk, kind=kind, on=on, reason=reason, by=office_user)
        for plaque, life in zip(plaques, events, strict=True)
        for kind, on, reason in life
    )
