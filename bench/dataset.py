"""A generated province (or county) for the benchmark: units and their logins, households and
persons with valid fictitious ID numbers, visits and findings, ledger cases spread over statuses,
deadlines, townships and lead units with their events, activities, plaques and 五个一.

Rows are built in Python from one seeded random generator and written with bench.writer
(PostgreSQL COPY). Ids are given explicitly, so nothing is read back. Needs a migrated database
with the plan loaded and no units yet."""

import random
from bisect import bisect_right
from datetime import UTC, date, datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from stdnum.cn import ric

from bench.sizes import Size
from bench.writer import Writer
from campaign.models import Campaign, FiveOnesItem, Inspection, Topic, Unit, User, Workstream
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
    KIND_WORKSTREAM,
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


class Generator:
    def __init__(self, size: Size, *, seed: int = 2016, writer: Writer | None = None):
        self.size = size
        self.rng = random.Random(seed)
        self.w = writer or Writer()
        self.workdays = Workdays()
        self.campaign = Campaign.objects.prefetch_related("phases").get()
        self.phases = sorted(self.campaign.phases.all(), key=lambda p: p.number)
        self.topics = dict(Topic.objects.values_list("number", "pk"))
        self.topic_priority = dict(Topic.objects.values_list("number", "priority"))
        self.workstreams = dict(Workstream.objects.values_list("number", "pk"))

    def run(self) -> dict[str, int]:
        from bench.dataset_ledger import generate_cases
        from bench.dataset_work import generate_activities, generate_plaques_and_five_ones

        if Unit.objects.exists():
            raise RuntimeError("The database already has units: generate into a fresh one.")
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
        return dict(self.w.counts)

    # -- organisation -----------------------------------------------------------------------

    def phase_on(self, day: date):
        on = [p for p in self.phases if p.is_on(day)]
        main = [p for p in on if p.number != 6]
        return (main or on or [None])[0]

    def units(self):
        s, first = self.size, self.w.next_id(Unit)
        rows = [(first, "县双拥工作委员会办公室", "县双拥办", Unit.Kind.OFFICE, "office")]
        names = set()

        def township_name(n):
            a, b = SYLLABLES[n % len(SYLLABLES)], SYLLABLES[(n * 7 + 3) % len(SYLLABLES)]
            name = f"{a}{b}{'镇' if n % 3 else '乡'}"
            return name if name not in names else f"{name}{n}"

        for n in range(s.members):
            rows.append(
                (first + len(rows), f"成员单位{n + 1:03d}", f"单位{n + 1}", "member", f"m{n:03d}")
            )
        for n in range(s.townships):
            name = township_name(n)
            names.add(name)
            rows.append((first + len(rows), name, name, "township", f"t{n:03d}"))
        for n in range(s.garrisons):
            rows.append(
                (first + len(rows), f"驻地某部{n + 1:03d}", f"某部{n + 1}", "garrison", f"g{n:03d}")
            )
        self.w.write(Unit, ["id", "name", "short_name", "kind", "code"], rows)
        by_kind = {}
        for row in rows:
            by_kind.setdefault(row[3], []).append(row[0])
        self.office = by_kind["office"][0]
        self.members, self.townships = by_kind["member"], by_kind["township"]
        self.garrisons = by_kind["garrison"]

    def users(self):
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

        self.office_user = user("office", self.office, "周主任", staff=True)
        self.leader = user("leader", self.office, "钱县长", read_only=True)
        self.admin = user("admin", None, "管理员", superuser=True, staff=True)
        self.staff = {u: user(f"m{n:03d}", u, person_name(n)) for n, u in enumerate(self.members)}
        self.clerks = {
            u: user(f"t{n:03d}", u, person_name(n + 500)) for n, u in enumerate(self.townships)
        }
        self.liaisons = {
            u: user(f"g{n:03d}", u, person_name(n + 900)) for n, u in enumerate(self.garrisons)
        }
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
        s, rng = self.size, self.rng
        self.hh_first = first = self.w.next_id(Household)
        per_township = {}
        self.hh_township = []
        rows = []
        created = at(date(2015, 3, 1))
        for i in range(s.households):
            township = self.townships[i % len(self.townships)]
            number = per_township[township] = per_township.get(township, 0) + 1
            self.hh_township.append(township)
            rows.append(
                (
                    first + i,
                    township,
                    f"{number:06d}",
                    person_name(i * 3 + 1),
                    rng.choice(VILLAGES),
                    f"{rng.randrange(1, 120)}号",
                    f"1{rng.choice('3589')}{rng.randrange(10**9):09d}",
                    date(2015, rng.randrange(1, 9), 10) if rng.random() < 0.3 else None,
                    rng.random() < 0.01,
                    created,
                    created,
                )
            )
        fields = ["id", "township_id", "number", "head_name", "village", "address", "phone"]
        fields += ["plaque_on", "archived", "created_at", "updated_at"]
        self.w.write(Household, fields, rows)
        history = Household.history.model
        hfirst = self.w.next_id(history)
        self.w.write(
            history,
            [*fields, "history_id", "history_date", "history_type", "history_user_id"],
            ((*row, hfirst + n, created, "+", self.clerks[row[1]]) for n, row in enumerate(rows)),
        )

    def persons(self):
        s, rng = self.size, self.rng
        base, extra = divmod(s.persons, s.households)
        sizes = [base + (1 if i < extra else 0) for i in range(s.households)]
        if base >= 2:  # vary the household sizes (1–3 around 2) keeping the total
            for i in range(0, s.households - 1, 2):
                d = rng.choice((-1, 0, 1))
                sizes[i] += d
                sizes[i + 1] -= d
        first = pk = self.w.next_id(Person)
        rows, links, marks = [], [], []
        categories = list(BeneficiaryCategory.objects.values_list("pk", flat=True))
        mark_ids = list(PriorityMark.objects.values_list("pk", flat=True))
        relations = [r for r in Person.Relation.values if r != "self"]
        n = 0
        for i, count in enumerate(sizes):
            for k in range(count):
                male = rng.random() < 0.6
                number, born = id_number(n, male)
                grade = rng.randrange(1, 11) if rng.random() < 0.1 else None
                rows.append(
                    (
                        pk,
                        self.hh_first + i,
                        person_name(i * 3 + 1) if k == 0 else person_name(n * 7 + 11),
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
        s, rng = self.size, self.rng
        household_visits = round(s.visits * 0.95)
        chosen = sorted(rng.sample(range(s.households), min(household_visits, s.households)))
        first = self.w.next_id(Visit)
        span = (date(2015, 4, 30) - date(2015, 3, 2)).days
        rows = []
        for i in chosen:
            township = self.hh_township[i]
            day = date(2015, 3, 2) + timedelta(rng.randrange(span))
            rows.append(
                (township, self.hh_first + i, None, day, "乡镇干部、村干部", self.clerks[township])
            )
        for _ in range(s.visits - len(rows)):
            township = rng.choice(self.townships)
            day = date(2015, 3, 2) + timedelta(rng.randrange(span))
            garrison = rng.choice(self.garrisons)
            rows.append((township, None, garrison, day, "乡镇武装部长", self.clerks[township]))
        rows = [(first + j, *row, at(row[3])) for j, row in enumerate(rows)]
        fields = ["id", "township_id", "household_id", "garrison_id", "visited_on", "visitors"]
        fields += ["created_by_id", "created_at"]
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
            household = visit[2] is not None
            texts = HOUSEHOLD_TEXTS if household else GARRISON_TEXTS
            numbers = rng.sample(sorted(texts), rng.choice((1, 1, 2)) if household else 2)
            for number in numbers:
                needs = number == 7 or rng.random() < 0.6
                findings.append(
                    (fid, visit[0], self.topics[number], rng.choice(texts[number]), needs)
                )
                fid += 1
        self.w.write(Finding, ["id", "visit_id", "topic_id", "text", "needs_action"], findings)
        by_visit = {v[0]: v for v in rows}
        topic_number = {pk: number for number, pk in self.topics.items()}
        # What the ledger builds on: a finding needing action, with its visit's subject.
        self.open_findings = [
            (
                f[0],
                topic_number[f[2]],
                by_visit[f[1]][1],
                by_visit[f[1]][2],
                by_visit[f[1]][3],
                f[3],
            )
            for f in findings
            if f[4]
        ]
