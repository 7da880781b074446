import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from campaign import access
from campaign.fields import hash_of
from campaign.filters import townships
from outreach.idnumbers import parse_id_number
from outreach.models import BeneficiaryCategory, Household, Person
from outreach.plaques import holding_plaque
from outreach.selectors import visited_in_view

YES_NO = [("yes", _("yes")), ("no", _("no"))]


class HouseholdFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name or full ID number"),
        method="search",
        widget=forms.TextInput(attrs={"placeholder": _("name or full ID number")}),
    )
    township = django_filters.ModelChoiceFilter(label=_("township"), queryset=townships)
    village = django_filters.CharFilter(label=_("village / community"), lookup_expr="icontains")
    category = django_filters.ModelChoiceFilter(
        label=_("category"), queryset=BeneficiaryCategory.objects.none(), method="by_category"
    )
    visited = django_filters.ChoiceFilter(label=_("visited"), choices=YES_NO, method="by_visited")
    plaque = django_filters.ChoiceFilter(
        label=_("honour plaque"), choices=YES_NO, method="by_plaque"
    )
    archived = django_filters.ChoiceFilter(
        label=_("archived"), choices=YES_NO, method="by_archived", empty_label=None
    )

    class Meta:
        model = Household
        fields = []

    def __init__(self, data=None, *args, user, **kwargs):
        data = data.copy() if data is not None else {}
        data.setdefault("archived", "no")
        super().__init__(data, *args, **kwargs)
        self.user = user
        self.filters["category"].queryset = BeneficiaryCategory.objects.visible_to(user)
        if not access.reads_whole_county(user):
            del self.filters["township"]

    def search(self, queryset, name, value):
        value = value.strip()
        try:
            number = parse_id_number(value).number
        except ValidationError:
            number = None
        if number:
            # A full ID number matches exactly; partial numbers are not searchable by design.
            # Looked up through the hash's index first, not probed household by household.
            holders = Person.objects.filter(id_number_hash=hash_of(number)).values("household")
            return queryset.filter(pk__in=holders)
        persons = Person.objects.filter(household=OuterRef("pk"), name__icontains=value)
        return queryset.filter(Q(head_name__icontains=value) | Exists(persons))

    def by_category(self, queryset, name, value):
        persons = Person.objects.filter(household=OuterRef("pk"), categories=value, archived=False)
        return queryset.filter(Exists(persons))

    def by_visited(self, queryset, name, value):
        visited = visited_in_view(self.user)
        return queryset.filter(visited) if value == "yes" else queryset.exclude(visited)

    def by_plaque(self, queryset, name, value):
        return holding_plaque(queryset, held=(value == "yes"))

    def by_archived(self, queryset, name, value):
        return queryset.filter(archived=(value == "yes"))
