"""A record's change history on its own page: every row, a page at a time, with the total, so
nothing is cut off; the county office also gets a link to the operation log filtered to the
record (audit's trail, reached by URL name only)."""

from django.core.paginator import Paginator
from django.urls import NoReverseMatch, reverse

from campaign import access

PER_PAGE = 20
PARAM = "history_page"


def history_page(request, record, *, trail_type: str):
    rows = record.history.select_related("history_user").order_by("-history_date", "-history_id")
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
