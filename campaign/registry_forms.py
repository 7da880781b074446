"""The forms and list filters of the small registries (campaign/registries.py writes)."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaign.filters import YearFilter, units
from campaign.forms import DateInput
from campaign.models import Commendation, ModelFigure, SupportOrganisation
from campaign.registries import registry_units

YES_NO = [("yes", _("yes")), ("no", _("no"))]


class RegistryForm(forms.ModelForm):
    """The version the form was opened on travels with it, so a save made on an older copy
    is refused (campaign.registries.changed_meanwhile)."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        required=False,
        error_messages={
            "required": _("This form is incomplete: open the record again and make your change.")
        },
    )
    name_field = "name"
    name_required = _("Give the name.")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = registry_units(user, keep=self.instance.unit_id)
        self.fields["version"].required = self.instance.pk is not None
        self.fields[self.name_field].error_messages["required"] = self.name_required
        if not self.is_bound:
            self.initial["version"] = self.instance.version


class ModelFigureForm(RegistryForm):
    name_required = _("Give the publicised model's name.")

    class Meta:
        model = ModelFigure
        fields = ["category", "name", "unit", "year", "story", "publicised_in"]
        widgets = {"story": forms.Textarea(attrs={"rows": 4})}


class CommendationForm(RegistryForm):
    name_field = "title"
    name_required = _("Give the title of the commendation.")

    class Meta:
        model = Commendation
        fields = ["kind", "unit", "person_name", "title", "commended_on", "citation"]
        widgets = {"commended_on": DateInput(), "citation": forms.Textarea(attrs={"rows": 3})}


class SupportOrganisationForm(RegistryForm):
    name_required = _("Give the organisation's name.")

    class Meta:
        model = SupportOrganisation
        fields = ["kind", "name", "unit", "contact", "phone", "members", "services"]
        widgets = {"services": forms.Textarea(attrs={"rows": 3})}


def search_field():
    return django_filters.CharFilter(label=_("Search"), method="search")


class ModelFigureFilter(django_filters.FilterSet):
    q = search_field()
    category = django_filters.ChoiceFilter(
        label=_("category"), choices=ModelFigure.Category.choices
    )
    year = YearFilter(label=_("year"), field_name="year")
    unit = django_filters.ModelChoiceFilter(label=_("unit"), queryset=units)

    class Meta:
        model = ModelFigure
        fields = []

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(story__icontains=value))


class CommendationFilter(django_filters.FilterSet):
    q = search_field()
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=Commendation.Kind.choices)
    year = YearFilter(label=_("year"), field_name="commended_on", lookup_expr="year")
    unit = django_filters.ModelChoiceFilter(label=_("unit"), queryset=units)

    class Meta:
        model = Commendation
        fields = []

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(title__icontains=value) | Q(person_name__icontains=value))


class SupportOrganisationFilter(django_filters.FilterSet):
    q = search_field()
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=SupportOrganisation.Kind.choices)
    unit = django_filters.ModelChoiceFilter(label=_("unit in charge"), queryset=units)
    active = django_filters.ChoiceFilter(label=_("active"), choices=YES_NO, method="by_active")

    class Meta:
        model = SupportOrganisation
        fields = []

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(
            Q(name__icontains=value) | Q(contact__icontains=value) | Q(services__icontains=value)
        )

    def by_active(self, queryset, name, value):
        return queryset.filter(active=(value == "yes"))
