import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, DetailView, FormView, ListView
from django.views.generic.edit import FormMixin
from django_filters.views import FilterView

from agenda import access, services
from agenda.forms import (
    DecisionCaseForm,
    DecisionForm,
    DoneForm,
    MechanismForm,
    MeetingForm,
    TaskForm,
)
from agenda.models import Decision, Mechanism, Meeting, Task
from campaign import clock
from campaign.filters import leading_units
from campaign.history import history_page
from campaign.mixins import AllowedMixin, ServiceFormMixin, VisibleToMixin
from campaign.selectors import campaign_for

FORM = "agenda/form.html"


class ReadersMixin(AllowedMixin, VisibleToMixin):
    """The agenda's lists and pages: none of a garrison liaison's business (404)."""

    allowed = access.reads_agenda
    refusal = Http404
    paginate_by = 25

    def campaign_rows(self):
        """The rows of the campaign in view, as this user may see them."""
        return VisibleToMixin.get_queryset(self).filter(campaign=campaign_for(self.request.user))


class KeeperFormMixin(AllowedMixin, ServiceFormMixin):
    allowed = access.keeps_agenda
    template_name = FORM
    heading = ""

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.heading, **kwargs)


class ChildFormMixin(KeeperFormMixin):
    """A form on one record (a meeting, a decision): another county's or unit's answers 404,
    a reader who may not write 403."""

    allowed = access.reads_agenda
    refusal = Http404
    parent_model = None

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and access.reads_agenda(request.user):
            rows = self.parent_model.objects.visible_to(request.user)
            self.parent = get_object_or_404(rows, pk=kwargs["pk"])
            if not access.keeps_agenda(request.user):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return FormMixin.get_form_kwargs(self)

    def get_context_data(self, **kwargs):
        return super().get_context_data(parent=self.parent, **kwargs)


# Meetings.


class MeetingListView(ReadersMixin, ListView):
    model = Meeting
    template_name = "agenda/meeting_list.html"

    def get_queryset(self):
        return (
            self.campaign_rows()
            .annotate(decision_count=Count("decisions"))
            .order_by("-held_on", "-id")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_add=access.keeps_agenda(self.request.user), **kwargs)


class MeetingCreateView(KeeperFormMixin, CreateView):
    model = Meeting
    form_class = MeetingForm
    heading = gettext_lazy("Record a meeting")
    success_message = gettext_lazy("Meeting recorded.")

    def perform(self, form):
        return services.meeting_record(
            user=self.request.user,
            meeting=form.instance,
            units=form.cleaned_data["attending_units"],
        )


class MeetingDetailView(VisibleToMixin, DetailView):
    # Whoever reads no agenda sees no row: 404 (and a POST to a page that only shows, 405).
    model = Meeting
    template_name = "agenda/meeting_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("campaign", "created_by")
            .prefetch_related(
                "attending_units",
                Prefetch(
                    "decisions",
                    Decision.objects.select_related("case", "task__unit").order_by("id"),
                ),
                "mechanisms",
            )
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_keep=access.keeps_agenda(self.request.user),
            history=history_page(self.request, self.object, trail_type="meeting"),
            **kwargs,
        )


class DecisionAddView(ChildFormMixin, FormView):
    parent_model = Meeting
    form_class = DecisionForm
    heading = gettext_lazy("Record a decision")
    success_message = gettext_lazy("Decision recorded.")

    def perform(self, form):
        services.decision_add(
            user=self.request.user, meeting=self.parent, text=form.cleaned_data["text"]
        )
        return self.parent


class DecisionFollowUpMixin(ChildFormMixin):
    parent_model = Decision

    def get(self, request, *args, **kwargs):
        if self.parent.followed_up:
            messages.error(request, _("This decision has already been followed up."))
            return HttpResponseRedirect(self.parent.meeting.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def success_url_for(self, result):
        return self.parent.meeting.get_absolute_url()


class DecisionCaseView(DecisionFollowUpMixin, FormView):
    form_class = DecisionCaseForm
    heading = gettext_lazy("Put the decision on the ledger")
    success_message = gettext_lazy("The decision is on the ledger.")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"user": self.request.user}

    def get_initial(self):
        return {"description": self.parent.text}

    def perform(self, form):
        data = form.cleaned_data
        return services.decision_open_case(
            user=self.request.user,
            decision=self.parent,
            topic=data["topic"],
            unit=data["unit"],
            source=data["source"],
            description=data["description"],
        )


class DecisionTaskView(DecisionFollowUpMixin, FormView):
    form_class = TaskForm
    heading = gettext_lazy("Give the decision as a task")
    success_message = gettext_lazy("Task set.")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"user": self.request.user}

    def get_initial(self):
        return {"title": self.parent.text[:200]}

    def perform(self, form):
        return services.decision_open_task(
            user=self.request.user, decision=self.parent, task=form.instance
        )


# Tasks.

STATE_CHOICES = [
    ("open", gettext_lazy("open")),
    ("overdue", gettext_lazy("overdue")),
    ("done", gettext_lazy("done")),
]


class TaskFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("status"), choices=STATE_CHOICES, method="by_state"
    )
    unit = django_filters.ModelChoiceFilter(
        label=gettext_lazy("responsible unit"), queryset=leading_units
    )

    class Meta:
        model = Task
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is not None and not access.filters_by_unit(request.user):
            del self.filters["unit"]

    def by_state(self, queryset, name, value):
        if value == "overdue":
            return queryset.overdue(clock.today())
        if value == "open":
            return queryset.open()
        return queryset.filter(status=Task.Status.DONE)


class TaskListView(ReadersMixin, FilterView):
    model = Task
    filterset_class = TaskFilter
    template_name = "agenda/task_list.html"

    def get_queryset(self):
        return (
            self.campaign_rows()
            .select_related("unit", "phase", "decision__meeting")
            .order_by("status", "due_on", "id")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_add=access.keeps_agenda(self.request.user), today=clock.today(), **kwargs
        )


class TaskCreateView(KeeperFormMixin, CreateView):
    model = Task
    form_class = TaskForm
    heading = gettext_lazy("Set a task")
    success_message = gettext_lazy("Task set.")

    def perform(self, form):
        return services.task_set(user=self.request.user, task=form.instance)


class TaskDetailView(VisibleToMixin, DetailView):
    # Whoever reads no agenda sees no row: 404 (and a POST to a page that only shows, 405).
    model = Task
    template_name = "agenda/task_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("unit", "phase", "workstream", "done_by", "decision__meeting")
        )

    def get_context_data(self, **kwargs):
        task = self.object
        form = kwargs.pop("done_form", None)
        if form is None and access.can_mark_done(self.request.user, task):
            form = DoneForm(initial={"version": task.version})
        return super().get_context_data(
            done_form=form,
            overdue=task.is_overdue(clock.today()),
            history=history_page(self.request, task, trail_type="task"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        self.object = task = self.get_object()
        if not access.reports_on(request.user, task):
            raise PermissionDenied
        form = DoneForm(request.POST)
        if form.is_valid():
            try:
                services.task_mark_done(
                    user=request.user,
                    task=task,
                    version=form.cleaned_data["version"],
                    note=form.cleaned_data["done_note"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Task marked done."))
                return HttpResponseRedirect(task.get_absolute_url())
        context = self.get_context_data(object=task, done_form=form)
        return self.render_to_response(context, status=400)


# Mechanisms.


class MechanismListView(ReadersMixin, ListView):
    model = Mechanism
    template_name = "agenda/mechanism_list.html"

    def get_queryset(self):
        return (
            self.campaign_rows()
            .select_related("meeting")
            .prefetch_related("units")
            .order_by("-adopted_on", "-id")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_add=access.keeps_agenda(self.request.user), **kwargs)


class MechanismCreateView(KeeperFormMixin, CreateView):
    model = Mechanism
    form_class = MechanismForm
    heading = gettext_lazy("Adopt a standing mechanism")
    success_message = gettext_lazy("Mechanism recorded.")

    def perform(self, form):
        return services.mechanism_adopt(
            user=self.request.user, mechanism=form.instance, units=form.cleaned_data["units"]
        )


class MechanismDetailView(VisibleToMixin, DetailView):
    # Whoever reads no agenda sees no row: 404 (and a POST to a page that only shows, 405).
    model = Mechanism
    template_name = "agenda/mechanism_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("meeting").prefetch_related("units")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            history=history_page(self.request, self.object, trail_type="mechanism"), **kwargs
        )
