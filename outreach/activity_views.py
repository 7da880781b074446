import django_filters
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, DetailView, UpdateView, View
from django_filters.views import FilterView

from campaign.mixins import VisibleToMixin
from campaign.models import Unit, Workstream
from campaign.selectors import current_campaign
from outreach import activities
from outreach.forms import ActivityForm, EvidenceForm
from outreach.models import Activity, ActivityKind, Evidence


class ActivityFilter(django_filters.FilterSet):
    workstream = django_filters.ModelChoiceFilter(
        label=gettext_lazy("workstream"), queryset=Workstream.objects.all()
    )
    kind = django_filters.ChoiceFilter(label=gettext_lazy("kind"), choices=ActivityKind.choices)
    organiser = django_filters.ModelChoiceFilter(
        label=gettext_lazy("organising unit"), queryset=Unit.objects.all()
    )
    year = django_filters.NumberFilter(
        label=gettext_lazy("year"), field_name="held_on", lookup_expr="year"
    )
    month = django_filters.NumberFilter(
        label=gettext_lazy("month"), field_name="held_on", lookup_expr="month"
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
            .select_related("workstream", "organiser", "phase")
            .order_by("-held_on", "-id")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_add=activities.can_record_activity(self.request.user),
            campaign=current_campaign(),
            **kwargs,
        )


class ActivityFormMixin:
    model = Activity
    form_class = ActivityForm
    template_name = "outreach/activity_form.html"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"user": self.request.user}

    def form_valid(self, form):
        try:
            self.object = activities.activity_save(
                user=self.request.user,
                activity=form.instance,
                persons=form.persons,
                households={person.household for person in form.persons},
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Activity saved."))
        for flag in self.object.date_flags(current_campaign()):
            messages.warning(self.request, flag)
        return HttpResponseRedirect(self.object.get_absolute_url())


class ActivityCreateView(LoginRequiredMixin, ActivityFormMixin, CreateView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not activities.can_record_activity(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ActivityUpdateView(VisibleToMixin, ActivityFormMixin, UpdateView):
    def get_object(self, queryset=None):
        activity = super().get_object(queryset)
        if not activities.can_edit_activity(self.request.user, activity):
            raise PermissionDenied
        return activity


class ActivityDetailView(VisibleToMixin, DetailView):
    model = Activity
    template_name = "outreach/activity_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("workstream", "organiser", "phase__campaign", "created_by")
            .prefetch_related("evidence", "persons__household", "households")
        )

    def get_context_data(self, **kwargs):
        activity = self.object
        return super().get_context_data(
            flags=activity.date_flags(current_campaign()),
            history=activity.history.select_related("history_user").order_by("-history_date")[:20],
            can_edit=activities.can_edit_activity(self.request.user, activity),
            evidence_form=kwargs.pop("evidence_form", None) or EvidenceForm(),
            **kwargs,
        )


class EvidenceUploadView(LoginRequiredMixin, View):
    def post(self, request, pk):
        activity = get_object_or_404(Activity.objects.visible_to(request.user), pk=pk)
        if not activities.can_edit_activity(request.user, activity):
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
        evidence = get_object_or_404(
            Evidence.objects.filter(activity__in=Activity.objects.visible_to(request.user)), pk=pk
        )
        return FileResponse(
            evidence.file.open("rb"),
            content_type=evidence.content_type,
            filename=evidence.original_name,
        )
