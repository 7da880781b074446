"""The generated ledger: cases from the survey's findings and from walk-ins and letters, every
status, deadlines before and after the bench's today, lead units across members and townships,
and their events (about five a case), extension requests and ledger counters."""

from datetime import date, timedelta

from bench.dataset import MEASURES, PLAN_WEIGHTS, PLANS, TODAY, County, Generator, at
from grievances.models import (
    Case,
    CaseEvent,
    CaseFinding,
    ExtensionRequest,
    LedgerCounter,
    Satisfaction,
    Source,
    Status,
)
from grievances.services import REVISIT_AFTER_DAYS

K = CaseEvent.Kind
CASE_FIELDS = [
    "id",
    "campaign_id",
    "year",
    "sequence",
    "topic_id",
    "household_id",
    "garrison_id",
    "township_id",
    "description",
    "source",
    "measures",
    "lead_unit_id",
    "responsible_person",
    "responsible_phone",
    "deadline",
    "original_deadline",
    "status",
    "priority",
    "result",
    "registered_on",
    "registered_by_id",
    "registered_phase_id",
    "resolved_on",
    "closed_on",
    "closed_by_id",
    "revisit_due",
    "revisited_on",
    "satisfaction",
    "reopened_count",
    "version",
    "updated_at",
]


def drafts(
    g: Generator, county: County, count: int, *, survey: bool = True, since=None, until=TODAY
) -> list[tuple]:
    """(registered_on, topic number, household, garrison, township, text, source, finding): count
    of the county's cases, about its households and garrison units, in its townships, registered
    from since to until; with survey, most from the 2015 survey's findings."""
    rng = county.rng
    rows = []
    if survey:
        found = rng.sample(county.open_findings, min(len(county.open_findings), round(count * 0.6)))
        for finding, topic, township, household, garrison, text in found:
            day = date(2015, 5, 4) + timedelta(rng.randrange(240))
            rows.append((day, topic, household, garrison, township, text, Source.SURVEY, finding))
    since = since or date(2015, 2, 2)
    span = (until - since).days
    for _ in range(count - len(rows)):
        day = since + timedelta(rng.randrange(span))
        source = rng.choice((Source.WALK_IN, Source.LETTER))
        if rng.random() < 0.85:
            i = rng.choice(county.households)
            topic = rng.choice((4, 5, 6, 7))
            rows.append(
                (
                    day,
                    topic,
                    g.hh_first + i,
                    None,
                    g.hh_township[i],
                    "来访反映生活困难。",
                    source,
                    None,
                )
            )
        else:
            topic = rng.choice((1, 2, 3))
            rows.append(
                (
                    day,
                    topic,
                    None,
                    rng.choice(county.garrisons),
                    rng.choice(county.townships),
                    "部队来函反映保障问题。",
                    source,
                    None,
                )
            )
    rows.sort(key=lambda row: row[0])
    return rows


def periods(g: Generator, county: County) -> list[tuple]:
    """(campaign, drafts, the day its figures stop, over): the county's earlier campaign, its
    cases all closed by its end, then the current one."""
    earlier = round(g.size.cases * g.size.earlier_share)
    return [
        (
            county.earlier,
            drafts(g, county, earlier, survey=False, since=EARLIER_FROM, until=EARLIER_UNTIL),
            EARLIER_END,
            True,
        ),
        (county.campaign, drafts(g, county, g.size.cases - earlier), TODAY, False),
    ]


EARLIER_FROM, EARLIER_UNTIL, EARLIER_END = date(2013, 2, 4), date(2014, 9, 30), date(2014, 12, 31)


def generate_cases(g: Generator) -> None:
    """Every county's cases in its two campaigns, numbered per campaign and year from 1 as the
    app numbers them, one county after another (so a county's cases have consecutive ids)."""
    wd = g.workdays
    first = g.w.next_id(Case)
    cases, links, trails, extensions, helpers, counters = [], [], [], [], [], []
    updated = at(TODAY)
    for county in g.counties:
        rng, county_trails = county.rng, []
        office = (county.office_user, county.office)
        for campaign, rows, until, over in periods(g, county):
            numbers = {}
            for n, (
                registered_on,
                topic,
                household,
                garrison,
                township,
                text,
                source,
                finding,
            ) in enumerate(rows, start=len(cases)):
                pk = first + n
                year = registered_on.year
                numbers[year] = numbers.get(year, 0) + 1
                plan = "closed" if over else rng.choices(PLANS, weights=PLAN_WEIGHTS)[0]
                if rng.random() < 0.8:
                    lead = rng.choice(county.members)
                    lead_user = (g.staff[lead], lead)
                else:
                    lead = township
                    lead_user = (g.clerks[township], township)
                phase = county.phase_on(registered_on, campaign)
                c = dict.fromkeys(CASE_FIELDS)
                c.update(
                    id=pk,
                    campaign_id=campaign,
                    year=year,
                    sequence=numbers[year],
                    topic_id=g.topics[campaign, topic],
                    household_id=household,
                    garrison_id=garrison,
                    township_id=township,
                    description=text,
                    source=source,
                    measures="",
                    responsible_person="",
                    responsible_phone="",
                    status=Status.REGISTERED,
                    priority=g.topic_priority[topic],
                    result="",
                    registered_on=registered_on,
                    registered_by_id=county.office_user,
                    registered_phase_id=phase.pk if phase else None,
                    satisfaction="",
                    reopened_count=0,
                    updated_at=updated,
                )
                trail = [(K.REGISTERED, registered_on, office, "", Status.REGISTERED, "")]
                if plan != "registered":
                    assigned_on = min(wd.add(registered_on, 2), until)
                    c.update(
                        lead_unit_id=lead,
                        measures=rng.choice(MEASURES),
                        responsible_person="经办人",
                        responsible_phone=f"139{rng.randrange(10**8):08d}",
                        status=Status.ASSIGNED,
                    )
                    c["deadline"] = c["original_deadline"] = wd.add(
                        assigned_on, rng.choice((10, 20, 30, 60, 120, 250))
                    )
                    trail.append(
                        (
                            K.ASSIGNED,
                            assigned_on,
                            office,
                            Status.REGISTERED,
                            Status.ASSIGNED,
                            c["measures"],
                        )
                    )
                if plan in ("in_progress", "resolved", "returned", "closed"):
                    accepted_on = min(wd.add(assigned_on, 2), until)
                    trail.append(
                        (
                            K.ACCEPTED,
                            accepted_on,
                            lead_user,
                            Status.ASSIGNED,
                            Status.IN_PROGRESS,
                            "",
                        )
                    )
                    c["status"] = Status.IN_PROGRESS
                    if plan == "in_progress" and rng.random() < 0.12:
                        requested_on = min(wd.add(accepted_on, 6), until)
                        decided = rng.random() < 0.75
                        new_deadline = wd.add(c["deadline"], 20)
                        extensions.append(
                            (
                                pk,
                                lead_user[0],
                                requested_on,
                                c["deadline"],
                                new_deadline,
                                "涉及多部门协调，需延长办理时限。",
                                "approved" if decided else "pending",
                                county.office_user if decided else None,
                                requested_on if decided else None,
                            )
                        )
                        trail.append(
                            (
                                K.EXTENSION_REQUESTED,
                                requested_on,
                                lead_user,
                                "in_progress",
                                "in_progress",
                                "",
                            )
                        )
                        if decided:
                            trail.append(
                                (
                                    K.EXTENSION_APPROVED,
                                    requested_on,
                                    office,
                                    "in_progress",
                                    "in_progress",
                                    "",
                                )
                            )
                            c["deadline"] = new_deadline
                if plan in ("resolved", "returned", "closed"):
                    resolved_on = min(wd.add(accepted_on, rng.randrange(8, 40)), until)
                    c.update(
                        result="问题已解决，当事人认可。",
                        resolved_on=resolved_on,
                        status=Status.RESOLVED,
                    )
                    trail.append(
                        (
                            K.RESOLVED,
                            resolved_on,
                            lead_user,
                            Status.IN_PROGRESS,
                            Status.RESOLVED,
                            c["result"],
                        )
                    )
                if plan == "returned":
                    c.update(status=Status.RETURNED, resolved_on=None)
                    trail.append(
                        (
                            K.RETURNED,
                            min(wd.add(resolved_on, 3), until),
                            office,
                            "resolved",
                            "returned",
                            "请补充材料。",
                        )
                    )
                if plan == "closed":
                    closed_on = min(wd.add(resolved_on, 3), until)
                    c.update(
                        status=Status.CLOSED,
                        closed_on=closed_on,
                        closed_by_id=county.office_user,
                        revisit_due=closed_on + timedelta(days=REVISIT_AFTER_DAYS),
                    )
                    trail.append((K.CLOSED, closed_on, office, Status.RESOLVED, Status.CLOSED, ""))
                    if c["revisit_due"] <= TODAY and rng.random() < 0.7:
                        satisfaction = rng.choices(Satisfaction.values, weights=[70, 24, 6])[0]
                        c.update(revisited_on=c["revisit_due"], satisfaction=satisfaction)
                        trail.append(
                            (K.REVISITED, c["revisit_due"], office, "closed", "closed", "")
                        )
                        if satisfaction == Satisfaction.DISSATISFIED and not over:
                            c.update(
                                status=Status.IN_PROGRESS,
                                closed_on=None,
                                closed_by_id=None,
                                resolved_on=None,
                                reopened_count=1,
                                result="",
                            )
                            trail.append(
                                (K.REOPENED, c["revisit_due"], office, "closed", "in_progress", "")
                            )
                cases.append(c)
                county_trails.append((pk, lead_user, trail))
                if finding is not None:
                    links.append((pk, finding))
                if c["lead_unit_id"] and rng.random() < 0.2:  # a co-responsible unit helps
                    helper = rng.choice(county.members)
                    if helper != c["lead_unit_id"]:
                        helpers.append((pk, helper))
            counters += [(campaign, year, last) for year, last in sorted(numbers.items())]
        _pad_progress(g, county, county_trails)
        trails += county_trails
    for c, (_pk, _lead, trail) in zip(cases, trails, strict=True):
        c["version"] = len(trail)
    g.w.write(Case, CASE_FIELDS, (tuple(c[f] for f in CASE_FIELDS) for c in cases))
    start = g.w.next_id(CaseFinding)
    g.w.write(
        CaseFinding,
        ["id", "case_id", "finding_id"],
        ((start + j, *link) for j, link in enumerate(links)),
    )
    through = Case.co_units.through
    start = g.w.next_id(through)
    g.w.write(
        through,
        ["id", "case_id", "unit_id"],
        ((start + j, *helper) for j, helper in enumerate(helpers)),
    )
    start = g.w.next_id(ExtensionRequest)
    fields = ["id", "case_id", "requested_by_id", "requested_on", "current_deadline"]
    fields += ["new_deadline", "reason", "decision", "decided_by_id", "decided_on"]
    g.w.write(ExtensionRequest, fields, ((start + j, *e) for j, e in enumerate(extensions)))
    g.w.write(CaseEvent, EVENT_FIELDS, _events(trails, g.w.next_id(CaseEvent)))
    start = g.w.next_id(LedgerCounter)
    g.w.write(
        LedgerCounter,
        ["id", "campaign_id", "year", "last"],
        ((start + j, *counter) for j, counter in enumerate(counters)),
    )
    g.case_ids = (first, first + len(cases))


EVENT_FIELDS = ["id", "case_id", "kind", "at", "on", "by_id", "unit_id"]
EVENT_FIELDS += ["from_status", "to_status", "note"]


def _pad_progress(g: Generator, county: County, trails) -> None:
    """Progress reports on accepted cases until the county's ledger has its events."""
    total = sum(len(trail) for _pk, _lead, trail in trails)
    accepted = [t for t in trails if any(e[0] == K.ACCEPTED for e in t[2])]
    missing = g.size.events - total
    if missing <= 0 or not accepted:
        return
    for _pk, lead_user, trail in county.rng.choices(accepted, k=missing):
        start = next(e[1] for e in trail if e[0] == K.ACCEPTED)
        end = max(start, next((e[1] for e in trail if e[0] == K.RESOLVED), TODAY))
        day = start + timedelta(county.rng.randrange((end - start).days + 1))
        trail.append(
            (
                K.PROGRESS,
                day,
                lead_user,
                "in_progress",
                "in_progress",
                "已实地走访核实，正在协调落实。",
            )
        )
    for _pk, _lead, trail in trails:
        trail.sort(key=lambda e: e[1])


def _events(trails, pk: int):
    for case, _lead, trail in trails:
        for minute, (kind, on, (user, unit), from_status, to_status, note) in enumerate(trail):
            yield (pk, case, kind, at(on, minute), on, user, unit, from_status, to_status, note)
            pk += 1
