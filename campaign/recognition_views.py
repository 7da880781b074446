from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import ListView

from campaign.models import Commendation, ModelFigure, SupportOrganisation


class RecognitionView(LoginRequiredMixin, ListView):
    """Publicised models, commendations and the support registry; the office edits them in
    the administration."""

    template_name = "campaign/recognition.html"
    model = ModelFigure

    def get_queryset(self):
        return ModelFigure.objects.visible_to(self.request.user).select_related("unit")

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            commendations=Commendation.objects.visible_to(user).select_related("unit"),
            organisations=SupportOrganisation.objects.visible_to(user).select_related("unit"),
            **kwargs,
        )
