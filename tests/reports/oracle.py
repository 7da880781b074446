"""The figures worked out the slow, obvious way — Python over model instances, with
grievances.workdays for working days — to check the reports' SQL against."""

from datetime import date

from campaign.models import FiveOnesItem, Phase, Unit
from grievances.models import OPEN_STATUSES, Case, Status
from grievances.workdays import workdays_between
from outreach.models import Activity, Household


def _pct(part, whole):
    return None if not whole else round(100 * part / whole, 1)


def carried_in(case, year: int) -> bool:
    """Registered in an earlier year and not closed off on 1 January of this one."""
    return case.year < year and (case.closed_on is None or case.closed_on >= date(year, 1, 1))


def in_hand(cases, year: int) -> list:
    return [c for c in cases if c.year == year or carried_in(c, year)]


def _carried_over(case, today: date) -> bool:
    """Open when phase 3 ended (once it has ended)."""
    end = Phase.objects.get(campaign=case.campaign_id, number=3).ends_on
    return (
        today > end and case.registered_on <= end and not (case.closed_on and case.closed_on <= end)
    )


def case_figures(cases, today: date, year: int) -> dict:
    """What became of the cases in hand in the year, and how many were registered in it and
    carried in."""
    registered = [c for c in cases if c.year == year]
    cases = in_hand(cases, year)
    closed = [c for c in cases if c.status == Status.CLOSED]
    overdue = [c for c in cases if c.status in OPEN_STATUSES and c.deadline and c.deadline < today]
    on_time = [c for c in closed if (c.resolved_on or c.closed_on) <= c.deadline]
    days = [workdays_between(c.registered_on, c.closed_on) for c in closed]
    return {
        "cases": len(registered),
        "carried_in": len(cases) - len(registered),
        "in_hand": len(cases),
        "closed": len(closed),
        "overdue": len(overdue),
        "on_time": len(on_time),
        "on_time_pct": _pct(len(on_time), len(closed)),
        "avg_workdays": round(sum(days) / len(days), 1) if days else None,
    }


def progress_rows(year: int, today: date) -> dict:
    """unit name -> its row; "total" -> the county's total row."""
    units = Unit.objects.filter(kind__in=["township", "member"], is_active=True)
    cases = list(Case.objects.all())
    rows = {}
    for unit in units:
        households = [h for h in Household.objects.filter(township=unit) if not h.archived]
        visited = [h for h in households if h.visits.exists()]
        led = [c for c in cases if c.lead_unit_id == unit.pk]
        row = {
            "households": len(households) if unit.kind == "township" else None,
            "visited": len(visited) if unit.kind == "township" else None,
            "visited_pct": _pct(len(visited), len(households)) if unit.kind == "township" else None,
            **case_figures(led, today, year),
            "activities": sum(
                1 for a in Activity.objects.filter(organiser=unit) if a.held_on.year == year
            ),
            "five_ones": sum(
                1 for i in FiveOnesItem.objects.filter(unit=unit) if i.status == "done"
            ),
        }
        rows[unit.name] = row
    led = [c for c in cases if c.lead_unit_id in {u.pk for u in units}]
    households = [h for h in Household.objects.filter(township__in=units) if not h.archived]
    visited = [h for h in households if h.visits.exists()]
    rows["total"] = {
        "households": len(households),
        "visited": len(visited),
        "visited_pct": _pct(len(visited), len(households)),
        **case_figures(led, today, year),
        "activities": sum(r["activities"] for name, r in rows.items()),
        "five_ones": sum(r["five_ones"] for name, r in rows.items()),
    }
    return rows


def summary(year: int, today: date) -> dict:
    everything = list(Case.objects.all())
    registered = [c for c in everything if c.year == year]
    cases = in_hand(everything, year)
    households = [h for h in Household.objects.all() if not h.archived]
    visited = [h for h in households if h.visits.exists()]
    activities = [a for a in Activity.objects.all() if a.held_on.year == year]
    figures = case_figures(everything, today, year)
    return {
        "households": len(households),
        "visited": len(visited),
        "visited_pct": _pct(len(visited), len(households)),
        "registered": len(registered),
        "priority": sum(1 for c in registered if c.priority),
        "carried_in": figures["carried_in"],
        "in_hand": figures["in_hand"],
        "closed": figures["closed"],
        "resolved": sum(1 for c in cases if c.status == Status.RESOLVED),
        "open": sum(1 for c in cases if c.status in OPEN_STATUSES),
        "overdue": figures["overdue"],
        "on_time": figures["on_time"],
        "on_time_pct": figures["on_time_pct"],
        "closed_pct": _pct(figures["closed"], len(cases)),
        "avg_workdays": figures["avg_workdays"],
        "carried_over": sum(1 for c in registered if _carried_over(c, today)),
        "activities": len(activities),
        "people": sum(a.people_reached for a in activities),
        "amount": float(sum(a.amount for a in activities)),
        "five_ones_done": sum(
            1
            for i in FiveOnesItem.objects.select_related("unit")
            if i.status == "done" and i.unit.kind in ("township", "member")
        ),
    }
