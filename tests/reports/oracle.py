"""The figures worked out the slow, obvious way — Python over model instances, with
grievances.workdays for working days — to check the reports' SQL against."""

from datetime import date

from campaign.models import FiveOnesItem, Unit
from grievances.models import OPEN_STATUSES, Case, Status
from grievances.workdays import workdays_between
from outreach.models import Activity, Household


def _pct(part, whole):
    return None if not whole else round(100 * part / whole, 1)


def case_figures(cases, today: date) -> dict:
    closed = [c for c in cases if c.status == Status.CLOSED]
    overdue = [c for c in cases if c.status in OPEN_STATUSES and c.deadline and c.deadline < today]
    on_time = [c for c in closed if (c.resolved_on or c.closed_on) <= c.deadline]
    days = [workdays_between(c.registered_on, c.closed_on) for c in closed]
    return {
        "cases": len(cases),
        "closed": len(closed),
        "overdue": len(overdue),
        "on_time": len(on_time),
        "on_time_pct": _pct(len(on_time), len(closed)),
        "avg_workdays": round(sum(days) / len(days), 1) if days else None,
    }


def progress_rows(year: int, today: date) -> dict:
    """unit name -> its row; "total" -> the county's total row."""
    units = Unit.objects.filter(kind__in=["township", "member"], is_active=True)
    cases = list(Case.objects.filter(year=year))
    rows = {}
    for unit in units:
        households = [h for h in Household.objects.filter(township=unit) if not h.archived]
        visited = [h for h in households if h.visits.exists()]
        led = [c for c in cases if c.lead_unit_id == unit.pk]
        row = {
            "households": len(households) if unit.kind == "township" else None,
            "visited": len(visited) if unit.kind == "township" else None,
            "visited_pct": _pct(len(visited), len(households)) if unit.kind == "township" else None,
            **case_figures(led, today),
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
        **case_figures(led, today),
        "activities": sum(r["activities"] for name, r in rows.items()),
        "five_ones": sum(r["five_ones"] for name, r in rows.items()),
    }
    return rows


def summary(year: int, today: date) -> dict:
    cases = list(Case.objects.filter(year=year))
    households = [h for h in Household.objects.all() if not h.archived]
    visited = [h for h in households if h.visits.exists()]
    activities = [a for a in Activity.objects.all() if a.held_on.year == year]
    figures = case_figures(cases, today)
    return {
        "households": len(households),
        "visited": len(visited),
        "visited_pct": _pct(len(visited), len(households)),
        "registered": len(cases),
        "priority": sum(1 for c in cases if c.priority),
        "closed": figures["closed"],
        "resolved": sum(1 for c in cases if c.status == Status.RESOLVED),
        "open": sum(1 for c in cases if c.status in OPEN_STATUSES),
        "overdue": figures["overdue"],
        "on_time": figures["on_time"],
        "on_time_pct": figures["on_time_pct"],
        "closed_pct": _pct(figures["closed"], len(cases)),
        "avg_workdays": figures["avg_workdays"],
        "carried_over": 0,  # phase 3 has not ended on 2015-06-15
        "activities": len(activities),
        "people": sum(a.people_reached for a in activities),
        "amount": float(sum(a.amount for a in activities)),
        "five_ones_done": sum(
            1
            for i in FiveOnesItem.objects.select_related("unit")
            if i.status == "done" and i.unit.kind in ("township", "member")
        ),
    }
