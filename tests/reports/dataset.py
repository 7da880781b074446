"""A small county whose every figure is known: households and visits in two townships, ledger
rows in each state led by a member unit and the townships, activities, 五个一 and an inspection.
Today is 2015-06-15 (tests/conftest.py)."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from campaign.models import Topic
from grievances.models import Status
from tests.factories import (
    ActivityFactory,
    CaseFactory,
    FindingFactory,
    FiveOnesItemFactory,
    HouseholdFactory,
    InspectionFactory,
    PersonFactory,
    VisitFactory,
)

FORMULA = '=HYPERLINK("http://evil.example","点我")'


@dataclass
class County:
    households: dict = field(default_factory=dict)
    cases: dict = field(default_factory=dict)
    persons: list = field(default_factory=list)


def build_county(*, office, clerk_a, township_a, township_b, member_unit, garrison_unit):
    topics = {t.number: t for t in Topic.objects.all()}
    county = County()

    # Township A: four households, one archived; two visited (one of them twice).
    for name in ["张甲", "李甲", "王甲", "赵甲"]:
        household = HouseholdFactory(township=township_a, head_name=name, phone="13912345678")
        county.persons.append(PersonFactory(household=household, name=name))
        county.households[name] = household
    county.households["赵甲"].archived = True
    county.households["赵甲"].save()
    # Township B: two households, none visited.
    for name in ["孙乙", "周乙"]:
        household = HouseholdFactory(township=township_b, head_name=name)
        county.persons.append(PersonFactory(household=household, name=name))
        county.households[name] = household

    def visit(household, day, *topic_numbers):
        made = VisitFactory(household=household, visited_on=day, created_by=clerk_a)
        for number in topic_numbers:
            FindingFactory(visit=made, topic=topics[number], text=f"问题{number}")
        return made

    visit(county.households["张甲"], date(2015, 3, 10), 5, 7)
    visit(county.households["张甲"], date(2015, 4, 2), 6)
    visit(county.households["李甲"], date(2015, 3, 12), 4)
    VisitFactory(
        garrison_visit=True,
        garrison=garrison_unit,
        township=township_a,
        visited_on=date(2015, 3, 20),
        created_by=clerk_a,
    )

    sequence = iter(range(1, 100))

    def case(
        key,
        *,
        lead,
        status,
        registered,
        deadline=None,
        resolved=None,
        closed=None,
        topic=5,
        household="张甲",
        description=None,
        year=2015,
        priority=False,
    ):
        made = CaseFactory(
            year=year,
            sequence=next(sequence),
            topic=topics[topic],
            household=county.households[household],
            description=description or f"问题{key}",
            lead_unit=lead,
            measures="核查落实" if lead else "",
            responsible_person="王科长" if lead else "",
            responsible_phone="13987654321" if lead else "",
            deadline=deadline,
            original_deadline=deadline,
            status=status,
            priority=priority,
            registered_on=registered,
            registered_by=office,
            resolved_on=resolved,
            closed_on=closed,
            closed_by=office if closed else None,
        )
        county.cases[key] = made
        return made

    # Member unit: closed on time, closed late, overdue, resolved awaiting closure.
    case(
        "on-time",
        lead=member_unit,
        status=Status.CLOSED,
        registered=date(2015, 5, 4),
        deadline=date(2015, 5, 20),
        resolved=date(2015, 5, 18),
        closed=date(2015, 5, 19),
    )
    case(
        "late",
        lead=member_unit,
        status=Status.CLOSED,
        registered=date(2015, 5, 5),
        deadline=date(2015, 5, 15),
        resolved=date(2015, 5, 20),
        closed=date(2015, 5, 21),
        topic=7,
        priority=True,
    )
    case(
        "overdue",
        lead=member_unit,
        status=Status.IN_PROGRESS,
        registered=date(2015, 5, 6),
        deadline=date(2015, 6, 1),
        topic=4,
        household="李甲",
    )
    case(
        "resolved",
        lead=member_unit,
        status=Status.RESOLVED,
        registered=date(2015, 5, 7),
        deadline=date(2015, 6, 30),
        resolved=date(2015, 6, 12),
        description=FORMULA,
    )
    # Township A leads two: one open within its deadline, one closed on time.
    case(
        "open",
        lead=township_a,
        status=Status.IN_PROGRESS,
        registered=date(2015, 5, 11),
        deadline=date(2015, 7, 1),
        topic=6,
    )
    case(
        "a-closed",
        lead=township_a,
        status=Status.CLOSED,
        registered=date(2015, 5, 12),
        deadline=date(2015, 6, 10),
        resolved=date(2015, 6, 1),
        closed=date(2015, 6, 2),
    )
    # Township B: one returned past its deadline (overdue), one not yet assigned.
    case(
        "returned",
        lead=township_b,
        status=Status.RETURNED,
        registered=date(2015, 5, 13),
        deadline=date(2015, 6, 5),
        household="孙乙",
    )
    case(
        "unassigned",
        lead=None,
        status=Status.REGISTERED,
        registered=date(2015, 6, 10),
        household="周乙",
    )
    # Another year's row, which the 2015 figures must leave out.
    case(
        "next-year",
        lead=member_unit,
        status=Status.CLOSED,
        registered=date(2016, 1, 5),
        deadline=date(2016, 1, 20),
        resolved=date(2016, 1, 10),
        closed=date(2016, 1, 11),
        year=2016,
    )

    # CaseFactory moved each year's ledger counter past these numbers, so cases registered
    # later follow on (2015-0009, 2016-0010).

    def activity(organiser, day, kind, amount, people):
        return ActivityFactory(
            kind=kind,
            organiser=organiser,
            held_on=day,
            title=f"{organiser.name}{kind}",
            people_reached=people,
            amount=Decimal(amount),
            created_by=office,
        )

    activity(township_a, date(2015, 2, 10), "plaque", "1200.00", 30)
    activity(township_a, date(2015, 4, 1), "condolence_visit", "5000.50", 12)
    activity(member_unit, date(2015, 5, 20), "legal_aid", "0", 4)
    activity(member_unit, date(2016, 1, 8), "legal_aid", "800", 2)  # not 2015
    activity(office.unit, date(2015, 3, 1), "martyrs_day", "300", 200)  # the office's own

    for item in ["team", "room", "sign"]:
        FiveOnesItemFactory(unit=township_a, item=item, updated_by=None)
    FiveOnesItemFactory(
        unit=township_a, item="board", status="building", done_on=None, updated_by=None
    )
    FiveOnesItemFactory(unit=member_unit, item="ledger", done_on=date(2015, 4, 1), updated_by=None)
    InspectionFactory(
        unit=township_a,
        inspected_on=date(2015, 5, 25),
        inspectors="周",
        checked="台账",
        created_by=office,
    )
    return county
