import django_filters
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, View
from django_filters.views import FilterView

from campaign import clock
from campaign.history import history_page
from campaign.mixins import VisibleToMixin
from campaign.selectors import campaign_for
from submissions import access, selectors, services, states
from submissions.forms import ReportRequestForm, ReturnForm, SubmitForm, VersionForm
from submissions.models import Attachment, ReportRequest, Submission

YES = [("yes", gettext_lazy("yes"))]


class RequestFilter(django_filters.FilterSet):
    owed = django_filters.ChoiceFilter(
        label=gettext_lazy("due within a week or overdue, not submitted"),
        choices=YES,
        method="filter_owed",
    )

    class Meta:
        model = ReportRequest
        fields = []

    def filter_owed(self, queryset, name, value):
        return selectors.owed_by(queryset, self.request.user) if value else queryset


class RequestListView(VisibleToMixin, FilterView):
    model = ReportRequest
    filterset_class = RequestFilter
    template_name = "submissions/request_list.html"
    paginate_by = 25

    def get_queryset(self):
        user = self.request.user
        rows = super().get_queryset().filter(campaign=campaign_for(user)).select_related("phase")
        return selectors.requests_with_counts(rows, user).order_by("-due_on", "-id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        for row in context["object_list"]:
            state = selectors.row_state(row, user)
            row.state, row.state_label = state, states.LABELS.get(state)
        context.update(can_add=access.can_issue(user), reads_all_units=access.reads_all_units(user))
        return context


class SubmissionFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("status"), choices=Submission.Status.choices
    )

    class Meta:
        model = Submission
        fields = []


class SubmissionListView(VisibleToMixin, FilterView):
    model = Submission
    filterset_class = SubmissionFilter
    template_name = "submissions/submission_list.html"
    paginate_by = 25

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(request__campaign=campaign_for(self.request.user))
            .select_related("request", "unit")
            .order_by("-submitted_on", "-id")
        )


def _request_form(request, instance=None, data=None, files=None):
    user = request.user
    county = instance.county_id if instance else user.unit.area_id
    campaign = instance.campaign if instance else campaign_for(user)
    return ReportRequestForm(
        data,
        files,
        instance=instance,
        units=services.addressable_units(county),
        campaign=campaign,
    )


class RequestFormView(LoginRequiredMixin, View):
    """Issue a request (no pk) or change one that stands."""

    def target(self, request, pk):
        if pk is None:
            if not access.can_issue(request.user):
                raise PermissionDenied
            return None
        found = get_object_or_404(ReportRequest.objects.visible_to(request.user), pk=pk)
        if not access.can_edit_request(request.user, found):
            raise PermissionDenied
        return found

    def render_form(self, request, form, instance, status=200):
        context = {"form": form, "object": instance}
        return render(request, "submissions/request_form.html", context, status=status)

    def get(self, request, pk=None):
        instance = self.target(request, pk)
        return self.render_form(request, _request_form(request, instance), instance)

    def post(self, request, pk=None):
        instance = self.target(request, pk)
        form = _request_form(request, instance, request.POST, request.FILES)
        if form.is_valid():
            try:
                saved = services.request_save(
                    user=request.user,
                    request=form.instance,
                    units=form.cleaned_data["units"],
                    template=form.cleaned_data.get("template_upload"),
                    version=form.cleaned_data.get("version"),
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Report request saved."))
                return HttpResponseRedirect(saved.get_absolute_url())
        return self.render_form(request, form, instance, status=400)


def _asked(report_request) -> set[int]:
    return set(report_request.units.values_list("pk", flat=True))


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


class RequestDetailView(VisibleToMixin, DetailView):
    model = ReportRequest
    template_name = "submissions/request_detail.html"
    context_object_name = "report_request"

    def get_queryset(self):
        return super().get_queryset().select_related("phase", "created_by")

    def get_context_data(self, **kwargs):
        user = self.request.user
        report_request = self.object
        context = super().get_context_data(**kwargs)
        if access.reads_all_units(user):
            rows = selectors.unit_states(report_request, report_request.submissions.all())
            for row in rows:
                row["label"] = states.LABELS[row["state"]]
            context["rows"] = rows
            context["counts"] = selectors.state_counts(rows)
        else:
            own = Submission.objects.filter(request=report_request, unit_id=user.unit_id).first()
            unit_ids = _asked(report_request)
            state = states.state_of(report_request.due_on, own, clock.today())
            context.update(
                own=own,
                own_label=states.LABELS[state],
                can_submit=access.can_submit(user, report_request, unit_ids, own),
            )
        context.update(
            can_edit=access.can_edit_request(user, report_request),
            withdraw_form=VersionForm(initial={"version": report_request.version}),
            history=history_page(self.request, report_request, trail_type="report_request"),
        )
        return context


class CheckedFirstMixin(LoginRequiredMixin):
    """A button (POST only): who may not press it is refused (404 or 403) whatever the method;
    a GET by whoever may is 405."""

    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.record = self.checked(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class RequestWithdrawView(CheckedFirstMixin, View):
    def checked(self, request, pk):
        found = get_object_or_404(ReportRequest.objects.visible_to(request.user), pk=pk)
        if not access.can_edit_request(request.user, found):
            raise PermissionDenied
        return found

    def post(self, request, pk):
        found = self.record
        form = VersionForm(request.POST)
        form.is_valid()
        try:
            services.request_withdraw(
                user=request.user, request=found, version=form.cleaned_data.get("version")
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Report request withdrawn."))
        return HttpResponseRedirect(found.get_absolute_url())


class SubmitView(LoginRequiredMixin, View):
    """A unit submits its report, or submits it again after a return."""

    def target(self, request, pk):
        found = get_object_or_404(ReportRequest.objects.visible_to(request.user), pk=pk)
        own = Submission.objects.filter(request=found, unit_id=request.user.unit_id).first()
        if not access.can_submit(request.user, found, _asked(found), own):
            raise PermissionDenied
        return found, own

    def render_form(self, request, form, found, own, status=200):
        context = {"form": form, "report_request": found, "own": own}
        return render(request, "submissions/submit_form.html", context, status=status)

    def get(self, request, pk):
        found, own = self.target(request, pk)
        initial = {"version": own.version, "text": own.text} if own else {}
        return self.render_form(request, SubmitForm(initial=initial), found, own)

    def post(self, request, pk):
        found = get_object_or_404(ReportRequest.objects.visible_to(request.user), pk=pk)
        if not access.may_answer(request.user, found, _asked(found)):
            raise PermissionDenied
        own = Submission.objects.filter(request=found, unit_id=request.user.unit_id).first()
        form = SubmitForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                submission = services.submission_submit(
                    user=request.user,
                    request=found,
                    text=form.cleaned_data["text"],
                    uploads=form.cleaned_data["files"],
                    version=form.cleaned_data.get("version"),
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Report submitted."))
                return HttpResponseRedirect(submission.get_absolute_url())
        return self.render_form(request, form, found, own, status=400)


class SubmissionDetailView(VisibleToMixin, DetailView):
    model = Submission
    template_name = "submissions/submission_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("request", "unit", "submitted_by", "reviewed_by")
            .prefetch_related("attachments")
        )

    def get_context_data(self, **kwargs):
        submission = self.object
        user = self.request.user
        state = states.state_of(submission.request.due_on, submission, None)
        return super().get_context_data(
            state_label=states.LABELS[state],
            can_review=access.can_review(user, submission),
            can_resubmit=submission.unit_id == user.unit_id
            and access.can_submit(user, submission.request, {submission.unit_id}, submission),
            return_form=kwargs.pop("return_form", None)
            or ReturnForm(initial={"version": submission.version}),
            accept_form=VersionForm(initial={"version": submission.version}),
            history=history_page(self.request, submission, trail_type="submission"),
            **kwargs,
        )


class ReviewView(CheckedFirstMixin, View):
    """The office returns a submission for revision (with a reason) or accepts it."""

    accept = False

    def checked(self, request, pk):
        submission = get_object_or_404(
            Submission.objects.visible_to(request.user).select_related("request"), pk=pk
        )
        if not access.reviews_reports(request.user):
            raise PermissionDenied
        return submission

    def post(self, request, pk):
        submission = self.record
        form = VersionForm(request.POST) if self.accept else ReturnForm(request.POST)
        if form.is_valid():
            try:
                if self.accept:
                    services.submission_accept(
                        user=request.user,
                        submission=submission,
                        version=form.cleaned_data.get("version"),
                    )
                else:
                    services.submission_return(
                        user=request.user,
                        submission=submission,
                        reason=form.cleaned_data["reason"],
                        version=form.cleaned_data.get("version"),
                    )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                done = _("Report accepted.") if self.accept else _("Report returned for revision.")
                messages.success(request, done)
            return HttpResponseRedirect(submission.get_absolute_url())
        messages.error(request, _("Say what is to be revised."))
        return HttpResponseRedirect(submission.get_absolute_url())


class TemplateDownloadView(LoginRequiredMixin, View):
    def get(self, request, pk):
        found = get_object_or_404(ReportRequest.objects.visible_to(request.user), pk=pk)
        if not found.template:
            raise Http404
        return FileResponse(
            found.template.open("rb"),
            content_type=found.template_type,
            filename=found.template_name,
            as_attachment=True,
        )


class AttachmentDownloadView(LoginRequiredMixin, View):
    def get(self, request, pk):
        attachment = get_object_or_404(Attachment.objects.visible_to(request.user), pk=pk)
        return FileResponse(
            attachment.file.open("rb"),
            content_type=attachment.content_type,
            filename=attachment.original_name,
        )
