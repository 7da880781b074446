"""The year broken down: the seven special actions, activities by workstream and kind, survey
coverage by township, the 五个一 of every unit, and the series the dashboard charts draw. Each
is a fixed number of grouped queries."""

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import TruncMonth

from campaign.models import FiveOnesItem
from campaign.selectors import topics_of, workstreams_of
from grievances.models import Status
from outreach.models import Finding, Household, TargetGroup
from reports.selectors import (
    FIVE_ONES,
    Period,
    campaign_visits,
    case_measures,
    count_of,
    in_hand_during,
    percent,
    progress_units,
    shown_name,
    year_activities,
    year_cases,
)

STATUS_ORDER = [
    Status.REGISTERED,
    Status.ASSIGNED,
    Status.IN_PROGRESS,
    Status.RETURNED,
    Status.RESOLVED,
    Status.CLOSED,
    Status.CARRIED,
    Status.ENDED,
]


def special_actions(period: Period) -> dict:
    """Per topic (phase 3 runs one special action each): problems found in the year's survey,
    put on the ledger, solved (closed off) and carried over into consolidation."""
    measures = case_measures(period)
    cases = year_cases(period).filter(topic=OuterRef("pk"))
    found = Finding.objects.filter(
        topic=OuterRef("pk"),
        needs_action=True,
        visit__campaign=period.campaign,
        visit__visited_on__year=period.year,
    )
    topics = topics_of(period.campaign).annotate(
        n_found=count_of(found, "topic"),
        n_on_ledger=count_of(cases, "topic"),
        n_solved=count_of(cases.filter(measures["closed"]), "topic"),
        n_carried_over=count_of(cases.filter(measures["carried_over"]), "topic"),
    )
    counted = ["found", "on_ledger", "solved", "carried_over"]
    rows = []
    for t in topics.values("pk", "number", "name", "about", *(f"n_{k}" for k in counted)):
        row = {"topic_id": t["pk"], "number": t["number"], "name": t["name"], "about": t["about"]}
        row.update({k: t[f"n_{k}"] for k in counted})
        row["solved_pct"] = percent(row["solved"], row["on_ledger"])
        rows.append(row)
    # The topic rows added up: every topic is a row.
    total = {key: sum(row[key] or 0 for row in rows) for key in counted}
    total["solved_pct"] = percent(total["solved"], total["on_ledger"])
    return {"rows": rows, "total": total}


def activity_row(group: dict) -> dict:
    """One (workstream, kind) group of activities as the report shows it."""
    return {
        "workstream": group["workstream__number"],
        "workstream_name": group["workstream__name"],
        "kind": group["kind__code"],
        "kind_label": group["kind__name"],
        "count": group["count"],
        "people": group["people"] or 0,
        "amount": float(round(group["amount"] or 0, 2)),
    }


def activity_statistics(period: Period) -> dict:
    """Activities held in the year by workstream and kind: how many, people reached, money."""
    grouped = (
        year_activities(period)
        .order_by()
        .values("workstream__number", "workstream__name", "kind__code", "kind__name")
        .annotate(count=Count("pk"), people=Sum("people_reached"), amount=Sum("amount"))
        # The county's list order within each workstream, as the office arranged it.
        .order_by("workstream__number", "kind__order", "kind__name", "kind__code")
    )
    grouped = list(grouped)
    rows = [activity_row(g) for g in grouped]
    # The year's totals are its groups added up (every activity is in one group).
    total = {
        "count": sum(g["count"] for g in grouped),
        "people": sum(g["people"] or 0 for g in grouped),
        "amount": sum(g["amount"] or 0 for g in grouped),
    }
    held = year_activities(period).values("pk")
    # One query for both: distinct rows of each, whatever the join multiplies.
    left = year_activities(period).aggregate(
        coverage=Count("coverage", distinct=True), notices=Count("merit_notices", distinct=True)
    )
    return {
        "rows": rows,
        "groups": _groups_helped(held),
        "total": {
            "count": total["count"],
            "people": total["people"] or 0,
            "amount": float(round(total["amount"] or 0, 2)),
            "coverage": left["coverage"],
            "merit_notices": left["notices"],
        },
    }


def _groups_helped(held) -> list[dict]:
    """The year's help activities by the group they reached (an activity helping two groups
    counts under each)."""
    grouped = (
        TargetGroup.objects.filter(activities__in=held)
        .values("code", "name", "order")
        .annotate(count=Count("activities"), people=Sum("activities__people_reached"))
        .order_by("order", "name", "code")
    )
    return [
        {"group": g["code"], "group_label": g["name"], "count": g["count"], "people": g["people"]}
        for g in grouped
    ]


def coverage(period: Period) -> dict:
    """The survey (走访摸底) by township: households registered, visited, not yet visited,
    household visits made in the year and the problems they found."""
    households = Household.objects.filter(township=OuterRef("pk"), archived=False)
    visited = households.filter(Exists(campaign_visits(period, household=OuterRef("pk"))))
    visits = campaign_visits(
        period, township=OuterRef("pk"), household__isnull=False, visited_on__year=period.year
    )
    problems = Finding.objects.filter(
        visit__campaign=period.campaign,
        visit__township=OuterRef("pk"),
        visit__household__isnull=False,
        visit__visited_on__year=period.year,
        needs_action=True,
    )
    townships = (
        progress_units(period.county, period)
        .filter(kind="township")
        .annotate(
            n_households=count_of(households, "township"),
            n_visited=count_of(visited, "township"),
            n_visits=count_of(visits, "township"),
            n_problems=count_of(problems, "visit__township"),
        )
    )
    rows = []
    counted = ["households", "visited", "visits", "problems"]
    for t in townships.values("pk", "name", "merged_into__name", *(f"n_{k}" for k in counted)):
        name = shown_name(t["name"], t["merged_into__name"])
        row = {"unit_id": t["pk"], "name": name, **{k: t[f"n_{k}"] for k in counted}}
        row["unvisited"] = row["households"] - row["visited"]
        row["visited_pct"] = percent(row["visited"], row["households"])
        rows.append(row)
    # The township rows added up: every township is a row.
    total = {key: sum(row[key] or 0 for row in rows) for key in counted}
    total["unvisited"] = total["households"] - total["visited"]
    total["visited_pct"] = percent(total["visited"], total["households"])
    return {"rows": rows, "total": total}


def five_ones(period: Period) -> dict:
    """Every township and member unit against the five items: status and date in place."""
    items = [value for value, _label in FiveOnesItem.Item.choices]
    campaign_items = FiveOnesItem.objects.filter(campaign=period.campaign)
    done = campaign_items.filter(unit=OuterRef("pk"), status=FiveOnesItem.Status.DONE)
    units = list(
        progress_units(period.county, period)
        .annotate(n_done=count_of(done, "unit"))
        .values("pk", "name", "merged_into__name", "kind", "n_done")
    )
    records = campaign_items.filter(unit__in=[u["pk"] for u in units]).values(
        "unit_id", "item", "status", "done_on"
    )
    by_unit: dict[int, dict] = {u["pk"]: {} for u in units}
    for record in records:
        by_unit[record["unit_id"]][record["item"]] = {
            "status": record["status"],
            "done_on": record["done_on"].isoformat() if record["done_on"] else None,
        }
    rows = []
    for unit in units:
        cells = {
            item: by_unit[unit["pk"]].get(item, {"status": "missing", "done_on": None})
            for item in items
        }
        rows.append(
            {
                "unit_id": unit["pk"],
                "name": shown_name(unit["name"], unit["merged_into__name"]),
                "kind": unit["kind"],
                "items": cells,
                "done": unit["n_done"],
            }
        )
    done_by_item = campaign_items.filter(
        unit__in=[u["pk"] for u in units], status=FiveOnesItem.Status.DONE
    ).aggregate(
        total=Count("pk"),
        **{item: Count("pk", filter=Q(item=item)) for item in items},
    )
    return {
        "items": items,
        "rows": rows,
        "total": {
            "done": done_by_item.pop("total"),
            "possible": len(units) * FIVE_ONES,
            "by_item": done_by_item,
        },
    }


def overdue_by(period: Period) -> dict[str, list[dict]]:
    """The overdue cases in hand in the year grouped by their township and by their lead unit,
    most first; units with none are left out. One grouped query serves both: it counts each
    (township, lead unit) pair, at most one row per overdue case, and Python adds them up."""
    fields = ("township", "lead_unit")
    overdue = in_hand_during(period).filter(case_measures(period)["overdue"])
    pairs = (
        overdue.order_by()
        .values(
            *(f"{f}{suffix}" for f in fields for suffix in ("", "__name", "__short_name", "__code"))
        )
        .annotate(n=Count("pk"))
    )
    totals: dict[str, dict] = {field: {} for field in fields}
    for pair in pairs:
        for field in fields:
            unit_id = pair[field]
            if unit_id is None:
                continue
            row = totals[field].setdefault(
                unit_id,
                {
                    "unit_id": unit_id,
                    "name": pair[f"{field}__short_name"] or pair[f"{field}__name"],
                    "overdue": 0,
                    "code": pair[f"{field}__code"] or "",
                },
            )
            row["overdue"] += pair["n"]
    result = {}
    for field in fields:
        rows = sorted(
            totals[field].values(), key=lambda r: (-r["overdue"], r["code"], r["unit_id"])
        )
        result[field] = [{k: v for k, v in row.items() if k != "code"} for row in rows]
    return result


def charts(period: Period, progress_rows: list[dict]) -> dict:
    """The series the dashboard draws: four grouped queries, each reading its categories
    (topics, workstreams) in the same statement, so the count stays flat in the data."""
    case_filter = Q(cases__campaign=period.campaign, cases__year=period.year)
    topic_rows = list(
        topics_of(period.campaign)
        .select_related(None)
        .annotate(
            **{
                f"n_{i}": Count("cases", filter=case_filter & Q(cases__status=status))
                for i, status in enumerate(STATUS_ORDER)
            }
        )
        .values("pk", "number", "name", *(f"n_{i}" for i in range(len(STATUS_ORDER))))
    )
    topics = [{"pk": t["pk"], "number": t["number"], "name": t["name"]} for t in topic_rows]
    topic_status = {
        "topics": topics,
        "statuses": [str(s) for s in STATUS_ORDER],
        "counts": [[t[f"n_{i}"] for t in topic_rows] for i in range(len(STATUS_ORDER))],
    }

    # Registered and closed by month in one statement: the (registered month, closed month)
    # pairs are at most a year's months squared, whatever the number of cases.
    registered: dict[str, int] = {}
    closed: dict[str, int] = {}
    for g in (
        year_cases(period)
        .order_by()
        .annotate(registered_in=TruncMonth("registered_on"), closed_in=TruncMonth("closed_on"))
        .values("registered_in", "closed_in")
        .annotate(n=Count("pk"), n_closed=Count("pk", filter=Q(status=Status.CLOSED)))
    ):
        month = g["registered_in"].strftime("%Y-%m")
        registered[month] = registered.get(month, 0) + g["n"]
        if g["n_closed"] and g["closed_in"] is not None:
            month = g["closed_in"].strftime("%Y-%m")
            closed[month] = closed.get(month, 0) + g["n_closed"]
    months = sorted(set(registered) | set(closed))
    if months:
        months = _month_range(months[0], months[-1])
    closures = {
        "months": months,
        "registered": [registered.get(m, 0) for m in months],
        "closed": [closed.get(m, 0) for m in months],
    }

    activity_months = [f"{period.year}-{m:02d}" for m in range(1, 13)]
    in_year = Q(activities__campaign=period.campaign, activities__held_on__year=period.year)
    workstream_rows = list(
        workstreams_of(period.campaign)
        .annotate(
            **{
                f"m_{m}": Count("activities", filter=in_year & Q(activities__held_on__month=m))
                for m in range(1, 13)
            }
        )
        .values("pk", "number", "name", *(f"m_{m}" for m in range(1, 13)))
    )
    activities = {
        "months": activity_months,
        "workstreams": [
            {"pk": w["pk"], "number": w["number"], "name": w["name"]} for w in workstream_rows
        ],
        "counts": [[w[f"m_{m}"] for m in range(1, 13)] for w in workstream_rows],
    }
    townships = [r for r in progress_rows if r["kind"] == "township"]
    survey = {
        "townships": [{"unit_id": r["unit_id"], "name": r["label"]} for r in townships],
        "visited": [r["visited"] for r in townships],
        "unvisited": [r["households"] - r["visited"] for r in townships],
    }
    overdue = overdue_by(period)
    return {
        "topic_status": topic_status,
        "closures": closures,
        "survey": survey,
        "activities": activities,
        "overdue_townships": overdue["township"],
        "overdue_leads": overdue["lead_unit"],
    }


def _month_range(first: str, last: str) -> list[str]:
    year, month = (int(p) for p in first.split("-"))
    months = []
    while f"{year}-{month:02d}" <= last:
        months.append(f"{year}-{month:02d}")
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return months
