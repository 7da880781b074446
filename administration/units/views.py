"""The county's units: the list by kind with what each holds, a unit's page with its history
and merges, add, edit (rename), deactivate and reactivate."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, View
from django_filters.views import FilterView

from administration.mixins import AdministratorMixin
from administration.units import merge, selectors, services
from administration.units.forms import MergeConfirmForm, MergeForm, UnitFilter, UnitForm
from campaign.models import Unit, UnitMerge


class UnitListView(AdministratorMixin, FilterView):
    filterset_class = UnitFilter
    template_name = "administration/units/unit_list.html"
    paginate_by = 25

    def get_queryset(self):
        units = selectors.county_units(self.request.user).select_related("merged_into")
        return selectors.with_counts(units).order_by("kind", "code")


class CountyUnitMixin(AdministratorMixin):
    def http_method_not_allowed(self, request, *args, **kwargs):
        # Another county's unit is not there, whatever the method (404 before 405).
        get_object_or_404(selectors.county_units(request.user), pk=kwargs["pk"])
        return super().http_method_not_allowed(request, *args, **kwargs)


class UnitView(CountyUnitMixin, DetailView):
    template_name = "administration/units/unit_detail.html"
    context_object_name = "unit"

    def get_queryset(self):
        units = selectors.county_units(self.request.user).select_related("merged_into")
        return selectors.with_counts(units)

    def get_context_data(self, **kwargs):
        unit = self.object
        history = unit.history.select_related("history_user").order_by(
            "-history_date", "-history_id"
        )
        merges = (
            UnitMerge.objects.filter(Q(absorbed=unit) | Q(survivor=unit))
            .select_related("absorbed", "survivor", "by")
            .order_by("-merged_on", "-id")
        )
        return super().get_context_data(
            history=history,
            merges=merges,
            blockers=services.deactivation_blockers(unit) if unit.is_active else [],
            **kwargs,
        )


class UnitCreateView(AdministratorMixin, FormView):
    form_class = UnitForm
    template_name = "administration/units/unit_form.html"

    def form_valid(self, form):
        try:
            unit = services.unit_create(user=self.request.user, data=form.data_for_service())
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The unit %(name)s was added.") % {"name": unit})
        return redirect("administration:units_detail", pk=unit.pk)


class UnitEditView(AdministratorMixin, FormView):
    form_class = UnitForm
    template_name = "administration/units/unit_form.html"

    @cached_property
    def unit(self):
        return get_object_or_404(selectors.county_units(self.request.user), pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "unit": self.unit}

    def get_context_data(self, **kwargs):
        return super().get_context_data(unit=self.unit, **kwargs)

    def form_valid(self, form):
        try:
            unit = services.unit_update(
                user=self.request.user,
                unit=self.unit,
                data=form.data_for_service(),
                seen=form.cleaned_data["seen"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The unit %(name)s was saved.") % {"name": unit})
        return redirect("administration:units_detail", pk=unit.pk)


class UnitActionView(CountyUnitMixin, View):
    http_method_names = ["post"]
    done = ""

    def act(self, unit):
        raise NotImplementedError

    def post(self, request, pk):
        unit = get_object_or_404(selectors.county_units(request.user), pk=pk)
        try:
            self.act(unit)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect("administration:units_detail", pk=pk)
        messages.success(request, self.done % {"name": unit})
        return redirect("administration:units_detail", pk=pk)


class UnitDeactivateView(UnitActionView):
    def act(self, unit):
        services.unit_deactivate(user=self.request.user, unit=unit)
        self.done = _(
            "%(name)s is deactivated: it is no longer offered in forms; its records stay."
        )


class UnitReactivateView(UnitActionView):
    def act(self, unit):
        services.unit_reactivate(user=self.request.user, unit=unit)
        self.done = _("%(name)s is active again.")


def merge_townships_offered(user):
    return (
        selectors.county_units(user)
        .filter(kind=Unit.Kind.TOWNSHIP, is_active=True)
        .order_by("code")
    )


class MergeView(AdministratorMixin, View):
    """GET: the form. POST: the preview, which writes nothing and carries the choice on to the
    confirmation."""

    template_name = "administration/units/merge_form.html"
    preview_template = "administration/units/merge_preview.html"

    def get(self, request):
        absorbed = request.GET.get("absorbed", "")
        form = MergeForm(
            townships=merge_townships_offered(request.user),
            initial={"absorbed": int(absorbed)} if absorbed.isdigit() else {},
        )
        return TemplateResponse(request, self.template_name, {"form": form})

    def post(self, request):
        form = MergeForm(request.POST, townships=merge_townships_offered(request.user))
        if not form.is_valid():
            return TemplateResponse(request, self.template_name, {"form": form})
        try:
            plan = merge.merge_plan(user=request.user, **chosen(request.user, form))
        except ValidationError as exc:
            form.add_error(None, exc)
            return TemplateResponse(request, self.template_name, {"form": form})
        confirm = MergeConfirmForm(
            initial={
                "absorbed": plan.absorbed.pk,
                "survivor": plan.survivor.pk,
                "merged_on": plan.merged_on,
            }
        )
        return TemplateResponse(request, self.preview_template, {"plan": plan, "form": confirm})


def chosen(user, form) -> dict:
    data = form.cleaned_data
    return {
        "absorbed": merge.township_for_merge(user, data["absorbed"]),
        "survivor": merge.township_for_merge(user, data["survivor"]),
        "merged_on": data["merged_on"],
    }


class MergeConfirmView(AdministratorMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        form = MergeConfirmForm(request.POST)
        if not form.is_valid():
            return TemplateResponse(
                request, MergeView.template_name, {"form": MergeForm(request.POST)}
            )
        townships = chosen(request.user, form)
        try:
            done = merge.merge_townships(
                user=request.user,
                typed_name=form.cleaned_data["typed_name"],
                ticked=form.cleaned_data["ticked"],
                **townships,
            )
        except ValidationError as exc:
            try:
                plan = merge.merge_plan(user=request.user, **townships)
            except ValidationError as refused:
                start = MergeForm(request.POST, townships=merge_townships_offered(request.user))
                start.is_valid()
                start.add_error(None, refused)
                return TemplateResponse(request, MergeView.template_name, {"form": start})
            form.add_error(None, exc)
            return TemplateResponse(
                request, MergeView.preview_template, {"plan": plan, "form": form}
            )
        messages.success(
            request,
            _("%(absorbed)s is merged into %(survivor)s as of %(date)s.")
            % {"absorbed": done.absorbed, "survivor": done.survivor, "date": done.merged_on},
        )
        return redirect("administration:units_detail", pk=done.survivor.pk)
