"""A record's change history on its own page: every row, a page at a time, with the total, so
nothing is cut off; the county office also gets a link to the operation log filtered to the
record (audit's trail, reached by URL name only)."""

from django.core.paginator import Paginator
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from campaign import access

PER_PAGE = 20
PARAM = "history_page"


def newest_first(record):
    return record.history.select_related("history_user").order_by("-history_date", "-history_id")


def last_change(record):
    """The record's newest history row (who changed it last, and when), or None."""
    return newest_first(record).first()


def seen_mark(record) -> str:
    """What an edit form remembers of its record: the newest history row ("" before any). A
    different row at save time means someone changed the record since the form was opened."""
    row = last_change(record) if record is not None else None
    return str(row.history_id) if row else ""


def who_and_when(row) -> dict:
    """The words a stale-form refusal names: who made the change, and when (local time)."""
    if row is None:
        return {"who": _("someone"), "when": "—"}
    return {
        "who": row.history_user.display_name if row.history_user else _("someone"),
        "when": timezone.localtime(row.history_date).strftime("%Y-%m-%d %H:%M"),
    }


def history_page(request, record, *, trail_type: str):
    rows = newest_first(record)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get(PARAM))
    page.trail_url = None
    if access.reads_operation_log(request.user):
        try:
            trail = reverse("audit:trail")
        except NoReverseMatch:  # a deployment without the operation log
            trail = None
        if trail:
            page.trail_url = f"{trail}?record_type={trail_type}&record_id={record.pk}"
    return page
