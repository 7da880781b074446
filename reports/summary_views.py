"""The campaign as a whole (全面总结): its page and its workbook. The county's readers see every
section; a township or member unit reads its own progress rows beside the county's totals, as on
the progress page; the workbook is the county's, like the year-end workbook."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from campaign import clock
from campaign.selectors import campaign_for
from jobs.services import start as start_job
from reports import access
from reports.jobs import SUMMARY
from reports.summary import CampaignSummary


class SummaryMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated:
            if not self.allowed(user):
                raise Http404
            campaign = campaign_for(user)
            if campaign is None:
                raise Http404  # no plan loaded for this county yet
            self.summary = CampaignSummary(campaign, today=clock.today())
        return super().dispatch(request, *args, **kwargs)

    def allowed(self, user) -> bool:
        return access.can_read_county(user)


class SummaryView(SummaryMixin, TemplateView):
    template_name = "reports/summary.html"

    def allowed(self, user) -> bool:
        return access.can_read_progress(user)

    def get_context_data(self, **kwargs):
        user = self.request.user
        summary = self.summary
        county_view = access.can_read_county(user)
        if county_view:
            sections = summary.sections()
        else:
            sections = [summary.units(keep=lambda unit_id: unit_id == user.unit_id)]
        return super().get_context_data(
            campaign=summary.campaign,
            summary=summary,
            year_labels=summary.year_labels(),
            sections=sections,
            text=summary.text() if county_view else "",
            county_view=county_view,
            # The report tabs keep the year they were opened with.
            year=summary.years[-1],
            **kwargs,
        )


class SummaryWorkbookView(SummaryMixin, View):
    """Asks for the summary workbook: a job writes it, and its page shows the progress."""

    http_method_names = ["post"]

    def post(self, request):
        job = start_job(
            user=request.user,
            kind=SUMMARY,
            title=_("%(campaign)s: summary workbook") % {"campaign": self.summary.campaign.name},
            params={"campaign": self.summary.campaign.pk},
        )
        return HttpResponseRedirect(job.get_absolute_url())
