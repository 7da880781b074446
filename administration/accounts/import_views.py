"""Accounts from a sheet: download the template, upload, preview (every bad row with its
reason), confirm (all rows in one transaction, each with a one-time code shown once on a list
of slips), as the household import goes (outreach.imports)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from administration.accounts import services
from administration.accounts.sheet import LAYOUT, MAX_ACCOUNTS, plan_accounts, template_workbook
from administration.accounts.views import render_slips
from administration.mixins import AdministratorMixin
from outreach.imports import ImportRefused, pending
from outreach.imports.reading import read_workbook
from outreach.imports.views import XLSX, xlsx_response
from outreach.models import IdNumberView
from outreach.services import log_personal_file

SESSION_KEY = "accounts_import"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Filled-in sheet of accounts (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": f".xlsx,{XLSX}"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.sheet = read_workbook(upload, LAYOUT)
        except ImportRefused as exc:
            raise forms.ValidationError(exc.message, code="refused") from None
        if len(self.sheet.rows) > MAX_ACCOUNTS:
            raise forms.ValidationError(
                _("The sheet has %(count)s rows; at most %(max)s accounts at once.")
                % {"count": len(self.sheet.rows), "max": MAX_ACCOUNTS},
                code="too_many",
            )
        return upload


class PendingMixin(AdministratorMixin):
    """Works on the sheet waiting in this session; without one, back to the upload."""

    @cached_property
    def waiting(self) -> dict | None:
        return pending.waiting(self.request, SESSION_KEY)

    def get(self, request, *args, **kwargs):
        if self.waiting is None:
            return self.nothing_waiting()
        return super().get(request, *args, **kwargs)

    def nothing_waiting(self):
        messages.info(self.request, _("There is no upload waiting; upload a file first."))
        return redirect("administration:accounts_import")

    def plan(self):
        return plan_accounts(pending.read(self.waiting), user=self.request.user)


class ImportStartView(AdministratorMixin, FormView):
    form_class = UploadForm
    template_name = "administration/accounts/import_start.html"
    success_url = reverse_lazy("administration:accounts_import_preview")

    def get_context_data(self, **kwargs):
        waiting = pending.waiting(self.request, SESSION_KEY)
        return super().get_context_data(waiting=waiting, max_rows=MAX_ACCOUNTS, **kwargs)

    def form_valid(self, form):
        pending.keep(
            self.request, SESSION_KEY, sheet=form.sheet, filename=form.cleaned_data["file"].name
        )
        return super().form_valid(form)


class ImportTemplateView(AdministratorMixin, View):
    def get(self, request):
        content = template_workbook(user=request.user)
        return xlsx_response(content, _("accounts template") + ".xlsx")


class ImportPreviewView(PendingMixin, TemplateView):
    template_name = "administration/accounts/import_preview.html"

    def get_context_data(self, **kwargs):
        plan = self.plan()
        return super().get_context_data(
            plan=plan,
            filename=self.waiting["filename"],
            token=pending.token(self.waiting),
            **kwargs,
        )


class ImportConfirmView(PendingMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        if self.waiting is None:
            return self.nothing_waiting()
        if request.POST.get("upload") != pending.token(self.waiting):
            messages.error(request, _("The file waiting is not the one previewed; check it again."))
            return redirect("administration:accounts_import_preview")
        plan = self.plan()
        if plan.has_errors:
            messages.error(request, _("The sheet still has errors; no account was created."))
            return redirect("administration:accounts_import_preview")
        try:
            issued = services.accounts_create(user=request.user, rows=plan.accounts())
        except (ValidationError, IntegrityError) as exc:
            reasons = exc.messages if isinstance(exc, ValidationError) else []
            messages.error(
                request,
                " ".join([_("No account was created."), *reasons])
                if reasons
                else _(
                    "The accounts changed while the sheet was being read, so no account was "
                    "created. Look at the preview again."
                ),
            )
            return redirect("administration:accounts_import_preview")
        log_personal_file(
            user=request.user,
            kind=IdNumberView.Kind.IMPORT,
            source=IdNumberView.Source.ACCOUNTS_IMPORT,
            person_ids=[],
            count=len(issued),
        )
        pending.discard(request, SESSION_KEY)
        return render_slips(request, issued, title=_("Accounts created"))


class ImportCancelView(PendingMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        pending.discard(request, SESSION_KEY)
        messages.info(request, _("The upload was cancelled; no account was created."))
        return redirect("administration:accounts_import")
