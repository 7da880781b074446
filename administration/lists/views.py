"""The reference lists of the county in view: the index of lists, one list's values with how
many records name each, add, edit (rename), move up or down, retire, reinstate, delete."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView, View

from administration.lists import services
from administration.lists.forms import ValueForm
from administration.lists.registry import all_lists, list_numbered
from administration.mixins import AdministratorMixin
from campaign import access as rule


class ListIndexView(AdministratorMixin, TemplateView):
    template_name = "administration/lists/index.html"

    def get_context_data(self, **kwargs):
        county_id = rule.county_in_view_id(self.request.user)
        rows = []
        for reference_list in all_lists():
            counts = reference_list.model.objects.filter(county_id=county_id).aggregate(
                offered=Count("pk", filter=Q(retired=False)),
                retired=Count("pk", filter=Q(retired=True)),
            )
            rows.append((reference_list, counts))
        return super().get_context_data(rows=rows, **kwargs)


class ReferenceListMixin(AdministratorMixin):
    @cached_property
    def reference_list(self):
        found = list_numbered(self.kwargs["number"])
        if found is None:
            raise Http404
        return found

    def county_value(self):
        """The value of the county in view; another county's is not there (404)."""
        return get_object_or_404(
            self.reference_list.model.objects.filter(
                county_id=rule.county_in_view_id(self.request.user)
            ),
            pk=self.kwargs["pk"],
        )

    def http_method_not_allowed(self, request, *args, **kwargs):
        if "pk" in kwargs:
            self.county_value()
        return super().http_method_not_allowed(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(reference_list=self.reference_list, **kwargs)


class ValueListView(ReferenceListMixin, ListView):
    template_name = "administration/lists/value_list.html"
    paginate_by = 50

    def get_queryset(self):
        return services.county_values(self.request.user, self.reference_list)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = self.reference_list.shown_usages
        extras = self.reference_list.extra_fields
        model = self.reference_list.model
        context["usage_labels"] = [usage.label for _i, usage in shown]
        context["extra_labels"] = [model._meta.get_field(name).verbose_name for name in extras]
        # Each cell beside its column's name, which labels it when a phone shows rows as cards.
        for value in context["object_list"]:
            value.extras = [getattr(value, name) for name in extras]
            value.usages = [getattr(value, f"used_{i}") for i, _usage in shown]
            value.extra_cells = list(zip(context["extra_labels"], value.extras, strict=True))
            value.usage_cells = list(zip(context["usage_labels"], value.usages, strict=True))
            value.named = services.times_named(self.reference_list, value)
        return context


class ValueAddView(ReferenceListMixin, FormView):
    form_class = ValueForm
    template_name = "administration/lists/value_form.html"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "reference_list": self.reference_list,
            "county_id": rule.county_in_view_id(self.request.user),
        }

    def form_valid(self, form):
        try:
            value = services.value_add(
                user=self.request.user,
                reference_list=self.reference_list,
                data=form.data_for_service(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("%(name)s was added.") % {"name": value.name})
        return redirect("administration:lists_values", number=self.reference_list.number)


class ValueEditView(ReferenceListMixin, FormView):
    form_class = ValueForm
    template_name = "administration/lists/value_form.html"

    @cached_property
    def value(self):
        return self.county_value()

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "reference_list": self.reference_list,
            "county_id": self.value.county_id,
            "value": self.value,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(value=self.value, **kwargs)

    def form_valid(self, form):
        try:
            value = services.value_update(
                user=self.request.user,
                reference_list=self.reference_list,
                value=self.value,
                data=form.data_for_service(),
                seen=form.cleaned_data["seen"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("%(name)s was saved.") % {"name": value.name})
        return redirect("administration:lists_values", number=self.reference_list.number)


class ValueActionView(ReferenceListMixin, View):
    """A button on the list's page: one service call, then back to the list."""

    http_method_names = ["post"]

    def act(self, value) -> str:
        raise NotImplementedError

    def post(self, request, number, pk):
        value = self.county_value()
        try:
            done = self.act(value)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, done % {"name": value.name})
        url = redirect("administration:lists_values", number=number).url
        page = request.POST.get("page", "")
        return redirect(f"{url}?page={page}" if page.isdigit() else url)


class ValueMoveView(ValueActionView):
    def act(self, value):
        up = self.request.POST.get("direction") != "down"
        services.value_move(
            user=self.request.user, reference_list=self.reference_list, value=value, up=up
        )
        return _("%(name)s moved up.") if up else _("%(name)s moved down.")


class ValueRetireView(ValueActionView):
    def act(self, value):
        services.value_retire(
            user=self.request.user, reference_list=self.reference_list, value=value, retired=True
        )
        return _("%(name)s is retired: the records that hold it keep it; forms no longer offer it.")


class ValueReinstateView(ValueActionView):
    def act(self, value):
        services.value_retire(
            user=self.request.user, reference_list=self.reference_list, value=value, retired=False
        )
        return _("%(name)s is offered again.")


class ValueDeleteView(ValueActionView):
    def act(self, value):
        services.value_delete(
            user=self.request.user, reference_list=self.reference_list, value=value
        )
        return _("%(name)s was deleted.")
