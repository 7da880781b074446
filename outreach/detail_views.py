"""Pages for what an activity left behind: its media coverage and the merit notices
(立功喜报) it delivered."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView, View

from campaign.mixins import AllowedMixin
from campaign.selectors import campaign_for
from outreach import access, activity_details
from outreach.forms import MediaCoverageForm, MeritNoticeForm
from outreach.models import Activity, Household, MediaCoverage, MeritNotice


def _activity_to_add_to(request, pk) -> Activity:
    """The activity, if this user sees it (else 404) and may add to it (else 403)."""
    activity = get_object_or_404(
        Activity.objects.visible_to(request.user).select_related("kind", "organiser", "campaign"),
        pk=pk,
    )
    if not access.can_add_activity_details(request.user, activity):
        raise PermissionDenied
    return activity


class CoverageAddView(LoginRequiredMixin, View):
    """Added from the activity's page, or from a page of its own; a refused form is shown on
    that page again."""

    template_name = "outreach/coverage_form.html"

    def get(self, request, pk):
        activity = _activity_to_add_to(request, pk)
        return self.page(activity, MediaCoverageForm())

    def post(self, request, pk):
        activity = _activity_to_add_to(request, pk)
        form = MediaCoverageForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                activity_details.coverage_add(
                    user=request.user,
                    activity=activity,
                    outlet=data["outlet"],
                    published_on=data["published_on"],
                    title=data["title"],
                    link=data["link"],
                    upload=data["file"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Media coverage added."))
                return HttpResponseRedirect(activity.get_absolute_url())
        return self.page(activity, form, status=400)

    def page(self, activity, form, status=200):
        return render(
            self.request, self.template_name, {"activity": activity, "form": form}, status=status
        )


class CoverageFileView(LoginRequiredMixin, View):
    """A clipping is served through the app, as evidence is."""

    def get(self, request, pk):
        coverage = get_object_or_404(MediaCoverage.objects.visible_to(request.user), pk=pk)
        if not coverage.file:
            raise Http404
        return FileResponse(
            coverage.file.open("rb"),
            content_type=coverage.content_type,
            filename=coverage.original_name,
        )


class MeritNoticeCreateView(LoginRequiredMixin, FormView):
    form_class = MeritNoticeForm
    template_name = "outreach/merit_notice_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.activity = _activity_to_add_to(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"user": self.request.user, "activity": self.activity}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            activity=self.activity,
            takes_notices=activity_details.takes_merit_notices(self.activity),
            kind_name=activity_details.merit_kind_name(self.activity.organiser.area_id),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            activity_details.merit_notice_add(
                user=self.request.user, activity=self.activity, **data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Merit notice recorded."))
        return HttpResponseRedirect(self.activity.get_absolute_url())


class MeritNoticeListView(AllowedMixin, ListView):
    allowed = access.reads_merit_notices
    refusal = Http404
    model = MeritNotice
    template_name = "outreach/merit_notice_list.html"
    paginate_by = 25
    title = gettext_lazy("Merit notices")

    def get_queryset(self):
        return (
            MeritNotice.objects.visible_to(self.request.user)
            .filter(activity__campaign=campaign_for(self.request.user))
            .select_related("activity", "garrison", "household")
            .order_by("-sent_on", "-id")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = context["object_list"]
        # A household is named only to those who see it in the registry.
        seen = set(
            Household.objects.visible_to(self.request.user)
            .filter(pk__in=[n.household_id for n in rows if n.household_id])
            .values_list("pk", flat=True)
        )
        for notice in rows:
            notice.shown_household = notice.household if notice.household_id in seen else None
        levels = (
            self.get_queryset()
            .order_by()
            .aggregate(
                **{level: Count("pk", filter=Q(level=level)) for level in MeritNotice.Level.values}
            )
        )
        context["level_totals"] = [
            (label, levels[value]) for value, label in MeritNotice.Level.choices
        ]
        return context
