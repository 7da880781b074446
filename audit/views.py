from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from audit.access import can_read_trail
from audit.trail import RECORD_TYPES, trail
from campaign.access import county_in_view_id
from campaign.forms import DateInput
from campaign.mixins import AllowedMixin
from campaign.models import User
from grievances.models import CaseEvent
from outreach.models import IdNumberView

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
            }
            for row in page.object_list
        ]
        return super().get_context_data(form=form, page_obj=page, rows=rows, **kwargs)
