import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaign.models import Unit


class UnitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")

    class Meta:
        model = Unit
        fields = ["kind"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(short_name__icontains=value))
