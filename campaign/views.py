from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import TemplateView, View
from django_filters.views import FilterView

from campaign import access, clock, workbench
from campaign.filters import UnitFilter
from campaign.home import panels_for
from campaign.middleware import SESSION_KEY
from campaign.mixins import AllowedMixin, VisibleToMixin
from campaign.models import Unit
from campaign.selectors import campaign_for, timeline, topics_of, workstreams_of


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
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = reverse("home")
        return HttpResponseRedirect(back)
