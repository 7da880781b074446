from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import TemplateView, View
from django_filters.views import FilterView

from campaign import access, clock, workbench
from campaign.filters import UnitFilter
from campaign.home import panels_for
from campaign.middleware import CAMPAIGN_KEY, SESSION_KEY
from campaign.mixins import AllowedMixin, VisibleToMixin
from campaign.models import Unit
from campaign.selectors import campaign_for, campaigns_of, timeline, topics_of, workstreams_of


class HomeView(LoginRequiredMixin, TemplateView):
    template_name = "campaign/home.html"

    def get_context_data(self, **kwargs):
        campaign = campaign_for(self.request.user)
        return super().get_context_data(
            timeline=timeline(today=clock.today(), campaign=campaign),
            panels=panels_for(self.request.user),
            workbench=workbench.items_for(self.request.user),
            workstreams=workstreams_of(campaign),
            topics=topics_of(campaign),
            **kwargs,
        )


class UnitListView(VisibleToMixin, FilterView):
    model = Unit
    filterset_class = UnitFilter
    template_name = "campaign/unit_list.html"
    paginate_by = 25


class LookAtCountyView(AllowedMixin, View):
    """A city or province office turns to one of its counties."""

    allowed = access.is_higher_office
    refusal = Http404

    def post(self, request):
        county = request.POST.get("county", "")
        if not county.isdigit() or not access.look_at_county(request.user, int(county)):
            raise Http404
        request.session[SESSION_KEY] = int(county)
        # Opening a county from the comparison of a year opens the campaign covering that year.
        campaign = request.POST.get("campaign", "")
        if campaign.isdigit() and campaigns_of(int(county)).filter(pk=int(campaign)).exists():
            _remember_campaign(request, int(county), int(campaign))
        return _back(request)


class ChooseCampaignView(AllowedMixin, View):
    """Anyone turns to another campaign of the county in view (an earlier one, to read its
    years as they were); the choice is kept in the session, per county."""

    allowed = access.signed_in
    refusal = Http404

    def post(self, request):
        chosen = request.POST.get("campaign", "")
        county = access.county_in_view_id(request.user)
        if not chosen.isdigit() or not campaigns_of(county).filter(pk=int(chosen)).exists():
            raise Http404
        _remember_campaign(request, county, int(chosen))
        return _back(request)


def _remember_campaign(request, county: int, campaign: int):
    choices = dict(request.session.get(CAMPAIGN_KEY, {}))
    choices[str(county)] = campaign
    request.session[CAMPAIGN_KEY] = choices


def _back(request):
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("home")
    return HttpResponseRedirect(back)
