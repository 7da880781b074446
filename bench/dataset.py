"""A generated province (or county) for the benchmark: a province, its cities and their
counties (areas), each county with its campaign from the bundled plan, its office, member units,
townships and garrison units and their logins, households and persons with valid fictitious ID
numbers, visits and findings, ledger cases spread over statuses, deadlines, townships and lead
units with their events, activities, plaques and 五个一. Every county gets the same volume
(bench.sizes), its records in its own townships, units and campaign, so a county's users see
that county's rows and no other's.

The areas and campaigns (a few per county) are made through the app's services; the rest is
built in Python, each county from a seeded random generator of its own (so the first county's
rows are the same whatever the number of counties), and written with bench.writer (PostgreSQL
COPY), one statement per table for all counties. Ids are given explicitly, so nothing is read
back. Needs a migrated database with no areas or units yet."""

import random
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from stdnum.cn import ric

from bench.sizes import Size
from bench.writer import Writer
from campaign.models import (
    Area,
    Campaign,
    FiveOnesItem,
    Inspection,
    Phase,
    Topic,
    Unit,
    User,
    Workstream,
)
from campaign.plan import first_plan
from campaign.plan_spec import PlanSpec
from campaign.services import area_add, plan_load
from demo.names import person_name
from grievances.models import (
    Case,
    CaseEvent,
    CaseFinding,
    ExtensionRequest,
    LedgerCounter,
)
from grievances.workdays import is_workday
from outreach.models import (
    Activity,
    BeneficiaryCategory,
    Finding,
    HonourPlaque,
    Household,
    Person,
    PlaqueEvent,
    PriorityMark,
    Visit,
)

TODAY = date(2016, 3, 15)  # the bench's pinned campaign date, as the demo's (phase 5)
PASSWORD = "bench-pass-2016"
AREA_CODE = "110101"
EPOCH = datetime(2015, 1, 1, tzinfo=UTC)
VILLAGES = ["东村", "西村", "南湾村", "北坡村", "前进村", "红旗村", "新华社区", "和平社区"]
PROVINCE_NAME = "样本省"
PROVINCE_CODE = "99"  # division codes 99CCNN: no real province has 99
SYLLABLES = "青石柳林桃源白马龙泉新集杨柳石桥红星城关东城西河南山北岗金沙玉溪松涛"
HOUSEHOLD_TEXTS = {
    4: ["优待金2014年度尚未发放到位。", "医疗保障未办理优抚对象医疗补助。"],
    5: ["住房为危房，需改造。", "老人患重病，医疗费用负担重。", "家庭收入低，生活困难。"],
    6: ["希望子女就业能得到帮扶。", "希望定期上门体检。", "希望参加技能培训。"],
    7: ["与邻居宅基地纠纷，需法律援助。", "工伤赔偿诉讼需法律援助。"],
}
GARRISON_TEXTS = {
    1: ["训练场土地确权尚未完成。", "训练设施需配套完善。"],
    2: ["执行任务时运输车辆保障不足。", "野外驻训用水用电保障困难。"],
    3: ["随军家属就业安置问题突出。", "官兵子女入学入托需协调。"],
}
MEASURES = ["协调相关部门落实政策，限期办结。", "实地核查后制定帮扶方案，落实专项资金。"]
PLANS = ["registered", "assigned", "in_progress", "resolved", "returned", "closed"]
PLAN_WEIGHTS = [8, 8, 27, 10, 5, 42]
KIND_WORKSTREAM = {kind.code: kind.workstream for kind in first_plan().kinds}
ACTIVITY_KINDS = sorted(KIND_WORKSTREAM)


class Workdays:
    """add_workdays over a precomputed calendar: the generator calls it ~300,000 times."""

    def __init__(self, start=date(2014, 1, 1), end=date(2018, 12, 31)):
        days = (start + timedelta(n) for n in range((end - start).days + 1))
        self.days = [d.toordinal() for d in days if is_workday(d)]

    def add(self, start: date, count: int) -> date:
        return date.fromordinal(self.days[bisect_right(self.days, start.toordinal()) + count - 1])


def id_number(n: int, male: bool) -> tuple[str, date]:
    """The n-th fictitious ID number: unique for every n, with a valid check character."""
    born = date(1930, 1, 1) + timedelta(days=(n * 7919) % 29_000)
    body = f"{AREA_CODE}{born:%Y%m%d}{(n // 29_000) * 2 + (1 if male else 2):03d}"
    return body + ric.calc_check_digit(body + "0"), born


def at(day: date, minute: int = 0) -> datetime:
    return datetime.combine(day, time(1, 0), tzinfo=UTC) + timedelta(minutes=minute)


def place_name(n: int, suffix: str, taken: set[str], salt: int = 0) -> str:
    """The n-th two-syllable place name of a sequence (salt picks the sequence), made unique
    among those taken."""
    size = len(SYLLABLES)
    name = SYLLABLES[n % size] + SYLLABLES[(n * 7 + 3 + salt + n // size) % size] + suffix
    if name in taken:
        name = f"{name[:-1]}{n}{suffix}"
    taken.add(name)
    return name


@dataclass
class County:
    """One generated county: its area and campaign, its units (ids), the users that act for it
    and the range of its households (indexes into Generator.hh_township)."""

    index: int
    area: int
    name: str
    campaign: int
    phases: list[Phase]
    rng: random.Random
    # The county's earlier campaign (2013–2014), over by the bench's today.
    earlier: int = 0
    earlier_phases: list[Phase] = field(default_factory=list)
    office: int = 0
    members: list[int] = field(default_factory=list)
    townships: list[int] = field(default_factory=list)
    garrisons: list[int] = field(default_factory=list)
    office_user: int = 0
    households: range = range(0)
    open_findings: list[tuple] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Its users' names begin with it: c000-office, c000-t000 …"""
        return f"c{self.index:03d}"

    def phase_on(self, day: date, campaign: int | None = None):
        phases = self.earlier_phases if campaign == self.earlier else self.phases
        on = [p for p in phases if p.is_on(day)]
        main = [p for p in on if p.number != 6]
        return (main or on or [None])[0]


class Generator:
    def __init__(self, size: Size, *, seed: int = 2016, writer: Writer | None = None):
        self.size = size
        self.seed = seed
        self.w = writer or Writer()
        self.workdays = Workdays()
        self.counties: list[County] = []
        self.county_of: dict[int, County] = {}  # a county's unit id → the county
        self.staff, self.clerks, self.liaisons = {}, {}, {}  # unit id → its user's id

    def run(self) -> dict[str, int]:
        from bench.dataset_ledger import generate_cases
        from bench.dataset_work import generate_activities, generate_plaques_and_five_ones

        if Area.objects.exists() or Unit.objects.exists():
            raise RuntimeError(
                "The database already has areas or units: generate into a fresh one."
            )
        self.areas()
        self.units()
        self.users()
        self.households()
        self.persons()
        self.visits()
        generate_cases(self)
        generate_activities(self)
        generate_plaques_and_five_ones(self)
        self.w.reset_sequences(
            [
                Unit,
                User,
                Household,
                Household.history.model,
                Person,
                Person.history.model,
                Person.categories.through,
                Person.priority_marks.through,
                Visit,
                Visit.history.model,
                Finding,
                Case,
                Case.co_units.through,
                CaseFinding,
                CaseEvent,
                ExtensionRequest,
                LedgerCounter,
                Activity,
                Activity.history.model,
                Activity.households.through,
                HonourPlaque,
                PlaqueEvent,
                FiveOnesItem,
                Inspection,
            ]
        )
        counts = dict(self.w.counts)
        counts[Area._meta.db_table] = Area.objects.count()
        counts[Campaign._meta.db_table] = 2 * len(self.counties)
        return counts

    # -- organisation -----------------------------------------------------------------------

    def areas(self):
        """The province, its cities and their counties, through the app's services, and each
        county's campaign with its phases loaded from the bundled plan."""
        s, taken = self.size, set()
        self.province = area_add(
            name=PROVINCE_NAME, level=Area.Level.PROVINCE, code=f"{PROVINCE_CODE}0000"
        )
        self.cities = []
        for c, count in enumerate(s.city_counties()):
            city = area_add(
                name=place_name(c, "市", taken, salt=11),
                level=Area.Level.CITY,
                parent=self.province,
                code=f"{PROVINCE_CODE}{c + 1:02d}00",
            )
            self.cities.append(city)
            for k in range(count):
                index = len(self.counties)
                area = area_add(
                    name=place_name(index, "县", taken, salt=5),
                    level=Area.Level.COUNTY,
                    parent=city,
                    code=f"{PROVINCE_CODE}{c + 1:02d}{k + 1:02d}",
                )
                earlier = plan_load(county=area, spec=earlier_plan()).campaign
                campaign = plan_load(county=area).campaign
                self.counties.append(
                    County(
                        index=index,
                        area=area.pk,
                        name=area.name,
                        campaign=campaign.pk,
                        phases=sorted(campaign.phases.all(), key=lambda p: p.number),
                        rng=random.Random(self.seed * 1000 + index),
                        earlier=earlier.pk,
                        earlier_phases=sorted(earlier.phases.all(), key=lambda p: p.number),
                    )
                )
        # Each county's campaign has its own topics and workstreams: (campaign, number) → row.
        self.topics = {
            (campaign, number): pk
            for campaign, number, pk in Topic.objects.values_list("campaign", "number", "pk")
        }
        self.topic_priority = dict(Topic.objects.values_list("number", "priority"))
        self.workstreams = {
            (campaign, number): pk
            for campaign, number, pk in Workstream.objects.values_list("campaign", "number", "pk")
        }

    def units(self):
        """Each county's office, member units, townships and garrison units (codes unique in
        their county, as the app has them), and an office above the counties in the province
        and in each city."""
        s, first = self.size, self.w.next_id(Unit)
        rows = []

        def unit(area, name, short_name, kind, code, county=None):
            pk = first + len(rows)
            rows.append((pk, area, name, short_name, kind, code))
            if county is not None:
                self.county_of[pk] = county
            return pk

        for county in self.counties:
            area, names = county.area, set()
            county.office = unit(
                area,
                f"{county.name}双拥工作委员会办公室",
                "县双拥办",
                Unit.Kind.OFFICE,
                "office",
                county,
            )
            county.members = [
                unit(
                    area,
                    f"成员单位{n + 1:03d}",
                    f"单位{n + 1}",
                    Unit.Kind.MEMBER,
                    f"m{n:03d}",
                    county,
                )
                for n in range(s.members)
            ]
            for n in range(s.townships):
                # Township names differ from county to county; unique within one.
                name = place_name(county.index * s.townships + n, "镇" if n % 3 else "乡", names)
                county.townships.append(
                    unit(area, name, name, Unit.Kind.TOWNSHIP, f"t{n:03d}", county)
                )
            county.garrisons = [
                unit(
                    area,
                    f"驻地某部{n + 1:03d}",
                    f"某部{n + 1}",
                    Unit.Kind.GARRISON,
                    f"g{n:03d}",
                    county,
                )
                for n in range(s.garrisons)
            ]
        # The offices above come last, so a county's ids are the same whatever their number.
        self.higher_offices = [
            unit(
                self.province.pk,
                f"{self.province.name}双拥工作领导小组办公室",
                "省双拥办",
                Unit.Kind.HIGHER_OFFICE,
                "office",
            )
        ]
        for city in self.cities:
            self.higher_offices.append(
                unit(
                    city.pk,
                    f"{city.name}双拥工作领导小组办公室",
                    "市双拥办",
                    Unit.Kind.HIGHER_OFFICE,
                    "office",
                )
            )
        self.w.write(Unit, ["id", "area_id", "name", "short_name", "kind", "code"], rows)

    def users(self):
        """admin (the superuser, for the admin baseline); province-office and cityNN-office;
        in each county cNNN-office (and cNNN-office1 … as the size asks), cNNN-leader
        (cNNN-leader1 …) and one login per unit, cNNN-m000 …"""
        password = make_password(PASSWORD)
        first = self.w.next_id(User)
        rows = []

        def user(username, unit, last_name, *, superuser=False, staff=False, read_only=False):
            pk = first + len(rows)
            rows.append(
                (
                    pk,
                    password,
                    superuser,
                    username,
                    "",
                    last_name,
                    staff,
                    True,
                    EPOCH,
                    unit,
                    read_only,
                )
            )
            return pk

        self.admin = user("admin", None, "管理员", superuser=True, staff=True)
        for county in self.counties:
            key, n = county.key, county.index * 1000
            county.office_user = user(f"{key}-office", county.office, "周主任", staff=True)
            for i in range(1, self.size.office_staff):
                user(f"{key}-office{i}", county.office, person_name(n + i + 600))
            user(f"{key}-leader", county.office, "钱县长", read_only=True)
            for i in range(1, self.size.leaders):
                user(f"{key}-leader{i}", county.office, person_name(n + i + 650), read_only=True)
            for i, u in enumerate(county.members):
                self.staff[u] = user(f"{key}-m{i:03d}", u, person_name(n + i))
            for i, u in enumerate(county.townships):
                self.clerks[u] = user(f"{key}-t{i:03d}", u, person_name(n + i + 500))
            for i, u in enumerate(county.garrisons):
                self.liaisons[u] = user(f"{key}-g{i:03d}", u, person_name(n + i + 900))
        province_office, *city_offices = self.higher_offices
        user("province-office", province_office, "孙处长")
        for c, office in enumerate(city_offices):
            user(f"city{c:02d}-office", office, person_name(c + 700))
        fields = [
            "id",
            "password",
            "is_superuser",
            "username",
            "email",
            "last_name",
            "is_staff",
            "is_active",
            "date_joined",
            "unit_id",
            "read_only",
        ]
        self.w.write(User, fields, rows)

    # -- the registry -------------------------------------------------------------------------

    def households(self):
        s = self.size
        self.hh_first = first = self.w.next_id(Household)
        self.hh_township = []  # household index → its township; the id is hh_first + index
        rows = []
        created = at(date(2015, 3, 1))
        for county in self.counties:
            rng, start, per_township = county.rng, len(self.hh_township), {}
            for i in range(s.households):
                township = county.townships[i % len(county.townships)]
                number = per_township[township] = per_township.get(township, 0) + 1
                rows.append(
                    (
                        first + len(self.hh_township),
                        township,
                        f"{number:06d}",
                        person_name(i * 3 + 1),
                        rng.choice(VILLAGES),
                        f"{rng.randrange(1, 120)}号",
                        f"1{rng.choice('3589')}{rng.randrange(10**9):09d}",
                        *_plaque_draws(rng),
                        rng.random() < 0.01,
                        created,
                        created,
                    )
                )
                self.hh_township.append(township)
            county.households = range(start, len(self.hh_township))
        fields = ["id", "township_id", "number", "head_name", "village", "address", "phone"]
        fields += ["archived", "created_at", "updated_at"]
        self.w.write(Household, fields, rows)
        history = Household.history.model
        hfirst = self.w.next_id(history)
        self.w.write(
            history,
            [*fields, "history_id", "history_date", "history_type", "history_user_id"],
            ((*row, hfirst + n, created, "+", self.clerks[row[1]]) for n, row in enumerate(rows)),
        )

    def persons(self):
        s = self.size
        base, extra = divmod(s.persons, s.households)
        first = pk = self.w.next_id(Person)
        rows, links, marks = [], [], []
        categories_of, marks_of = defaultdict(list), defaultdict(list)
        for county_id, pk_ in BeneficiaryCategory.objects.values_list("county_id", "pk"):
            categories_of[county_id].append(pk_)
        for county_id, pk_ in PriorityMark.objects.values_list("county_id", "pk"):
            marks_of[county_id].append(pk_)
        relations = [r for r in Person.Relation.values if r != "self"]
        n = 0  # the persons' ID numbers run on across counties
        for county in self.counties:
            rng = county.rng
            categories, mark_ids = categories_of[county.area], marks_of[county.area]
            sizes = [base + (1 if i < extra else 0) for i in range(s.households)]
            if base >= 2:  # vary the household sizes (1–3 around 2) keeping the total
                for i in range(0, s.households - 1, 2):
                    d = rng.choice((-1, 0, 1))
                    sizes[i] += d
                    sizes[i + 1] -= d
            for i, count in zip(county.households, sizes, strict=True):
                local = i - county.households.start
                for k in range(count):
                    male = rng.random() < 0.6
                    number, born = id_number(n, male)
                    grade = rng.randrange(1, 11) if rng.random() < 0.1 else None
                    rows.append(
                        (
                            pk,
                            self.hh_first + i,
                            person_name(local * 3 + 1) if k == 0 else person_name(n * 7 + 11),
                            number,
                            "M" if male else "F",
                            born,
                            "self" if k == 0 else rng.choice(relations),
                            grade,
                            rng.choice(["war", "duty", "illness"]) if grade else "",
                            f"139{rng.randrange(10**8):08d}" if rng.random() < 0.5 else "",
                            rng.random() < 0.03,
                            False,
                        )
                    )
                    for category in rng.sample(categories, rng.choice((1, 1, 2))):
                        links.append((pk, category))
                    if rng.random() < 0.1:
                        marks.append((pk, rng.choice(mark_ids)))
                    pk += 1
                    n += 1
        self.person_count = pk - first
        fields = ["id", "household_id", "name", "id_number", "sex", "birth_date", "relation"]
        fields += ["disability_grade", "disability_nature", "phone", "deceased", "archived"]
        self.w.write(Person, fields, rows)
        history = Person.history.model
        created, hfirst = at(date(2015, 3, 1)), self.w.next_id(history)
        self.w.write(
            history,
            [*fields, "history_id", "history_date", "history_type"],
            ((*row, hfirst + j, created, "+") for j, row in enumerate(rows)),
        )
        through = Person.categories.through
        start = self.w.next_id(through)
        self.w.write(
            through,
            ["id", "person_id", "beneficiarycategory_id"],
            ((start + j, *link) for j, link in enumerate(links)),
        )
        through = Person.priority_marks.through
        start = self.w.next_id(through)
        self.w.write(
            through,
            ["id", "person_id", "prioritymark_id"],
            ((start + j, *link) for j, link in enumerate(marks)),
        )

    # -- the survey ---------------------------------------------------------------------------

    def visits(self):
        s = self.size
        first = self.w.next_id(Visit)
        span = (date(2015, 4, 30) - date(2015, 3, 2)).days
        rows = []
        for county in self.counties:
            rng = county.rng
            household_visits = min(round(s.visits * 0.95), len(county.households))
            visits = []
            for i in sorted(rng.sample(county.households, household_visits)):
                township = self.hh_township[i]
                day = date(2015, 3, 2) + timedelta(rng.randrange(span))
                visits.append(
                    (
                        township,
                        self.hh_first + i,
                        None,
                        day,
                        "乡镇干部、村干部",
                        self.clerks[township],
                        county.campaign,
                    )
                )
            for _ in range(s.visits - household_visits):
                township = rng.choice(county.townships)
                day = date(2015, 3, 2) + timedelta(rng.randrange(span))
                garrison = rng.choice(county.garrisons)
                visits.append(
                    (
                        township,
                        None,
                        garrison,
                        day,
                        "乡镇武装部长",
                        self.clerks[township],
                        county.campaign,
                    )
                )
            rows += visits
        # A township clerk's visits: the township is also the visiting unit.
        rows = [(first + j, *row, row[0], "visit", at(row[3])) for j, row in enumerate(rows)]
        fields = ["id", "township_id", "household_id", "garrison_id", "visited_on", "visitors"]
        fields += ["created_by_id", "campaign_id", "unit_id", "kind", "created_at"]
        self.w.write(Visit, fields, rows)
        history = Visit.history.model
        hfirst = self.w.next_id(history)
        self.w.write(
            history,
            [*fields, "history_id", "history_date", "history_type", "history_user_id"],
            ((*row, hfirst + j, row[-1], "+", row[6]) for j, row in enumerate(rows)),
        )
        findings = []
        fid = self.w.next_id(Finding)
        for visit in rows:
            county = self.county_of[visit[1]]
            household = visit[2] is not None
            texts = HOUSEHOLD_TEXTS if household else GARRISON_TEXTS
            numbers = county.rng.sample(
                sorted(texts), county.rng.choice((1, 1, 2)) if household else 2
            )
            for number in numbers:
                needs = number == 7 or county.rng.random() < 0.6
                text = county.rng.choice(texts[number])
                findings.append((fid, visit[0], self.topics[county.campaign, number], text, needs))
                if needs:
                    # What the ledger builds on: a finding needing action, with its visit's
                    # subject, in its county.
                    county.open_findings.append((fid, number, visit[1], visit[2], visit[3], text))
                fid += 1
        self.w.write(Finding, ["id", "visit_id", "topic_id", "text", "needs_action"], findings)


EARLIER_YEARS = 2


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def earlier_plan() -> PlanSpec:
    """The first plan two years earlier (2013–2014) under a name of its own: the campaign each
    county ran before the current one."""
    plan = first_plan()
    back = EARLIER_YEARS
    return replace(
        plan,
        name=f"{plan.name}（{plan.starts_on.year - back}—{plan.ends_on.year - back}年）",
        starts_on=_years_before(plan.starts_on, back),
        ends_on=_years_before(plan.ends_on, back),
        phases=[
            replace(
                row,
                starts_on=_years_before(row.starts_on, back),
                ends_on=_years_before(row.ends_on, back),
            )
            for row in plan.phases
        ],
        # A county's activity kinds belong to one campaign each: the earlier ones are named
        # apart.
        kinds=[
            replace(kind, name=f"{kind.name}（{EARLIER_TAG}）", code=earlier_kind(kind.code))
            for kind in plan.kinds
        ],
    )


EARLIER_TAG = "2013"


def earlier_kind(code: str) -> str:
    return f"{code}-{EARLIER_TAG}"


def _plaque_draws(rng) -> tuple:
    """The draws that once gave a household its plaque date, kept so every later row comes out
    as before; plaques are the register's (bench/dataset_work.py)."""
    if rng.random() < 0.3:
        rng.randrange(1, 9)
    return ()
