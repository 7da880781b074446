"""The demo county's registry: about 3,000 households with fictitious but valid ID numbers,
their persons, and the survey that visited them. Deterministic; skipped once the county has
households."""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from stdnum.cn import ric

from campaign.models import Unit
from demo.bulk import insert_with_history
from demo.county import DemoCounty
from demo.names import person_name
from demo.survey import seed_survey
from outreach.models import BeneficiaryCategory, Household, Person, PriorityMark

HOUSEHOLDS_PER_TOWNSHIP = 215  # in the single demo county; a county of the city scales it
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


@dataclass
class _Pools:
    """What persons are drawn from, and the ID numbers already given out."""

    categories: list[BeneficiaryCategory]
    marks: list[PriorityMark]
    used: set[str]
    area_code: str  # known to the validator for every birth year: no warnings
    names_from: int  # where the county's names start in demo.names


@dataclass
class _Member:
    """A person before it is saved: its household's place in the list and its many-to-many."""

    household: int
    person: Person
    categories: list[BeneficiaryCategory]
    marks: list[PriorityMark]


def id_number(rng: random.Random, used: set[str], area_code: str) -> tuple[str, date]:
    while True:
        born = date(1925, 1, 1) + timedelta(days=rng.randrange(0, 85 * 365))
        body = f"{area_code}{born:%Y%m%d}{rng.randrange(1, 999):03d}"
        number = body + ric.calc_check_digit(body + "0")
        if number not in used:
            used.add(number)
            return number, born


def phone(rng: random.Random) -> str:
    return f"1{rng.choice('3589')}{rng.randrange(0, 10**9):09d}"


@transaction.atomic
def seed_registry(county: DemoCounty) -> int:
    """Create the demo households, persons and visits; return how many households."""
    if Household.objects.in_county(county.area).exists():
        return 0
    # The survey goes on drawing from the registry's generator: one sequence of draws.
    rng = county.rng(2015)
    households, members = _draw_households(
        rng,
        county.of_kind(Unit.Kind.TOWNSHIP),
        per_township=county.scaled(HOUSEHOLDS_PER_TOWNSHIP),
        area_code=county.place.id_area_code,
        names_from=county.place.names_from,
    )
    households = insert_with_history(households, Household)
    _insert_members(households, members)
    seed_survey(rng, county, households)
    return len(households)


def _draw_households(
    rng: random.Random,
    townships: list[Unit],
    *,
    per_township: int,
    area_code: str,
    names_from: int,
):
    pools = _Pools(
        categories=list(BeneficiaryCategory.objects.filter(county_id=townships[0].area_id)),
        marks=list(PriorityMark.objects.filter(county_id=townships[0].area_id)),
        used=set(),
        area_code=area_code,
        names_from=names_from,
    )
    households: list[Household] = []
    members: list[_Member] = []
    for township in townships:
        for n in range(1, per_township + 1):
            index = len(households)
            head = person_name(names_from + index * 3 + 1)
            households.append(_household(rng, township, n, head=head))
            for k in range(rng.choice([1, 1, 2, 2, 3])):
                members.append(_member(rng, pools, index, k))
    return households, members


def _household(rng: random.Random, township: Unit, n: int, *, head: str) -> Household:
    household = Household(
        township=township,
        number=f"{n:04d}",
        head_name=head,
        village=rng.choice(VILLAGES),
        address=f"{rng.randrange(1, 120)}号",
        phone=phone(rng),
    )
    # The draws that once gave a plaque date here, kept so the rest of the county comes out
    # as before; plaques come from the register alone (demo/plaques.py).
    if rng.random() < 0.4:
        rng.randrange(1, 6)
    return household


def _member(rng: random.Random, pools: _Pools, index: int, k: int) -> _Member:
    """The k-th person of the index-th household; the first is its head."""
    number, born = id_number(rng, pools.used, pools.area_code)
    relation = Person.Relation.SELF if k == 0 else rng.choice(Person.Relation.values[1:])
    grade = rng.choice([None] * 8 + list(range(1, 11)))
    person = Person(
        name=person_name(pools.names_from + index * 3 + 1 + k * 7919),
        id_number=number,
        sex="M" if int(number[16]) % 2 else "F",
        birth_date=born,
        relation=relation,
        disability_grade=grade,
        disability_nature=rng.choice(["war", "duty", "illness"]) if grade else "",
        phone=phone(rng) if rng.random() < 0.5 else "",
        deceased=rng.random() < 0.03,
    )
    categories = rng.sample(pools.categories, rng.choice([1, 1, 2]))
    marks = rng.sample(pools.marks, 1) if rng.random() < 0.2 else []
    return _Member(index, person, categories, marks)


def _insert_members(households: list[Household], members: list[_Member]) -> None:
    for member in members:
        member.person.household = households[member.household]
    persons = insert_with_history([m.person for m in members], Person)
    Person.categories.through.objects.bulk_create(
        Person.categories.through(person_id=person.pk, beneficiarycategory_id=c.pk)
        for person, member in zip(persons, members, strict=True)
        for c in member.categories
    )
    Person.priority_marks.through.objects.bulk_create(
        Person.priority_marks.through(person_id=person.pk, prioritymark_id=m.pk)
        for person, member in zip(persons, members, strict=True)
        for m in member.marks
    )
