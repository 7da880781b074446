"""The generated workstreams: activities (with households reached), honour plaques and their
events, 五个一 for every township and member unit, and inspections, each county's by its own
units and office."""

from collections import defaultdict
from datetime import date, timedelta

from bench.dataset import ACTIVITY_KINDS, KIND_WORKSTREAM, TODAY, Generator, at, earlier_kind
from campaign.models import FiveOnesItem, Inspection, InspectionRating
from outreach.models import Activity, ActivityKind, HonourPlaque, PlaqueEvent

FROM, EARLIER_FROM = date(2015, 1, 5), date(2013, 1, 7)
REACHING = {"condolence_visit", "hero_visit", "legal_aid", "plaque"}


def generate_activities(g: Generator) -> None:
    s = g.size
    first = g.w.next_id(Activity)
    users = {**g.staff, **g.clerks, **g.liaisons}
    span = (TODAY - FROM).days
    by_township: dict[int, list[int]] = {}
    for i, township in enumerate(g.hh_township):
        by_township.setdefault(township, []).append(g.hh_first + i)
    rows, reached = [], []
    kind_ids = {
        (county_id, code): pk
        for county_id, code, pk in ActivityKind.objects.values_list("county_id", "code", "pk")
    }
    for county in g.counties:
        rng = county.rng
        organisers = county.members + county.townships + county.garrisons
        earlier = round(s.activities * s.earlier_share)
        for n in range(s.activities):
            kind = ACTIVITY_KINDS[n % len(ACTIVITY_KINDS)]
            organiser = rng.choice(organisers)
            # The earlier campaign's first, two years before the current one's.
            campaign, since = (
                (county.earlier, EARLIER_FROM) if n < earlier else (county.campaign, FROM)
            )
            held_on = since + timedelta(rng.randrange(span))
            phase = county.phase_on(held_on, campaign)
            pk = first + len(rows)
            rows.append(
                (
                    pk,
                    g.workstreams[campaign, KIND_WORKSTREAM[kind]],
                    kind_ids[
                        county.area, earlier_kind(kind) if campaign == county.earlier else kind
                    ],
                    organiser,
                    held_on,
                    phase.pk if phase else None,
                    campaign,
                    f"{kind}活动{n}",
                    "",
                    rng.randrange(5, 300),
                    rng.choice((0, 0, 500, 2000, 5000, 20000)),
                    "",
                    "",
                    users[organiser],
                    at(held_on),
                )
            )
            if kind in REACHING:  # households of the organiser's township, or of the county's
                pool = by_township.get(organiser) or by_township[rng.choice(county.townships)]
                for household in rng.sample(pool, min(len(pool), rng.randrange(1, 6))):
                    reached.append((pk, household))
    fields = ["id", "workstream_id", "kind_id", "organiser_id", "held_on", "phase_id"]
    fields += ["campaign_id", "title"]
    fields += ["place", "people_reached", "amount", "goods", "notes", "created_by_id", "created_at"]
    g.w.write(Activity, fields, rows)
    history = Activity.history.model
    hfirst = g.w.next_id(history)
    g.w.write(
        history,
        [*fields, "history_id", "history_date", "history_type", "history_user_id"],
        ((*row, hfirst + j, row[-1], "+", row[-2]) for j, row in enumerate(rows)),
    )
    through = Activity.households.through
    start = g.w.next_id(through)
    g.w.write(
        through,
        ["id", "activity_id", "household_id"],
        ((start + j, *link) for j, link in enumerate(reached)),
    )


def generate_plaques_and_five_ones(g: Generator) -> None:
    plaques, events = [], []
    pk, event = g.w.next_id(HonourPlaque), g.w.next_id(PlaqueEvent)
    for county in g.counties:
        rng, office = county.rng, county.office_user
        for i in county.households:
            if rng.random() > 0.25:
                continue
            hung_on = date(2015, rng.randrange(1, 9), 10)
            status = "withdrawn" if rng.random() < 0.04 else "hung"
            kind = rng.choice(("martyr_family", "serving", "veteran", "veteran"))
            plaques.append(
                (pk, g.hh_first + i, kind, "经乡镇审核符合悬挂条件", "door", status, hung_on)
            )
            events.append((event, pk, "issued", hung_on, "", office))
            event += 1
            if status == "withdrawn":
                events.append(
                    (event, pk, "withdrawn", hung_on + timedelta(120), "依规收回", office)
                )
                event += 1
            pk += 1
    g.w.write(
        HonourPlaque,
        ["id", "household_id", "type", "basis", "placement", "status", "hung_on"],
        plaques,
    )
    g.w.write(PlaqueEvent, ["id", "plaque_id", "kind", "on", "reason", "by_id"], events)

    items, pk = [], g.w.next_id(FiveOnesItem)
    for county in g.counties:
        rng = county.rng
        for unit in county.townships + county.members:
            for item in FiveOnesItem.Item.values:
                status = rng.choices(FiveOnesItem.Status.values, weights=[15, 20, 65])[0]
                done_on = date(2015, rng.randrange(1, 12), 1) if status == "done" else None
                items.append(
                    (pk, unit, item, status, done_on, "", county.office_user, county.campaign)
                    + (at(TODAY),)
                )
                pk += 1
    fields = ["id", "unit_id", "item", "status", "done_on", "description", "updated_by_id"]
    fields += ["campaign_id"]
    g.w.write(FiveOnesItem, [*fields, "updated_at"], items)

    inspections, pk = [], g.w.next_id(Inspection)
    ratings_of = defaultdict(list)
    for county_id, rating_id in InspectionRating.objects.order_by("order").values_list(
        "county_id", "pk"
    ):
        ratings_of[county_id].append(rating_id)
    for county in g.counties:
        rng = county.rng
        for n, unit in enumerate((county.townships + county.members)[::5]):
            day = date(2015, 4, 1) + timedelta(days=(n * 11) % 330)
            rating = rng.choice(ratings_of[county.area])
            inspections.append(
                (
                    pk,
                    unit,
                    day,
                    "县双拥办",
                    "五个一建设、问题台账",
                    rating,
                    "",
                    county.office_user,
                    at(day),
                    county.campaign,
                )
            )
            pk += 1
    fields = ["id", "unit_id", "inspected_on", "inspectors", "checked", "rating_id", "summary"]
    g.w.write(Inspection, [*fields, "created_by_id", "created_at", "campaign_id"], inspections)
