"""The one state each (request, unit) pair shows, and the lateness rule."""

from datetime import date

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

NOT_DUE = "not_due"
MISSING = "missing"
ON_TIME = "on_time"
LATE = "late"
RETURNED = "returned"
ACCEPTED = "accepted"

LABELS = {
    NOT_DUE: _("not yet due"),
    MISSING: _("not submitted"),
    ON_TIME: _("on time"),
    LATE: _("late"),
    RETURNED: pgettext_lazy("report", "returned"),
    ACCEPTED: pgettext_lazy("report", "accepted"),
}


def is_late(due_on: date, submitted_on: date) -> bool:
    return submitted_on > due_on


def state_of(due_on: date, submission, today: date) -> str:
    if submission is None:
        return MISSING if today > due_on else NOT_DUE
    if submission.status == "accepted":
        return ACCEPTED
    if submission.status == "returned":
        return RETURNED
    return LATE if submission.late else ON_TIME
