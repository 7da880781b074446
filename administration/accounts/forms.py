import django_filters
from django import forms
from django.db.models import Q
from django.db.models.functions import Concat
from django.utils.translation import gettext_lazy as _

from administration import access
from administration.accounts.services import AccountData, fingerprint
from campaign.models import Unit, User


class AccountForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    name = forms.CharField(label=_("Name"), max_length=150)
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Unit"))
    phone = forms.CharField(label=_("Mobile phone"), max_length=30, required=False)
    read_only = forms.BooleanField(
        label=_("Read only (county leader)"),
        required=False,
        help_text=_("Reads the whole county and changes nothing. County office only."),
    )
    is_administrator = forms.BooleanField(
        label=_("System administrator"),
        required=False,
        help_text=_("Runs 系统管理: accounts, units and lists. County office only."),
    )
    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, account=None, **kwargs):
        if account is not None:
            kwargs.setdefault(
                "initial",
                {
                    "username": account.username,
                    "name": str(account) if account.last_name or account.first_name else "",
                    "unit": account.unit_id,
                    "phone": account.phone,
                    "read_only": account.read_only,
                    "is_administrator": account.is_administrator,
                    "seen": fingerprint(account),
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = access.account_units(user)
        if account is None:
            del self.fields["seen"]

    def data_for_service(self) -> AccountData:
        data = self.cleaned_data
        return AccountData(
            username=data["username"],
            name=data["name"],
            unit=data["unit"],
            phone=data["phone"],
            read_only=data["read_only"],
            is_administrator=data["is_administrator"],
        )


STATES = [
    ("active", _("active")),
    ("inactive", _("deactivated")),
    ("locked", _("locked after failed logins")),
]


class AccountFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or username"), method="search")
    unit = django_filters.ModelChoiceFilter(queryset=Unit.objects.none(), label=_("Unit"))
    kind = django_filters.ChoiceFilter(
        field_name="unit__kind",
        label=_("Kind of unit"),
        choices=[(kind.value, kind.label) for kind in Unit.COUNTY_KINDS],
    )
    state = django_filters.ChoiceFilter(label=_("State"), choices=STATES, method="in_state")

    class Meta:
        model = User
        fields = ["q", "unit", "kind", "state"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["unit"].queryset = Unit.objects.visible_to(user).filter(
            kind__in=Unit.COUNTY_KINDS
        )

    def search(self, queryset, name, value):
        value = "".join(value.split())
        return queryset.annotate(full_name=Concat("last_name", "first_name")).filter(
            Q(username__icontains=value) | Q(full_name__icontains=value)
        )

    def in_state(self, queryset, name, value):
        if value == "locked":
            return queryset.filter(locked=True)
        return queryset.filter(is_active=value == "active")
