"""A county leader's own list, the cases he takes personally (我包的案件); the office reads
every case a leader takes there."""

from django.http import Http404
from django.views.generic import ListView

from campaign import clock
from campaign.mixins import AllowedMixin
from campaign.selectors import campaign_for
from grievances import access
from grievances.pagination import IdsFirstPaginator
from grievances.selectors import cases_led


class CasesLedView(AllowedMixin, ListView):
    """All his cases, or (?open=yes, as the workbench links it) those still being worked on."""

    allowed = access.reads_cases_led
    refusal = Http404
    template_name = "grievances/cases_led.html"
    context_object_name = "cases"
    paginate_by = 25
    paginator_class = IdsFirstPaginator

    def get_queryset(self):
        user = self.request.user
        self.only_open = self.request.GET.get("open") == "yes"
        return cases_led(
            user=user, today=clock.today(), campaign=campaign_for(user), only_open=self.only_open
        ).order_by("campaign_id", "year", "sequence")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            only_open=self.only_open, own=access.has_cases_led(self.request.user), **kwargs
        )
