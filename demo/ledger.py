"""The demo county's ledger: about 1,500 cases in every state, with their events. Built in bulk
(the workflow services are exercised by the tests); deterministic; skipped once the county's
campaign has cases."""

import random
from datetime import date, timedelta

from django.db import transaction

from campaign.models import Unit
from demo.case_life import CaseDraft, advance, draw_plan
from demo.county import DemoCounty
from grievances.models import (
    Case,
    CaseEvent,
    CaseFinding,
    ExtensionRequest,
    LedgerCounter,
    Source,
    Status,
)
from grievances.services import phase_on
from outreach.models import Finding

TARGET = 1500  # in the single demo county; a county of the city scales it
LEAD_BY_TOPIC = {
    1: "ziran",
    2: "jiaotong",
    3: "renshe",
    4: "tuiyi",
    5: "minzheng",
    6: "tuiyi",
    7: "sifa",
}


@transaction.atomic
def seed_ledger(county: DemoCounty) -> int:
    if Case.objects.filter(campaign=county.campaign).exists():
        return 0
    rng = county.rng(1949)
    drafts, counters = [], {}
    for registered_on, finding in _arrivals(rng, county):
        year = registered_on.year
        counters[year] = counters.get(year, 0) + 1
        lead = _lead_unit(rng, county, finding)
        plan = draw_plan(rng)
        draft = _register(county, finding, registered_on, sequence=counters[year])
        advance(
            rng, draft, plan, office=county.office, lead=lead, lead_user=county.login_for(lead.pk)
        )
        draft.case.version = len(draft.events)
        drafts.append(draft)
    _insert(county, drafts)
    for year, last in counters.items():
        LedgerCounter.objects.update_or_create(
            campaign=county.campaign, year=year, defaults={"last": last}
        )
    return len(drafts)


def _arrivals(rng: random.Random, county: DemoCounty) -> list[tuple[date, Finding]]:
    """The county's findings that need action, each with the day it reached the ledger, in
    ledger order. Most came in during phase 3; some reach the ledger in phase 5 (2016)."""
    findings = (
        Finding.objects.in_county(county.area)
        .filter(needs_action=True)
        .select_related("topic", "visit")
        .order_by("pk")[: county.scaled(TARGET)]
    )
    arrivals = [(date(2015, 5, 4) + timedelta(days=rng.randrange(0, 310)), f) for f in findings]
    arrivals.sort(key=lambda a: (a[0], a[1].pk))
    return arrivals


def _lead_unit(rng: random.Random, county: DemoCounty, finding: Finding) -> Unit:
    """The topic's lead unit; a township leads three in ten hardship and expectation cases."""
    number = finding.topic.number
    if number in (5, 6) and rng.random() < 0.3:
        return county.by_id[finding.visit.township_id]
    return county.by_code[LEAD_BY_TOPIC[number]]


def _register(county: DemoCounty, finding: Finding, registered_on: date, *, sequence: int):
    campaign, visit = county.campaign, finding.visit
    case = Case(
        campaign=campaign,
        year=registered_on.year,
        sequence=sequence,
        topic=finding.topic,
        household_id=visit.household_id,
        garrison_id=visit.garrison_id,
        township_id=visit.township_id,
        description=finding.text,
        source=Source.SURVEY,
        priority=finding.topic.priority,
        registered_on=registered_on,
        registered_by=county.office,
        registered_phase=phase_on(campaign, registered_on),
    )
    draft = CaseDraft(case=case, finding=finding)
    draft.record(CaseEvent.Kind.REGISTERED, registered_on, county.office, "", Status.REGISTERED)
    return draft


def _insert(county: DemoCounty, drafts: list[CaseDraft]) -> None:
    cases = [draft.case for draft in drafts]
    Case.objects.bulk_create(cases, batch_size=500)
    if not cases[0].pk:  # SQLite before 3.35 returns no ids from bulk inserts
        numbered = Case.objects.filter(campaign=county.campaign)
        by_number = {(c.year, c.sequence): c.pk for c in numbered}
        for case in cases:
            case.pk = by_number[(case.year, case.sequence)]
    CaseFinding.objects.bulk_create(
        [CaseFinding(case_id=d.case.pk, finding=d.finding) for d in drafts], batch_size=1000
    )
    extensions = [draft.extension for draft in drafts if draft.extension]
    for extension in extensions:
        extension.case_id = extension.case.pk
    ExtensionRequest.objects.bulk_create(extensions)
    CaseEvent.objects.bulk_create(
        [
            CaseEvent(
                case_id=draft.case.pk,
                kind=kind,
                on=on,
                by=by,
                unit_id=by.unit_id,
                from_status=from_status,
                to_status=to_status,
                note=note,
                changes=changes,
            )
            for draft in drafts
            for kind, on, by, from_status, to_status, note, changes in draft.events
        ],
        batch_size=1000,
    )
