"""The pages of the small registries: a list for each (every signed-in user of the county reads
them), a record's page with its history, and add, edit and remove for the office's writers
(campaign.access.keeps_the_registries). A record is reached through visible_to first, so
another county's answers 404 whatever the method; a right missing answers 403."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from django_filters.views import FilterView

from campaign import access, record_links, registries
from campaign.history import history_page
from campaign.mixins import AllowedMixin
from campaign.models import Commendation, ModelFigure, SupportOrganisation
from campaign.registry_forms import (
    CommendationFilter,
    CommendationForm,
    ModelFigureFilter,
    ModelFigureForm,
    SupportOrganisationFilter,
    SupportOrganisationForm,
)


@dataclass(frozen=True)
class Registry:
    key: str  # the URL names: <key>s, <key>_add, <key>, <key>_edit, <key>_remove
    model: type
    form_class: type
    filterset_class: type
    title: str
    add_label: str
    trail_type: str  # its record type in the operation log (audit/trail.py)

    def url(self, suffix="", *args) -> str:
        return reverse(f"campaign:{self.key}{suffix}", args=args)

    def records(self, user):
        return self.model.objects.visible_to(user).select_related("unit")


FIGURES = Registry(
    "figure",
    ModelFigure,
    ModelFigureForm,
    ModelFigureFilter,
    gettext_lazy("Publicised models"),
    gettext_lazy("Add a publicised model"),
    "model_figure",
)
COMMENDATIONS = Registry(
    "commendation",
    Commendation,
    CommendationForm,
    CommendationFilter,
    gettext_lazy("Commendations"),
    gettext_lazy("Add a commendation"),
    "commendation",
)
ORGANISATIONS = Registry(
    "organisation",
    SupportOrganisation,
    SupportOrganisationForm,
    SupportOrganisationFilter,
    gettext_lazy("Social support organisations"),
    gettext_lazy("Add a support organisation"),
    "support_organisation",
)
REGISTRIES = (FIGURES, COMMENDATIONS, ORGANISATIONS)
PATHS = ("recognition/models", "recognition/commendations", "recognition/organisations")


def shown_fields(record, names) -> list[tuple[str, object]]:
    """(label, value) for a record's page, choices and units as a reader knows them."""
    rows = []
    for name in names:
        field = record._meta.get_field(name)
        value = getattr(record, name)
        if field.choices:
            value = getattr(record, f"get_{name}_display")()
        elif name == "unit":
            value = value.label if value else ""
        rows.append((field.verbose_name, value))
    return rows


class RegistryListView(LoginRequiredMixin, FilterView):
    registry: Registry = None
    paginate_by = 25

    def get_template_names(self):
        return [f"campaign/registries/{self.registry.key}_list.html"]

    def get_filterset_class(self):
        return self.registry.filterset_class

    def get_queryset(self):
        return self.registry.records(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            registry=self.registry,
            can_keep=access.keeps_the_registries(self.request.user),
            **kwargs,
        )


class RegistryRecordMixin(LoginRequiredMixin):
    """A record of the county in view, looked up before anything else: another county's
    record is not there (404) whatever the method, and only then is the right asked."""

    registry: Registry = None
    keepers_only = True

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.record = get_object_or_404(self.registry.records(request.user), pk=kwargs["pk"])
        if self.keepers_only and not access.keeps_the_registries(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("registry", self.registry)
        return super().get_context_data(record=self.record, **kwargs)


class RegistryDetailView(RegistryRecordMixin, TemplateView):
    keepers_only = False
    template_name = "campaign/registries/detail.html"

    def get_context_data(self, **kwargs):
        record = self.record
        record_links.attach(self.request.user, [record])
        names = [n for n in self.registry.form_class.Meta.fields]
        if isinstance(record, SupportOrganisation):
            names.append("active")
        return super().get_context_data(
            rows=shown_fields(record, names),
            can_keep=access.keeps_the_registries(self.request.user),
            history=history_page(self.request, record, trail_type=self.registry.trail_type),
            **kwargs,
        )


class RegistryFormMixin:
    registry: Registry = None
    template_name = "campaign/registries/form.html"

    def get_form_class(self):
        return self.registry.form_class

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        kwargs.setdefault("registry", self.registry)
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        record = form.save(commit=False)
        try:
            record = registries.registry_save(
                user=self.request.user, record=record, version=form.cleaned_data.get("version")
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved: %(record)s.") % {"record": record})
        return HttpResponseRedirect(self.registry.url("", record.pk))


class RegistryCreateView(AllowedMixin, RegistryFormMixin, FormView):
    allowed = access.keeps_the_registries


class RegistryEditView(RegistryRecordMixin, RegistryFormMixin, FormView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.record}


class RegistryRemoveView(RegistryRecordMixin, TemplateView):
    """GET asks for confirmation; POST removes the record unless something refers to it."""

    template_name = "campaign/registries/remove.html"

    def post(self, request, pk):
        try:
            registries.registry_remove(user=request.user, record=self.record)
        except ValidationError as exc:
            context = self.get_context_data(refusal=exc.messages)
            return self.render_to_response(context, status=409)
        messages.success(request, _("Removed: %(record)s.") % {"record": self.record})
        return redirect(self.registry.url("s"))


class OrganisationActiveView(RegistryRecordMixin, View):
    """A button on the organisation's page: deactivate (or reactivate) it."""

    registry = ORGANISATIONS
    http_method_names = ["post"]
    active = True

    def post(self, request, pk):
        organisation = registries.organisation_set_active(
            user=request.user, organisation=self.record, active=self.active
        )
        done = (
            _("%(name)s is active again and offered for activities.")
            if self.active
            else _("%(name)s is deactivated: its activities stay, new ones no longer name it.")
        )
        messages.success(request, done % {"name": organisation})
        return redirect(self.registry.url("", organisation.pk))


def registry_urls():
    """The five pages of each registry, and an organisation's two buttons."""
    from django.urls import path

    patterns = []
    for registry, prefix in zip(REGISTRIES, PATHS, strict=True):
        views = {"registry": registry}
        key = registry.key
        patterns += [
            path(f"{prefix}/", RegistryListView.as_view(**views), name=f"{key}s"),
            path(f"{prefix}/add/", RegistryCreateView.as_view(**views), name=f"{key}_add"),
            path(f"{prefix}/<int:pk>/", RegistryDetailView.as_view(**views), name=key),
            path(f"{prefix}/<int:pk>/edit/", RegistryEditView.as_view(**views), name=f"{key}_edit"),
            path(
                f"{prefix}/<int:pk>/remove/",
                RegistryRemoveView.as_view(**views),
                name=f"{key}_remove",
            ),
        ]
    return [
        *patterns,
        path(
            "recognition/organisations/<int:pk>/deactivate/",
            OrganisationActiveView.as_view(active=False),
            name="organisation_deactivate",
        ),
        path(
            "recognition/organisations/<int:pk>/reactivate/",
            OrganisationActiveView.as_view(active=True),
            name="organisation_reactivate",
        ),
    ]
