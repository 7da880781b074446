"""The clerks' Excel import: download the template, upload, preview, confirm. The rows read
at upload wait for the confirm as outreach.imports.pending keeps them."""

from dataclasses import dataclass
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from campaign import access as rule
from campaign import watermark
from campaign.models import Unit
from jobs.services import start as start_job
from outreach.access import can_edit_township, can_import, chooses_township, import_shown_to
from outreach.imports import ImportRefused, pending
from outreach.imports.jobs import HOUSEHOLDS_IMPORT, imported_message, registry_changed
from outreach.imports.limits import MAX_BYTES, MAX_ROWS
from outreach.imports.plan import plan_import
from outreach.imports.reading import Sheet, read_workbook
from outreach.imports.services import households_import
from outreach.imports.template import error_workbook, template_workbook
from outreach.models import IdNumberView
from outreach.services import log_personal_file

SESSION_KEY = "outreach_import"
SHOWN = 1000  # rows listed per section of the preview; the downloads hold all of them
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportAccessMixin(LoginRequiredMixin):
    """The office and township clerks import; a leader, who may look but not change, is
    refused (403); member units and garrison liaisons have nothing here (404). Views with
    needs_pending work on the upload waiting in this session, and without one go back to the
    start."""

    needs_pending = False

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return self.handle_no_permission()
        if not import_shown_to(user):
            raise Http404
        if not can_import(user):
            raise PermissionDenied
        if self.needs_pending and request.method.lower() in self.http_method_names:
            self.pending = pending_import(request)
            if self.pending is None:
                messages.info(request, _("There is no upload waiting; upload a file first."))
                return redirect("outreach_import:start")
        return super().dispatch(request, *args, **kwargs)

    def read_pending(self) -> Sheet:
        return pending.read(self.pending.data)


@dataclass
class Pending:
    data: dict
    township: Unit

    @property
    def filename(self) -> str:
        return self.data["filename"]

    @property
    def token(self) -> str:
        return pending.token(self.data)


def pending_import(request) -> Pending | None:
    data = pending.waiting(request, SESSION_KEY)
    if data is None:
        return None
    township = (
        Unit.objects.visible_to(request.user)
        .filter(pk=data["township"], kind=Unit.Kind.TOWNSHIP)
        .first()
    )
    if township is None:
        return None
    if not can_edit_township(request.user, township):
        raise PermissionDenied
    return Pending(data=data, township=township)


def discard_pending(request) -> None:
    pending.discard(request, SESSION_KEY)


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


class ImportForm(forms.Form):
    township = forms.ModelChoiceField(queryset=Unit.objects.none(), label=gettext_lazy("Township"))
    file = forms.FileField(
        label=gettext_lazy("Filled-in template (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": f".xlsx,{XLSX}"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.sheet = None
        if chooses_township(user):
            self.fields["township"].queryset = (
                Unit.objects.visible_to(user).of_kind(Unit.Kind.TOWNSHIP).filter(is_active=True)
            )
        else:
            del self.fields["township"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.sheet = read_workbook(upload)
        except ImportRefused as exc:
            raise forms.ValidationError(exc.message, code="refused") from None
        return upload

    def chosen_township(self) -> Unit:
        return self.cleaned_data.get("township") or self.user.unit


class ImportStartView(ImportAccessMixin, FormView):
    form_class = ImportForm
    template_name = "outreach/import_start.html"
    success_url = reverse_lazy("outreach_import:preview")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            pending=pending_import(self.request),
            max_rows=MAX_ROWS,
            max_mb=MAX_BYTES // 1024 // 1024,
            **kwargs,
        )

    def form_valid(self, form):
        township = form.chosen_township()
        if not can_edit_township(self.request.user, township):
            raise PermissionDenied
        pending.keep(
            self.request,
            SESSION_KEY,
            sheet=form.sheet,
            filename=form.cleaned_data["file"].name,
            township=township.pk,
        )
        return super().form_valid(form)


class ImportTemplateView(ImportAccessMixin, View):
    def get(self, request):
        return xlsx_response(
            template_workbook(county_id=rule.county_in_view_id(request.user)),
            _("beneficiary import template") + ".xlsx",
        )


class ImportPreviewView(ImportAccessMixin, TemplateView):
    template_name = "outreach/import_preview.html"
    needs_pending = True

    def get(self, request, *args, **kwargs):
        # The rows were read and checked at upload: planning them refuses nothing.
        self.plan = plan_import(self.read_pending(), township=self.pending.township)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        plan = self.plan
        created, updated = plan.rows_with("create"), plan.rows_with("update")
        errors, warnings = plan.errors, plan.warnings
        return super().get_context_data(
            pending=self.pending,
            plan=plan,
            counts=plan.counts,
            errors=errors[:SHOWN],
            errors_hidden=max(len(errors) - SHOWN, 0),
            warnings=warnings[:SHOWN],
            warnings_hidden=max(len(warnings) - SHOWN, 0),
            created=created[:SHOWN],
            created_hidden=max(len(created) - SHOWN, 0),
            updated=updated[:SHOWN],
            updated_hidden=max(len(updated) - SHOWN, 0),
            **kwargs,
        )


class ImportErrorsView(ImportAccessMixin, View):
    needs_pending = True

    def get(self, request):
        plan = plan_import(self.read_pending(), township=self.pending.township)
        if not plan.has_errors:
            return redirect("outreach_import:preview")
        only_errors = request.GET.get("only") == "errors"
        stem = PurePath(self.pending.filename).stem[:60]
        log_personal_file(
            user=request.user,
            kind=IdNumberView.Kind.EXPORT,
            source=IdNumberView.Source.IMPORT_ERRORS,
            person_ids=[person.pk for person, *_rest in plan.changed_persons],
            count=len(plan.rows),
            county_id=self.pending.township.area_id,
        )
        return xlsx_response(
            error_workbook(
                plan, only_errors=only_errors, reader=watermark.export_line(request.user)
            ),
            f"{stem}-{_('errors')}.xlsx",
        )


class ImportConfirmView(ImportAccessMixin, View):
    http_method_names = ["post"]
    needs_pending = True

    def post(self, request):
        if request.POST.get("upload") != self.pending.token:
            messages.error(request, _("The file waiting is not the one previewed; check it again."))
            return redirect("outreach_import:preview")
        sheet = self.read_pending()
        if len(sheet.rows) > settings.JOBS_INLINE_ROWS:
            return self.as_job(request, sheet)
        try:
            plan = households_import(user=request.user, township=self.pending.township, sheet=sheet)
        except ImportRefused as exc:
            messages.error(request, exc.message)
            return redirect("outreach_import:preview")
        except IntegrityError:
            messages.error(request, registry_changed())
            return redirect("outreach_import:preview")
        discard_pending(request)
        messages.success(request, imported_message(self.pending.township, plan))
        return redirect("outreach_import:start")

    def as_job(self, request, sheet):
        """A file of thousands of rows is written by a worker; the upload is the job's now."""
        township = self.pending.township
        job = start_job(
            user=request.user,
            kind=HOUSEHOLDS_IMPORT,
            title=_("Import of %(file)s into %(township)s (%(rows)s rows)")
            % {"file": self.pending.filename, "township": township.name, "rows": len(sheet.rows)},
            params={
                "upload": {"name": self.pending.data["name"], "filename": self.pending.filename},
                "township": township.pk,
            },
        )
        request.session.pop(SESSION_KEY, None)
        return redirect(job.get_absolute_url())


class ImportCancelView(ImportAccessMixin, View):
    http_method_names = ["post"]
    needs_pending = True

    def post(self, request):
        discard_pending(request)
        messages.info(request, _("The upload was cancelled; nothing was imported."))
        return redirect("outreach_import:start")
