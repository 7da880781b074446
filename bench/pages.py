"""Pages measured in-process through django.test.Client: the whole request (middleware, view,
template) as the server runs it, with the queries counted by CaptureQueriesContext in a run of
its own. A page and its baseline are timed in alternation, so drift hits both alike. The pages
are one county's (bench.county), asked for by its office or its clerk; the admin baselines are
filtered to the same county's campaign, so both show the same rows."""

import math
import time
from dataclasses import dataclass, field

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from bench.stats import summary

LEDGER_FILTER = "status=in_progress"
ADMIN_FILTER = "status__exact=in_progress"
PER_PAGE = 25
DEEP = 0.9  # the deep page: 90% of the way through the filtered ledger


@dataclass
class Page:
    name: str
    url: str
    username: str
    baseline: "Page | None" = None
    note: str = ""
    _client: Client | None = field(default=None, repr=False)

    def client(self) -> Client:
        if self._client is None:
            from campaign.models import User

            self._client = Client()
            self._client.force_login(User.objects.get(username=self.username))
        return self._client

    def get(self):
        response = self.client().get(self.url)
        if response.status_code != 200:
            raise RuntimeError(f"{self.name}: {self.url} answered {response.status_code}")
        # Streaming and file responses are read to the end, as a browser would.
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
        return response


def ledger_pages() -> list[Page]:
    from bench.county import measured_county
    from grievances.models import Case

    county = measured_county()
    count = Case.objects.filter(campaign=county.campaign, status="in_progress").count()
    deep = max(1, math.ceil(math.ceil(count / PER_PAGE) * DEEP))
    admin = "/bench-admin/grievances/case/"
    admin_filter = f"{ADMIN_FILTER}&campaign__id__exact={county.campaign}"
    pages = [
        Page(
            "ledger, first page",
            f"/ledger/?{LEDGER_FILTER}",
            county.office,
            Page("admin changelist", f"{admin}?{admin_filter}", "admin"),
            note=f"{count} cases in progress in the county",
        ),
        Page(
            f"ledger, deep page {deep}",
            f"/ledger/?{LEDGER_FILTER}&page={deep}",
            county.office,
            Page("admin changelist", f"{admin}?{admin_filter}&p={deep}", "admin"),
        ),
        Page(
            "ledger, township clerk",
            f"/ledger/?{LEDGER_FILTER}",
            county.clerk,
            Page(
                "admin, township filter",
                f"{admin}?{admin_filter}&township__id__exact={county.township}",
                "admin",
            ),
            note="the clerk's scope (visible_to) against the admin's township filter",
        ),
    ]
    return pages


def detail_pages() -> list[Page]:
    from django.db.models import F
    from django.db.models.functions import Abs

    from bench.county import measured_county
    from grievances.models import Case

    county = measured_county()
    # A case of the county in progress about a household, with as many events as most such
    # cases (version counts them), so the page is the same work at every size.
    case = (
        Case.objects.filter(campaign=county.campaign, status="in_progress", household__isnull=False)
        .annotate(off=Abs(F("version") - 6))
        .order_by("off", "pk")
        .values("pk", "household_id")
        .first()
    )
    return [
        Page("case page", f"/ledger/cases/{case['pk']}/", county.office),
        Page("household page", f"/outreach/households/{case['household_id']}/", county.office),
    ]


def measure(page: Page, runs: int) -> dict:
    """Median and spread of the page (and of its baseline, alternating), and their queries."""
    with override_settings(ROOT_URLCONF="bench.urls"):
        pair = [p for p in (page, page.baseline) if p is not None]
        for p in pair:
            p.get()  # warm-up: templates compiled, connection open, caches filled
        times = {p.name: [] for p in pair}
        for _ in range(runs):
            for p in pair:
                started = time.perf_counter()
                p.get()
                times[p.name].append(time.perf_counter() - started)
        result = {"url": page.url, "user": page.username, "note": page.note}
        for key, p in zip(("page", "baseline"), pair, strict=False):
            with CaptureQueriesContext(connection) as queries:
                p.get()
            result[key] = {
                "name": p.name,
                "url": p.url,
                "queries": len(queries),
                "sql_ms": round(sum(float(q["time"]) for q in queries.captured_queries) * 1000, 1),
                **summary(times[p.name]),
            }
        return result
