import django_filters
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, DetailView, UpdateView, View
from django_filters.views import FilterView

from campaign import record_links
from campaign.filters import MonthFilter, YearFilter, campaign_workstreams, units
from campaign.history import history_page
from campaign.mixins import AllowedMixin, EditRightsMixin, ServiceFormMixin, VisibleToMixin
from campaign.models import SupportOrganisation
from campaign.selectors import campaign_for
from outreach import access, activities, services
from outreach.activity_details import takes_merit_notices
from outreach.forms import ActivityForm, EvidenceForm, MediaCoverageForm
from outreach.models import (
    Activity,
    ActivityKind,
    Evidence,
    Household,
    IdNumberView,
    MediaCoverage,
    MeritNotice,
    Person,
    TargetGroup,
)


def support_organisations(request):
    return SupportOrganisation.objects.visible_to(request.user)


def county_kinds(request):
    return ActivityKind.objects.visible_to(request.user).select_related("workstream")


class ActivityFilter(django_filters.FilterSet):
    workstream = django_filters.ModelChoiceFilter(
        label=gettext_lazy("workstream"), queryset=campaign_workstreams
    )
    kind = django_filters.ModelChoiceFilter(label=gettext_lazy("kind"), queryset=county_kinds)
    organiser = django_filters.ModelChoiceFilter(
        label=gettext_lazy("organising unit"), queryset=units
    )
    year = YearFilter(label=gettext_lazy("year"), field_name="held_on", lookup_expr="year")
    month = MonthFilter(label=gettext_lazy("month"), field_name="held_on", lookup_expr="month")
    support_organisation = django_filters.ModelChoiceFilter(
        label=gettext_lazy("social support organisation"), queryset=support_organisations
    )
    target_group = django_filters.ModelChoiceFilter(
        label=gettext_lazy("group helped"),
        field_name="target_groups",
        queryset=TargetGroup.objects.all(),
    )

    class Meta:
        model = Activity
        fields = []


class ActivityListView(VisibleToMixin, FilterView):
    model = Activity
    filterset_class = ActivityFilter
    template_name = "outreach/activity_list.html"
    paginate_by = 25

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(campaign=campaign_for(self.request.user))
            .select_related("workstream", "kind", "organiser", "phase")
            .order_by("-held_on", "-id")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_add=access.can_record_activity(self.request.user),
            campaign=campaign_for(self.request.user),
            **kwargs,
        )


class ActivityFormMixin(ServiceFormMixin):
    model = Activity
    form_class = ActivityForm
    template_name = "outreach/activity_form.html"
    success_message = gettext_lazy("Activity saved.")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"user": self.request.user}

    def perform(self, form):
        self.object = activities.activity_save(
            user=self.request.user,
            activity=form.instance,
            persons=form.persons,
            households={person.household for person in form.persons},
            target_groups=form.cleaned_data["target_groups"],
        )
        for flag in self.object.date_flags():
            messages.warning(self.request, flag)
        return self.object


class ActivityCreateView(AllowedMixin, ActivityFormMixin, CreateView):
    allowed = access.can_record_activity


class ActivityUpdateView(EditRightsMixin, ActivityFormMixin, UpdateView):
    can_edit = access.can_edit_activity

    def get_queryset(self):
        # What the rights check and the form read of the activity, in the one statement.
        return (
            super()
            .get_queryset()
            .select_related("organiser", "kind__workstream", "workstream", "campaign")
        )

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.request.method == "GET":
            # The text box shows these persons' full ID numbers: a full view, logged.
            services.persons_log_full_view(
                user=self.request.user,
                persons=form.shown_persons,
                source=IdNumberView.Source.ACTIVITY_FORM,
            )
        return form


class ActivityDetailView(VisibleToMixin, DetailView):
    model = Activity
    template_name = "outreach/activity_detail.html"

    def get_queryset(self):
        user = self.request.user
        # The persons reached and the evidence (photos may show them) as this user may see
        # them: an office above the county sees the activity, not the people.
        return (
            super()
            .get_queryset()
            .select_related(
                "workstream",
                "kind",
                "organiser",
                "phase__campaign",
                "created_by",
                "support_organisation",
            )
            .prefetch_related(
                Prefetch("evidence", Evidence.objects.visible_to(user)),
                Prefetch("persons", Person.objects.visible_to(user).select_related("household")),
                "households",
                "target_groups",
                Prefetch("coverage", MediaCoverage.objects.visible_to(user)),
                Prefetch(
                    "merit_notices",
                    MeritNotice.objects.visible_to(user).select_related("garrison", "household"),
                ),
            )
        )

    def get_context_data(self, **kwargs):
        activity = self.object
        user = self.request.user
        notices = list(activity.merit_notices.all())
        # A household is named only to those who see it in the registry.
        seen = set(
            Household.objects.visible_to(user)
            .filter(pk__in=[n.household_id for n in notices if n.household_id])
            .values_list("pk", flat=True)
        )
        for notice in notices:
            notice.shown_household = notice.household if notice.household_id in seen else None
        record_links.attach(user, [activity])
        return super().get_context_data(
            flags=activity.date_flags(),
            history=history_page(self.request, activity, trail_type="activity"),
            can_edit=access.can_edit_activity(user, activity),
            can_add_details=access.can_add_activity_details(user, activity),
            takes_merit_notices=takes_merit_notices(activity),
            merit_notices=notices,
            evidence_form=kwargs.pop("evidence_form", None) or EvidenceForm(),
            coverage_form=kwargs.pop("coverage_form", None) or MediaCoverageForm(),
            **kwargs,
        )


class EvidenceUploadView(LoginRequiredMixin, View):
    def post(self, request, pk):
        activity = get_object_or_404(Activity.objects.visible_to(request.user), pk=pk)
        if not access.can_edit_activity(request.user, activity):
            raise PermissionDenied
        form = EvidenceForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                activities.evidence_add(
                    user=request.user, activity=activity, upload=form.cleaned_data["file"]
                )
            except ValidationError as exc:
                form.add_error("file", exc)
            else:
                messages.success(request, _("Evidence uploaded."))
                return HttpResponseRedirect(activity.get_absolute_url())
        view = ActivityDetailView()
        view.setup(request, pk=pk)
        view.object = view.get_object()
        context = view.get_context_data(object=view.object, evidence_form=form)
        return view.render_to_response(context, status=400)


class EvidenceDownloadView(LoginRequiredMixin, View):
    """Evidence is served through the app, never as a public media URL: it may show people."""

    def get(self, request, pk):
        evidence = get_object_or_404(Evidence.objects.visible_to(request.user), pk=pk)
        return FileResponse(
            evidence.file.open("rb"),
            content_type=evidence.content_type,
            filename=evidence.original_name,
        )
