"""The county's workbooks as background work: the year-end workbook (年度报表) and the campaign's
summary workbook (全面总结) take half a minute on a province's data, longer than a request
should wait."""

from django.utils.translation import gettext as _

from campaign import clock, watermark
from campaign.selectors import campaign_for
from grievances.models import Case
from jobs import kinds
from outreach.models import IdNumberView
from outreach.services import log_personal_file, persons_of_households
from reports import access, services
from reports.report import YearReport
from reports.summary import CampaignSummary
from reports.summary_workbook import summary_filename, write_summary
from reports.yearend import KEPT_SECTIONS, write_yearend, yearend_filename

YEAREND = "reports.yearend_workbook"
SUMMARY = "reports.summary_workbook"


def _campaign(job, user):
    """The campaign the job was asked about, if the user still looks at it."""
    campaign = campaign_for(user)
    if campaign is None or campaign.pk != job.params.get("campaign"):
        raise kinds.JobRefused(
            _("The campaign this was asked for is no longer the one in view; ask again.")
        )
    return campaign


def yearend_run(job, user, progress, handle) -> kinds.Outcome:
    campaign = _campaign(job, user)
    year = job.params["year"]
    report = YearReport.load(
        year, campaign=campaign, today=clock.today(), kept_sections=KEPT_SECTIONS
    )
    cases = Case.objects.visible_to(user)
    write_yearend(
        report,
        handle,
        preparer=user.display_name,
        cases=cases,
        reader=watermark.export_line(user),
        progress=progress,
    )
    ledger = services.ledger_rows_for(campaign, year).filter(pk__in=cases.values("pk"))
    log_personal_file(
        user=user,
        kind=IdNumberView.Kind.EXPORT,
        source=IdNumberView.Source.YEAREND_WORKBOOK,
        person_ids=persons_of_households(ledger.values("household_id")),
        count=ledger.count(),
    )
    return kinds.Outcome(filename=yearend_filename(campaign, year))


def summary_run(job, user, progress, handle) -> kinds.Outcome:
    summary = CampaignSummary(_campaign(job, user), today=clock.today())
    write_summary(
        summary,
        handle,
        preparer=user.display_name,
        reader=watermark.export_line(user),
        progress=progress,
    )
    return kinds.Outcome(filename=summary_filename(summary))


kinds.register(YEAREND, run=yearend_run, allowed=access.can_read_county)
kinds.register(SUMMARY, run=summary_run, allowed=access.can_read_county)
