from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from campaign import access
from campaign.models import Commendation, ModelFigure, SupportOrganisation

SHOWN = 5


def first_rows(queryset) -> tuple[list, int]:
    """The first rows and the total: counted only when the first rows fill the slice."""
    rows = list(queryset[:SHOWN])
    return rows, (queryset.count() if len(rows) == SHOWN else len(rows))


class RecognitionView(LoginRequiredMixin, TemplateView):
    """Publicised models, commendations and the support registry, the first few of each with a
    way to the whole list; the office's writers keep them from those lists."""

    template_name = "campaign/recognition.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        figures, figures_total = first_rows(
            ModelFigure.objects.visible_to(user).select_related("unit")
        )
        commendations, commendations_total = first_rows(
            Commendation.objects.visible_to(user).select_related("unit")
        )
        organisations, organisations_total = first_rows(
            SupportOrganisation.objects.visible_to(user).filter(active=True).select_related("unit")
        )
        return super().get_context_data(
            figures=figures,
            figures_total=figures_total,
            commendations=commendations,
            commendations_total=commendations_total,
            organisations=organisations,
            organisations_total=organisations_total,
            can_keep=access.keeps_the_registries(user),
            **kwargs,
        )
