"""Working days in the database: a table of days with the number of working days counted up to
each, filled from grievances.workdays (the Chinese calendar with make-up days). The working days
between two dates are then the difference of two ordinals, which SQL can average per unit."""

from datetime import date, timedelta

from django.db.models import OuterRef, Subquery

from grievances.workdays import is_workday
from reports.models import Workday

EPOCH = date(2010, 1, 1)


def ensure_calendar(until: date) -> None:
    """Make sure the table reaches `until` (one query when it already does)."""
    last = Workday.objects.order_by("-day").values_list("day", "ordinal").first()
    if last and last[0] >= until:
        return
    day, ordinal = (last[0] + timedelta(days=1), last[1]) if last else (EPOCH, 0)
    end = date(until.year, 12, 31)
    rows = []
    while day <= end:
        working = is_workday(day)
        ordinal += working
        rows.append(Workday(day=day, is_workday=working, ordinal=ordinal))
        day += timedelta(days=1)
    # Two requests filling at once compute the same rows; the second one's are ignored.
    Workday.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)


def ordinal_of(field: str):
    return Subquery(Workday.objects.filter(day=OuterRef(field)).values("ordinal")[:1])


def workdays_between(start_field: str, end_field: str):
    """An expression: working days after start up to and including end (as
    grievances.workdays.workdays_between counts them)."""
    return ordinal_of(end_field) - ordinal_of(start_field)


def rebuild_calendar(until: date) -> int:
    """Refill the whole table, after chinese-calendar publishes a new year's holidays."""
    from reports.kept_signals import bump_all

    Workday.objects.all().delete()
    ensure_calendar(until)
    # Working days to close off may have moved in every county.
    bump_all()
    return Workday.objects.count()
