"""The simulated users of the load test, shaped like a province's working day: township clerks
on their household lists, household pages and visit forms; member units on their queues (待办),
their cases and progress reports; county offices on the ledger, intake and cases; leaders on
the dashboard and progress by unit. Each user logs in as an account of its own, in counties
spread over the province, and requests only what its role reaches."""

import math
from dataclasses import dataclass, field
from datetime import date

# (role, share of the users in %, its pages with their weights)
ROLES = {
    "clerk": (
        45,
        [("household list", 25), ("household", 40), ("visit form", 20), ("visit post", 15)],
    ),
    "member": (30, [("inbox", 35), ("case (member)", 40), ("progress post", 25)]),
    "office": (15, [("ledger", 45), ("intake", 25), ("case (office)", 30)]),
    "leader": (10, [("dashboard", 60), ("progress", 40)]),
}
LEDGER_PAGE = 25  # grievances.views.LedgerView.paginate_by
DAY = date(2016, 3, 15).isoformat()  # the bench's today (bench.db.TODAY)
NOTE = "负载测试：已电话回访，正在协调落实。"


@dataclass
class SimulatedUser:
    username: str
    role: str
    county: int
    # What the role's pages ask for: a clerk's households, a member unit's cases (all it
    # leads, and those in progress for its reports), an office's county cases.
    households: list[int] = field(default_factory=list)
    cases: list[int] = field(default_factory=list)
    in_progress: list[int] = field(default_factory=list)
    ledger_pages: dict[str, int] = field(default_factory=dict)  # status → its pages
    # A unit records one visit a household a day: a clerk visits each household once, on the
    # load test's day (each load test of a run has a day of its own).
    visit_day: str = DAY
    to_visit: list[int] = field(default_factory=list)

    def pages(self) -> list[tuple[str, int]]:
        """The role's pages, but those about cases the user has none of."""
        needs = {"case (member)": self.cases, "progress post": self.in_progress}
        return [(kind, w) for kind, w in ROLES[self.role][1] if needs.get(kind, True)]

    def request(self, kind: str, rng, csrf: str) -> tuple[str, str, dict | None, int]:
        """(method, path, form, the status that means it worked) for one page of this user."""
        if kind == "household list":
            return "GET", f"/outreach/households/?page={rng.randint(1, 3)}", None, 200
        if kind == "household":
            return "GET", f"/outreach/households/{rng.choice(self.households)}/", None, 200
        if kind == "visit form":
            return "GET", f"/outreach/households/{rng.choice(self.households)}/visit/", None, 200
        if kind == "visit post":
            if not self.to_visit:
                self.to_visit = rng.sample(self.households, len(self.households))
            form = {
                "csrfmiddlewaretoken": csrf,
                "visited_on": self.visit_day,
                "visitors": "乡镇干部",
                "topic_5_text": "负载测试：家庭生活情况已核实。",
            }
            return "POST", f"/outreach/households/{self.to_visit.pop()}/visit/", form, 302
        if kind == "inbox":
            return "GET", "/ledger/inbox/", None, 200
        if kind in ("case (member)", "case (office)"):
            return "GET", f"/ledger/cases/{rng.choice(self.cases)}/", None, 200
        if kind == "progress post":
            form = {"csrfmiddlewaretoken": csrf, "progress-on": DAY, "progress-note": NOTE}
            path = f"/ledger/cases/{rng.choice(self.in_progress)}/progress/"
            return "POST", path, form, 302
        if kind == "ledger":
            status = rng.choice(sorted(self.ledger_pages))
            path = f"/ledger/?status={status}&page={rng.randint(1, self.ledger_pages[status])}"
            return "GET", path, None, 200
        if kind == "intake":
            return "GET", "/ledger/intake/", None, 200
        if kind == "dashboard":
            return "GET", "/reports/", None, 200
        if kind == "progress":
            return "GET", "/reports/progress/", None, 200
        raise ValueError(kind)


def counts(total: int) -> dict[str, int]:
    """Users per role, in proportion, adding up to total."""
    shares = {role: share for role, (share, _pages) in ROLES.items()}
    found = {role: total * share // 100 for role, share in shares.items()}
    for role in sorted(shares, key=shares.get, reverse=True)[: total - sum(found.values())]:
        found[role] += 1
    return found


def simulated_users(total: int, visit_day: str = DAY) -> list[SimulatedUser]:
    """total users over as few counties as their accounts allow, but at least ten (or all),
    spread evenly over the province's counties (so over its cities)."""
    from campaign.models import Area

    counties = list(Area.objects.counties().order_by("pk").values_list("pk", flat=True))
    accounts = _accounts(counties[0])
    per_role = counts(total)
    needed = max(math.ceil(n / max(1, len(accounts[role]))) for role, n in per_role.items())
    chosen_count = min(len(counties), max(needed, 10))
    step = len(counties) / chosen_count
    chosen = [counties[int(i * step)] for i in range(chosen_count)]
    by_county = {county: _accounts(county) for county in chosen}
    users = []
    for role, n in per_role.items():
        for i in range(n):
            county = chosen[i % len(chosen)]
            names = by_county[county][role]
            if i // len(chosen) >= len(names):
                raise RuntimeError(f"not enough {role} logins in county {county}")
            users.append(SimulatedUser(names[i // len(chosen)], role, county, visit_day=visit_day))
    _fill(users)
    return users


def _accounts(county: int) -> dict[str, list[str]]:
    from campaign.models import Unit, User

    users = User.objects.filter(unit__area=county, is_active=True).order_by("username")
    kinds = {"clerk": Unit.Kind.TOWNSHIP, "member": Unit.Kind.MEMBER}
    found = {
        role: list(users.filter(unit__kind=kind).values_list("username", flat=True))
        for role, kind in kinds.items()
    }
    office = users.filter(unit__kind=Unit.Kind.OFFICE)
    found["office"] = list(office.filter(read_only=False).values_list("username", flat=True))
    found["leader"] = list(office.filter(read_only=True).values_list("username", flat=True))
    return found


def _fill(users: list[SimulatedUser]) -> None:
    """The ids each user's pages ask for, a query or two per county."""
    from collections import defaultdict

    from campaign import clock
    from campaign.models import Campaign, User
    from campaign.selectors import current_of
    from grievances.models import Case
    from outreach.models import Household

    units = dict(
        User.objects.filter(username__in=[u.username for u in users]).values_list(
            "username", "unit_id"
        )
    )
    for county in {u.county for u in users}:
        campaign = current_of(list(Campaign.objects.in_county(county)), clock.today())
        mine = [u for u in users if u.county == county]
        households = defaultdict(list)
        for pk, township in (
            Household.objects.in_county(county)
            .filter(archived=False)
            .values_list("pk", "township_id")
        ):
            households[township].append(pk)
        cases = list(
            Case.objects.filter(campaign=campaign).values_list("pk", "lead_unit_id", "status")
        )
        for user in mine:
            unit = units[user.username]
            if user.role == "clerk":
                user.households = households[unit]
            elif user.role == "member":
                user.cases = [pk for pk, lead, _s in cases if lead == unit]
                user.in_progress = [
                    pk for pk, lead, status in cases if lead == unit and status == "in_progress"
                ]
            elif user.role == "office":
                user.cases = [pk for pk, _lead, _s in cases]
                for _pk, _lead, status in cases:
                    user.ledger_pages[status] = user.ledger_pages.get(status, 0) + 1
                user.ledger_pages = {
                    status: math.ceil(n / LEDGER_PAGE) for status, n in user.ledger_pages.items()
                }
