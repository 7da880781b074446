from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from audit.trail import RECORD_TYPES, trail
from campaign.forms import DateInput
from campaign.models import User
from grievances.models import CaseEvent

ACTIONS = {"+": _("created"), "~": _("changed"), "-": _("deleted"), "view": _("viewed in full")}
ACTIONS |= dict(CaseEvent.Kind.choices)


class TrailFilter(forms.Form):
    user = forms.ModelChoiceField(
        User.objects.order_by("username"), label=_("user"), required=False
    )
    record_type = forms.ChoiceField(
        label=_("record"), choices=[("", "---------"), *RECORD_TYPES.items()], required=False
    )
    record_id = forms.IntegerField(label=_("record number"), required=False, min_value=1)
    since = forms.DateField(label=_("from"), required=False, widget=DateInput())
    until = forms.DateField(label=_("to"), required=False, widget=DateInput())


class TrailView(LoginRequiredMixin, TemplateView):
    """Who changed what and when, and who saw a full ID number: for the county office."""

    template_name = "audit/trail.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.user.role != "office":
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        form = TrailFilter(self.request.GET or None)
        filters = {}
        if form.is_valid():
            filters = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        page = Paginator(trail(**filters), 50).get_page(self.request.GET.get("page"))
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
