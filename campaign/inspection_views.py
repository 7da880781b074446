"""Inspections (督查): the office records them; the unit inspected reads its own."""

from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, DetailView, ListView

from campaign import clock, record_links
from campaign.access import can_inspect
from campaign.forms import InspectionForm
from campaign.mixins import AllowedMixin, ServiceFormMixin, VisibleToMixin
from campaign.models import Inspection
from campaign.selectors import campaign_for
from campaign.services import inspection_record


class InspectionListView(VisibleToMixin, ListView):
    model = Inspection
    template_name = "campaign/inspection_list.html"
    paginate_by = 25

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(campaign=campaign_for(self.request.user))
            .select_related("unit", "rating")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_add=can_inspect(self.request.user), **kwargs)


class InspectionCreateView(AllowedMixin, ServiceFormMixin, CreateView):
    model = Inspection
    form_class = InspectionForm
    template_name = "campaign/inspection_form.html"
    allowed = can_inspect
    success_message = gettext_lazy("Inspection recorded.")

    def get_initial(self):
        return {"inspected_on": clock.today()}

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"user": self.request.user}

    def perform(self, form):
        data = form.cleaned_data
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
        return self.object


class InspectionDetailView(VisibleToMixin, DetailView):
    model = Inspection
    template_name = "campaign/inspection_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "created_by", "rating")

    def get_context_data(self, **kwargs):
        findings = record_links.attach(self.request.user, self.object.findings.all())
        return super().get_context_data(findings=findings, **kwargs)
