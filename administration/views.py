from django.views.generic import TemplateView

from administration.mixins import AdministratorMixin
from administration.sections import all_sections


class IndexView(AdministratorMixin, TemplateView):
    template_name = "administration/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(sections=all_sections(), **kwargs)
