from django import forms
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView

from audit.access import can_read_trail
from audit.trail import RECORD_TYPES, trail
from campaign.access import county_in_view_id
from campaign.forms import DateInput
from campaign.mixins import AllowedMixin
from campaign.models import User
from grievances.models import CaseEvent
from outreach.models import AnonymisationRun, IdNumberView

ACTIONS = {"+": _("created"), "~": _("changed"), "-": _("deleted"), "view": _("viewed in full")}
ACTIONS |= dict(CaseEvent.Kind.choices)
ACTIONS |= dict(IdNumberView.Source.choices)


class TrailFilter(forms.Form):
    user = forms.ModelChoiceField(User.objects.none(), label=_("user"), required=False)
    record_type = forms.ChoiceField(
        label=_("record"), choices=[("", "---------"), *RECORD_TYPES.items()], required=False
    )
    record_id = forms.IntegerField(
        label=_("record number"), required=False, min_value=1, max_value=2**63 - 1
    )
    since = forms.DateField(label=_("from date"), required=False, widget=DateInput())
    until = forms.DateField(label=_("to date"), required=False, widget=DateInput())

    def __init__(self, *args, reader, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.visible_to(reader).order_by("username")


def _record_url(record_type: str, record_id) -> str:
    # An anonymisation run says what it did on a page of its own.
    if record_type == "anonymisation":
        return reverse("audit:anonymisation_run", args=[record_id])
    return ""


class TrailView(AllowedMixin, TemplateView):
    """Who changed what and when, and who saw a full ID number: for the county office."""

    template_name = "audit/trail.html"
    allowed = can_read_trail
    paginate_by = 50

    def get_context_data(self, **kwargs):
        form = TrailFilter(self.request.GET or None, reader=self.request.user)
        filters = {}
        if form.is_valid():
            filters = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        county = county_in_view_id(self.request.user)
        rows = trail(county=county, **filters)
        page = Paginator(rows, self.paginate_by).get_page(self.request.GET.get("page"))
        users = User.objects.in_bulk({row["audit_user"] for row in page.object_list} - {None})
        rows = [
            {
                "at": row["audit_at"],
                "user": users.get(row["audit_user"]),
                "record_type": RECORD_TYPES.get(row["audit_type"], row["audit_type"]),
                "record_id": row["audit_record"],
                "action": ACTIONS.get(row["audit_action"], row["audit_action"]),
                "url": _record_url(row["audit_type"], row["audit_record"]),
            }
            for row in page.object_list
        ]
        return super().get_context_data(form=form, page_obj=page, rows=rows, **kwargs)


class AnonymisationRunView(AllowedMixin, DetailView):
    """What one run of anonymise_expired reduced in the county: counts and records."""

    template_name = "audit/anonymisation_run.html"
    allowed = can_read_trail
    # Whoever does not read the log learns nothing of a run, not even that it exists.
    refusal = Http404
    context_object_name = "run"

    def get_queryset(self):
        return AnonymisationRun.objects.visible_to(self.request.user).select_related(
            "county", "started_by"
        )

    records_per_page = 50

    def get_context_data(self, **kwargs):
        # A first run over years of archives may list thousands of households: a page at a
        # time, with the total.
        records = Paginator(self.object.records, self.records_per_page)
        page_obj = records.get_page(self.request.GET.get("page"))
        return super().get_context_data(page_obj=page_obj, **kwargs)

    def http_method_not_allowed(self, request, *args, **kwargs):
        # Another county's run is not there, whatever the method (404 before 405).
        get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        return super().http_method_not_allowed(request, *args, **kwargs)
