from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

from django.conf import settings
from django.utils import timezone

# A run for another day (the reminders of a given date) reads every page's "today" as that day.
_pinned: ContextVar[date | None] = ContextVar("pinned_today", default=None)


def today() -> date:
    """The campaign's today: the real local date unless the deployment pins one (TODAY=…)."""
    return _pinned.get() or settings.SHUANGYONG_TODAY or timezone.localdate()


@contextmanager
def pinned(day: date):
    """Inside the block, today() is `day`: what the workbench showed on that day."""
    token = _pinned.set(day)
    try:
        yield day
    finally:
        _pinned.reset(token)
