"""The campaign plans of the county: upload a plan file (TOML or xlsx), see what it holds and
every error in it without anything written, then confirm; or download the current campaign as
a plan workbook to edit into the next one. load_plan --from FILE does the same from the shell."""

import base64
import binascii

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from administration.mixins import AdministratorMixin
from administration.plans.workbook import campaign_spec, plan_workbook
from campaign import access
from campaign.models import Area, Campaign
from campaign.plan_file import PlanFileError, read_plan_bytes
from campaign.selectors import campaign_for
from campaign.services import plan_errors, plan_load
from outreach.imports.views import xlsx_response

MAX_BYTES = 1024 * 1024  # a plan is a few kilobytes; anything near this is not one


class PlanUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Plan file (.xlsx or .toml)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.toml"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("A plan file is at most 1 MB."), code="too_big")
        return upload


def _county(user) -> Area:
    return Area.objects.get(pk=access.county_in_view_id(user))


class PlanUploadView(AdministratorMixin, View):
    """GET: the county's campaigns and the upload form. POST with a file: the preview, which
    carries the file on to the confirmation. POST with `confirm`: the plan loaded."""

    template_name = "administration/plans/plans.html"

    def page(self, request, form, status=200, **context):
        county = _county(request.user)
        return render(
            request,
            self.template_name,
            {
                "form": form,
                "campaigns": Campaign.objects.filter(county=county)
                .annotate(phase_count=Count("phases"))
                .order_by("starts_on"),
                "current": campaign_for(request.user),
                **context,
            },
            status=status,
        )

    def get(self, request):
        return self.page(request, PlanUploadForm())

    def post(self, request):
        if "confirm" in request.POST:
            return self.confirm(request)
        form = PlanUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.page(request, form, status=400)
        upload = form.cleaned_data["file"]
        content = upload.read()
        return self.preview(request, form, upload.name, content)

    def preview(self, request, form, name, content):
        county = _county(request.user)
        spec, errors = None, []
        try:
            spec = read_plan_bytes(name, content)
        except PlanFileError as exc:
            errors = str(exc).splitlines()
        if spec is not None:
            errors = plan_errors(county=county, spec=spec)
        existing = Campaign.objects.filter(county=county, name=spec.name).first() if spec else None
        return self.page(
            request,
            form,
            spec=spec,
            errors=errors,
            existing=existing,
            filename=name,
            content=base64.b64encode(content).decode("ascii"),
            status=400 if errors else 200,
        )

    def confirm(self, request):
        name = request.POST.get("filename", "")
        try:
            content = base64.b64decode(request.POST.get("content", ""), validate=True)
        except (binascii.Error, ValueError):
            content = b""
        if not content or len(content) > MAX_BYTES:
            messages.error(request, _("The plan file did not come back; upload it again."))
            return redirect("administration:plans")
        try:
            spec = read_plan_bytes(name, content)
            result = plan_load(county=_county(request.user), spec=spec)
        except (PlanFileError, ValidationError):
            # Something changed since the preview (another campaign, say): show it again.
            return self.preview(request, PlanUploadForm(), name, content)
        messages.success(
            request,
            _("The plan of “%(name)s” is loaded: %(created)s added, %(updated)s changed.")
            % {
                "name": result.campaign.name,
                "created": result.created + result.kinds,
                "updated": result.updated,
            },
        )
        return redirect("administration:plans")


class PlanWorkbookView(AdministratorMixin, View):
    """The campaign in view as a plan workbook: edit it into the next plan and upload it."""

    def get(self, request):
        campaign = campaign_for(request.user)
        if campaign is None:
            messages.info(request, _("No campaign has been loaded yet."))
            return redirect("administration:plans")
        content = plan_workbook(campaign_spec(campaign))
        return xlsx_response(content, _("plan of %(name)s") % {"name": campaign.name} + ".xlsx")
