"""A long ledger export as background work: past a few thousand rows it takes longer than a
request should wait."""

from django.http import QueryDict
from django.utils.translation import gettext as _

from campaign import access as rule
from campaign import clock, watermark
from grievances.export import ledger_filename, write_ledger
from grievances.filters import ledger_filter
from jobs import kinds
from outreach.models import IdNumberView
from outreach.services import log_personal_file, persons_of_households

LEDGER_EXPORT = "grievances.ledger_export"


def log_ledger_export(user, rows, count: int) -> None:
    """Who exported which persons' ledger rows, in the request or in the worker alike."""
    log_personal_file(
        user=user,
        kind=IdNumberView.Kind.EXPORT,
        source=IdNumberView.Source.LEDGER_EXPORT,
        person_ids=persons_of_households(rows.values("household_id")),
        count=count,
    )


def ledger_export_run(job, user, progress, handle) -> kinds.Outcome:
    today = clock.today()
    rows = ledger_filter(user, QueryDict(job.params.get("query", "")), today=today).qs
    total = rows.count()
    progress.stage(_("Writing the ledger"), total=total)
    write_ledger(rows, handle, today=today, reader=watermark.export_line(user), progress=progress)
    log_ledger_export(user, rows, total)
    return kinds.Outcome(
        message=_("%(count)s cases exported.") % {"count": total}, filename=ledger_filename(today)
    )


kinds.register(LEDGER_EXPORT, run=ledger_export_run, allowed=rule.everyone)
