"""The demo county's survey (走访摸底): visits to about three households in four and to two
garrison units per township, with findings under every topic and, for topic 4, the policies
found carried out or missing. Drawn from the registry's generator, right after it."""

import random
from datetime import date, timedelta

from campaign.models import Topic, Unit
from demo.bulk import insert_with_history
from demo.county import DemoCounty
from outreach.models import Finding, Household, Policy, Visit

SURVEY = (date(2015, 3, 2), date(2015, 4, 30))
SURVEY_DAYS = (SURVEY[1] - SURVEY[0]).days
VISITED_SHARE = 0.72  # the rest stay unvisited, for the coverage figures

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

# A visit before it is saved, with the topic numbers its findings will fall under.
Planned = tuple[Visit, list[int]]


def seed_survey(rng: random.Random, county: DemoCounty, households: list[Household]) -> None:
    planned = _household_visits(rng, county, households) + _garrison_visits(rng, county)
    visits = insert_with_history([visit for visit, _topics in planned], Visit)
    topics = {t.number: t for t in county.campaign.topics.all()}
    findings = _findings(rng, visits, [numbers for _visit, numbers in planned], topics)
    Finding.objects.bulk_create(findings, batch_size=1000)
    _link_policies(rng, [f for f in findings if f.topic.policy_check])


def _survey_day(rng: random.Random) -> date:
    return SURVEY[0] + timedelta(days=rng.randrange(SURVEY_DAYS))


def _household_visits(
    rng: random.Random, county: DemoCounty, households: list[Household]
) -> list[Planned]:
    planned = []
    for household in households:
        if rng.random() > VISITED_SHARE:
            continue
        clerk = county.login_for(household.township_id)
        visit = Visit(
            campaign=county.campaign,
            unit_id=household.township_id,
            township_id=household.township_id,
            household=household,
            visited_on=_survey_day(rng),
            visitors=f"{clerk.display_name}、村干部",
            created_by=clerk,
        )
        planned.append((visit, rng.sample([4, 5, 6, 7], rng.choice([1, 2, 2, 3]))))
    return planned


def _garrison_visits(rng: random.Random, county: DemoCounty) -> list[Planned]:
    """Every township visits two of the garrison units."""
    garrisons = county.of_kind(Unit.Kind.GARRISON)
    planned = []
    for township in county.of_kind(Unit.Kind.TOWNSHIP):
        clerk = county.login_for(township.pk)
        for garrison in rng.sample(garrisons, 2):
            visit = Visit(
                campaign=county.campaign,
                unit=township,
                township=township,
                garrison=garrison,
                visited_on=_survey_day(rng),
                visitors=f"{clerk.display_name}、乡镇武装部长",
                created_by=clerk,
            )
            planned.append((visit, rng.sample([1, 2, 3], rng.choice([2, 3]))))
    return planned


def _findings(
    rng: random.Random, visits: list[Visit], plans: list[list[int]], topics: dict[int, Topic]
) -> list[Finding]:
    findings = []
    for visit, numbers in zip(visits, plans, strict=True):
        texts = HOUSEHOLD_FINDINGS if visit.household_id else GARRISON_FINDINGS
        for number in numbers:
            text = rng.choice(texts[number])
            # What is wanting, hoped for or a legal dispute needs action; the rest is noted.
            needs_action = number == 7 or ("需" in text or "未" in text or "希望" in text)
            findings.append(
                Finding(visit=visit, topic=topics[number], text=text, needs_action=needs_action)
            )
    return findings


def _link_policies(rng: random.Random, findings: list[Finding]) -> None:
    """Topic 4 (are the policies carried out): three policies done, and one missing where the
    finding needs action."""
    policies = {}
    done_through = Finding.policies_done.through
    missing_through = Finding.policies_missing.through
    done, missing = [], []
    for finding in findings:
        if not finding.pk:
            continue
        county_id = finding.visit.township.area_id
        if county_id not in policies:
            policies[county_id] = list(Policy.objects.filter(county_id=county_id))
        chosen = rng.sample(policies[county_id], 4)
        done += [done_through(finding_id=finding.pk, policy_id=p.pk) for p in chosen[:3]]
        if finding.needs_action:
            missing.append(missing_through(finding_id=finding.pk, policy_id=chosen[3].pk))
    done_through.objects.bulk_create(done)
    missing_through.objects.bulk_create(missing)
