import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaign.long_choices import LongSelect, OneReadChoices
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


class MonthField(forms.CharField):
    """A month as <input type="month"> sends it (2015-06); 2015-13 is a form error."""

    widget = forms.TextInput(attrs={"type": "month"})

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            year, month = (int(part) for part in value.split("-"))
        except ValueError:
            year = month = 0
        if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
            raise forms.ValidationError(_("Enter a month as 2015-06."), code="month")
        return (year, month)


class MonthInputFilter(django_filters.Filter):
    """Rows whose date field falls in the month given."""

    field_class = MonthField

    def filter(self, qs, value):
        if not value:
            return qs
        year, month = value
        return qs.filter(**{f"{self.field_name}__year": year, f"{self.field_name}__month": month})


class _ReadOnceChoices(django_filters.fields.ModelChoiceIterator, OneReadChoices):
    pass


class _ReadOnceField(django_filters.fields.ModelChoiceField):
    iterator = _ReadOnceChoices
    widget = LongSelect


class ReadOnceChoiceFilter(django_filters.ModelChoiceFilter):
    """A filter by one of the county's records (a unit, topic, leader or phase): its choices
    read in one query and rendered in one pass (campaign.long_choices). The county's units run
    to hundreds."""

    field_class = _ReadOnceField


def townships(request):
    """The townships a list may be filtered by: those of the county in view."""
    return Unit.objects.visible_to(request.user).of_kind(Unit.Kind.TOWNSHIP)


def units(request):
    return Unit.objects.visible_to(request.user)


def leading_units(request):
    """The units that lead cases: townships and member units."""
    return Unit.objects.visible_to(request.user).of_kind(*Unit.WORKING_KINDS)


class UnitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")

    class Meta:
        model = Unit
        fields = ["kind"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(short_name__icontains=value))


def campaign_topics(request):
    """The topics a list offers: those of the campaign its user is looking at."""
    from campaign.selectors import campaign_for, topics_of

    return topics_of(campaign_for(request.user) if request is not None else None)


def campaign_workstreams(request):
    """The workstreams a list offers: those of the campaign its user is looking at."""
    from campaign.selectors import campaign_for, workstreams_of

    return workstreams_of(campaign_for(request.user) if request is not None else None)
