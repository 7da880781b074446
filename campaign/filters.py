import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaign.models import Unit

# The years a list may be filtered by: a value outside them (0, -1, 1e5, twenty digits) is a
# form error shown beside the field, never a query.
FIRST_YEAR, LAST_YEAR = 1949, 2100


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(*args, **kwargs)


class MonthFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 12)
        super().__init__(*args, **kwargs)


class UnitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")

    class Meta:
        model = Unit
        fields = ["kind"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(short_name__icontains=value))
