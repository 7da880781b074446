from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView
from django_filters.views import FilterView

from campaign import clock
from campaign.filters import UnitFilter
from campaign.home import panels_for
from campaign.mixins import VisibleToMixin
from campaign.models import Topic, Unit, Workstream
from campaign.selectors import timeline


class HomeView(LoginRequiredMixin, TemplateView):
    template_name = "campaign/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            timeline=timeline(today=clock.today()),
            panels=panels_for(self.request.user),
            workstreams=Workstream.objects.all(),
            topics=Topic.objects.select_related("workstream"),
            **kwargs,
        )


class UnitListView(VisibleToMixin, FilterView):
    model = Unit
    filterset_class = UnitFilter
    template_name = "campaign/unit_list.html"
    paginate_by = 25
