import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from administration.units.services import UnitData
from campaign.history import seen_mark
from campaign.models import Unit


class UnitForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of unit"), choices=[(kind.value, kind.label) for kind in Unit.COUNTY_KINDS]
    )
    name = forms.CharField(label=_("Name"), max_length=100)
    short_name = forms.CharField(label=_("Short name"), max_length=30, required=False)
    code = forms.SlugField(
        label=_("Code"),
        max_length=30,
        help_text=_("Letters, digits and hyphens; unique in the county."),
    )
    contact = forms.CharField(label=_("Contact person"), max_length=50, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, unit=None, **kwargs):
        if unit is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": unit.name,
                    "short_name": unit.short_name,
                    "code": unit.code,
                    "contact": unit.contact,
                    "phone": unit.phone,
                    "seen": seen_mark(unit),
                },
            )
        super().__init__(*args, **kwargs)
        if unit is None:
            del self.fields["seen"]
        else:
            # The kind of a unit does not change: its records are of that kind.
            del self.fields["kind"]

    def data_for_service(self) -> UnitData:
        data = self.cleaned_data
        return UnitData(
            name=data["name"],
            short_name=data["short_name"],
            code=data["code"],
            contact=data["contact"],
            phone=data["phone"],
            kind=data.get("kind", ""),
        )


STATES = [("active", _("active")), ("inactive", _("deactivated"))]


class UnitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Name"))
    kind = django_filters.ChoiceFilter(
        label=_("Kind of unit"), choices=[(kind.value, kind.label) for kind in Unit.COUNTY_KINDS]
    )
    state = django_filters.ChoiceFilter(label=_("State"), choices=STATES, method="in_state")

    class Meta:
        model = Unit
        fields = ["q", "kind", "state"]

    def in_state(self, queryset, name, value):
        return queryset.filter(is_active=value == "active")


class MergeForm(forms.Form):
    """The townships are taken by number and looked up in the administrator's county by the
    view: another county's township is not found (404), a wrong kind is refused by name."""

    absorbed = forms.IntegerField(label=_("Township absorbed"), widget=forms.Select)
    survivor = forms.IntegerField(label=_("Township that takes it over"), widget=forms.Select)
    merged_on = forms.DateField(
        label=_("Merged on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The day the merge takes effect."),
    )

    def __init__(self, *args, townships=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "---------")] + [(unit.pk, unit.name) for unit in townships]
        self.fields["absorbed"].widget.choices = choices
        self.fields["survivor"].widget.choices = choices


class MergeConfirmForm(MergeForm):
    ticked = forms.BooleanField(
        label=_("I understand that a merge can be undone only by restoring a backup."),
        required=False,
    )
    typed_name = forms.CharField(
        label=_("Type the absorbed township's name to confirm"), max_length=100, required=False
    )
