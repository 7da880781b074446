import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, DetailView, FormView, UpdateView, View
from django_filters.views import FilterView

from campaign import clock, record_links
from campaign.access import county_in_view_id
from campaign.filters import townships
from campaign.history import history_page
from campaign.mixins import AllowedMixin, EditRightsMixin, ServiceFormMixin, VisibleToMixin
from campaign.models import Topic, Unit
from campaign.selectors import campaign_for
from outreach import access, services
from outreach.field_unit_views import found_household
from outreach.filters import HouseholdFilter
from outreach.forms import HouseholdForm, PersonForm, VisitForm
from outreach.models import Finding, Household, IdNumberView, Person, Visit
from outreach.selectors import (
    HOUSEHOLD_ORDER,
    next_household_to_visit,
    survey_coverage,
    visited_in_view,
)


class RegistryMixin(AllowedMixin, VisibleToMixin):
    allowed = access.reads_registry
    refusal = Http404


class HouseholdListView(RegistryMixin, FilterView):
    model = Household
    filterset_class = HouseholdFilter
    template_name = "outreach/household_list.html"
    paginate_by = 25

    def get_filterset_kwargs(self, filterset_class):
        return super().get_filterset_kwargs(filterset_class) | {"user": self.request.user}

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("township")
            .annotate(
                person_count=Count("persons", filter=Q(persons__archived=False)),
                visited=visited_in_view(self.request.user),
            )
            .order_by(*HOUSEHOLD_ORDER)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["coverage"] = survey_coverage(self.request.user)
        context["can_add"] = access.can_register_households(self.request.user)
        return context


class HouseholdDetailView(RegistryMixin, DetailView):
    model = Household
    template_name = "outreach/household_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("township", "plaque")
            .prefetch_related(
                Prefetch(
                    "persons",
                    queryset=Person.objects.prefetch_related("categories", "priority_marks"),
                ),
                # Every campaign's visits, the latest campaign first, each under its name.
                Prefetch(
                    "visits",
                    queryset=Visit.objects.select_related("campaign")
                    .order_by("-campaign__starts_on", "-visited_on", "-id")
                    .prefetch_related(
                        Prefetch("findings", queryset=Finding.objects.select_related("topic"))
                    ),
                ),
            )
        )

    def get_context_data(self, **kwargs):
        household = self.object
        user = self.request.user
        # Once anonymised there is nothing left to show in full, and no look to log.
        show_full = access.can_see_full_id(user, household) and household.anonymised_on is None
        persons = list(household.persons.all())
        if show_full:
            services.persons_log_full_view(
                user=user, persons=[p for p in persons if p.anonymised_on is None]
            )
        record_links.attach(user, [household])
        history = history_page(self.request, household, trail_type="household")
        return super().get_context_data(
            persons=persons,
            show_full=show_full,
            can_edit=access.can_edit(user, household),
            reads_looks=access.reads_looks(user),
            history=history,
            **kwargs,
        )


class HouseholdFormMixin(ServiceFormMixin):
    model = Household
    form_class = HouseholdForm
    template_name = "outreach/household_form.html"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"user": self.request.user}

    def perform(self, form):
        self.object = services.household_save(user=self.request.user, household=form.instance)
        return self.object


class HouseholdCreateView(AllowedMixin, HouseholdFormMixin, CreateView):
    allowed = access.can_register_households
    success_message = gettext_lazy("Household registered. Now add its persons.")

    def success_url_for(self, household):
        return reverse("outreach:person_add", args=[household.pk])


class HouseholdUpdateView(EditRightsMixin, HouseholdFormMixin, UpdateView):
    can_edit = access.can_edit
    success_message = gettext_lazy("Household saved.")


class HouseholdArchiveView(LoginRequiredMixin, View):
    def post(self, request, pk):
        household = get_object_or_404(
            Household.objects.visible_to(request.user).select_related("township"), pk=pk
        )
        if not access.can_edit(request.user, household):
            raise PermissionDenied
        restore = request.POST.get("restore") == "1"
        try:
            services.household_archive(user=request.user, household=household, archived=not restore)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("Household restored.") if restore else _("Household archived.")
            )
        return HttpResponseRedirect(household.get_absolute_url())


class PersonFormMixin(ServiceFormMixin):
    model = Person
    form_class = PersonForm
    template_name = "outreach/person_form.html"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"household": self.household, "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(household=self.household, **kwargs)

    def perform(self, form):
        warnings = services.person_save(
            user=self.request.user,
            person=form.instance,
            categories=form.cleaned_data["categories"],
            priority_marks=form.cleaned_data["priority_marks"],
        )
        for warning in warnings:
            messages.warning(self.request, warning)
        return form.instance

    def success_message_for(self, person):
        return _("Person saved: %(name)s.") % {"name": person.name}

    def success_url_for(self, person):
        if "add_another" in self.request.POST:
            return reverse("outreach:person_add", args=[self.household.pk])
        return self.household.get_absolute_url()


class PersonCreateView(VisibleToMixin, PersonFormMixin, CreateView):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.household = get_object_or_404(
            Household.objects.visible_to(request.user).select_related("township"),
            pk=kwargs["household_pk"],
        )
        if not access.can_edit(request.user, self.household):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PersonUpdateView(EditRightsMixin, PersonFormMixin, UpdateView):
    can_edit = access.can_edit

    def get_queryset(self):
        return super().get_queryset().select_related("household__township")

    def get_object(self, queryset=None):
        person = super().get_object(queryset)
        self.household = person.household
        return person

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        # The form shows the stored ID number and phone whole: a full view, logged.
        services.persons_log_full_view(
            user=request.user, persons=[self.object], source=IdNumberView.Source.PERSON_FORM
        )
        return super().get(request, *args, **kwargs)


class VisitCreateView(VisibleToMixin, ServiceFormMixin, FormView):
    """A visit to a household (topics 4–7) or to a garrison unit (topics 1–3)."""

    form_class = VisitForm
    template_name = "outreach/visit_form.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return self.handle_no_permission()
        self.household = self.garrison = None
        if "household_pk" in kwargs:
            households = Household.objects.visible_to(user)
            if found_household(request) == kwargs["household_pk"]:
                # The household a member unit just found by its exact ID number.
                households = Household.objects.in_county(county_in_view_id(user))
            self.household = get_object_or_404(
                households.active().select_related("township"), pk=kwargs["household_pk"]
            )
            self.township = self.household.township
            if not access.can_visit_household(user, self.household):
                raise PermissionDenied
        else:
            self.garrison = get_object_or_404(
                Unit.objects.visible_to(user).of_kind(Unit.Kind.GARRISON), pk=kwargs["garrison_pk"]
            )
            if not access.can_visit_garrisons(user):
                raise PermissionDenied
            # The office may say which township's survey the visit counts for.
            self.township = None if access.chooses_township(user) else access.own_township(user)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        about = Topic.About.BENEFICIARY if self.household else Topic.About.GARRISON
        county_id = (self.household.township if self.household else self.garrison).area_id
        return super().get_form_kwargs() | {
            "about": about,
            "county_id": county_id,
            "campaign": campaign_for(self.request.user),
        }

    def get_initial(self):
        return {"visited_on": clock.today(), "visitors": self.request.user.display_name}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.township is None and access.chooses_township(self.request.user):
            form.fields["township"] = forms.ModelChoiceField(
                Unit.objects.visible_to(self.request.user)
                .of_kind(Unit.Kind.TOWNSHIP)
                .filter(is_active=True),
                label=_("township"),
                required=False,
                help_text=_("Leave empty to count the visit as the office's own."),
            )
        return form

    def get_context_data(self, **kwargs):
        return super().get_context_data(household=self.household, garrison=self.garrison, **kwargs)

    def perform(self, form):
        data = form.cleaned_data
        return services.visit_record(
            user=self.request.user,
            township=self.township or data.get("township"),
            household=self.household,
            garrison=self.garrison,
            visited_on=data["visited_on"],
            visitors=data["visitors"],
            notes=data["notes"],
            findings=data["findings"],
        )

    def success_message_for(self, visit):
        return _("Visit recorded with %(count)s findings.") % {"count": visit.findings.count()}


class VisitDetailView(RegistryMixin, DetailView):
    model = Visit
    template_name = "outreach/visit_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("township", "unit", "household", "garrison", "created_by")
            .prefetch_related(
                Prefetch(
                    "findings",
                    queryset=Finding.objects.select_related("topic").prefetch_related(
                        "policies_done", "policies_missing"
                    ),
                )
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, household = self.request.user, self.object.household
        # On to the next household of the clerk's round, straight from the visit just saved.
        context["goes_on"] = bool(household) and access.surveys_households(user)
        if context["goes_on"]:
            context["next_household"] = next_household_to_visit(user, after=household)
        return context


class VisitFilter(django_filters.FilterSet):
    township = django_filters.ModelChoiceFilter(label=gettext_lazy("township"), queryset=townships)

    class Meta:
        model = Visit
        fields = []


class VisitListView(RegistryMixin, FilterView):
    model = Visit
    template_name = "outreach/visit_list.html"
    paginate_by = 25
    filterset_class = VisitFilter

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(campaign=campaign_for(self.request.user))
            .select_related("township", "unit", "household", "garrison")
            .annotate(
                finding_count=Count("findings"),
                action_count=Count("findings", filter=Q(findings__needs_action=True)),
            )
            .order_by("-visited_on", "-id")
        )

    def get_context_data(self, **kwargs):
        user = self.request.user
        garrisons = []
        if access.can_visit_garrisons(user):
            garrisons = Unit.objects.visible_to(user).of_kind(Unit.Kind.GARRISON)
        return super().get_context_data(
            garrisons=garrisons, looks_up=access.looks_up_by_id_number(user), **kwargs
        )
