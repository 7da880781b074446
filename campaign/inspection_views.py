"""Inspections (督查): the office records them; the unit inspected reads its own."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DetailView, ListView

from campaign import clock
from campaign.access import can_inspect
from campaign.forms import InspectionForm
from campaign.mixins import VisibleToMixin
from campaign.models import Inspection
from campaign.services import inspection_record


class InspectionListView(VisibleToMixin, ListView):
    model = Inspection
    template_name = "campaign/inspection_list.html"
    paginate_by = 25

    def get_queryset(self):
        return super().get_queryset().select_related("unit")

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_add=can_inspect(self.request.user), **kwargs)


class InspectionCreateView(LoginRequiredMixin, CreateView):
    model = Inspection
    form_class = InspectionForm
    template_name = "campaign/inspection_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_inspect(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"inspected_on": clock.today()}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            self.object = inspection_record(
                user=self.request.user,
                unit=data["unit"],
                inspected_on=data["inspected_on"],
                inspectors=data["inspectors"],
                checked=data["checked"],
                rating=data["rating"],
                summary=data["summary"],
                findings=[(text, True) for text in data["findings"]],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Inspection recorded."))
        return HttpResponseRedirect(self.object.get_absolute_url())


class InspectionDetailView(VisibleToMixin, DetailView):
    model = Inspection
    template_name = "campaign/inspection_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("unit", "created_by")
            .prefetch_related("findings__case")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_register=can_inspect(self.request.user), **kwargs)
