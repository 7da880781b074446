import re
from types import SimpleNamespace

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaign.filters import (
    MonthInputFilter,
    ReadOnceChoiceFilter,
    campaign_topics,
    leading_units,
    townships,
)
from campaign.selectors import campaign_for
from grievances import access
from grievances.models import Status
from grievances.selectors import ledger_rows
from grievances.states import open_q

YES_NO = [("yes", _("yes")), ("no", _("no"))]
NUMBER = re.compile(r"^\s*(\d{4})-(\d{1,5})\s*$")


class LedgerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        widget=forms.TextInput(attrs={"placeholder": _("number, problem or name")}),
    )
    township = ReadOnceChoiceFilter(label=_("township"), queryset=townships)
    lead_unit = ReadOnceChoiceFilter(label=_("lead unit"), queryset=leading_units)
    topic = ReadOnceChoiceFilter(label=_("topic"), queryset=campaign_topics)
    status = django_filters.ChoiceFilter(label=_("status"), choices=Status.choices)
    priority = django_filters.ChoiceFilter(label=_("priority"), choices=YES_NO, method="yes_no")
    unresolved = django_filters.ChoiceFilter(
        label=_("not yet resolved"), choices=YES_NO, method="by_unresolved"
    )
    overdue = django_filters.ChoiceFilter(label=_("overdue"), choices=YES_NO, method="flag")
    escalated = django_filters.ChoiceFilter(
        label=_("escalated (priority, overdue)"), choices=YES_NO, method="flag"
    )
    leader = ReadOnceChoiceFilter(
        label=_("leader in charge"),
        queryset=lambda request: access.leader_choices(request.user),
    )
    carried_over = django_filters.ChoiceFilter(
        label=_("carried over"), choices=YES_NO, method="flag"
    )
    # Its choices are the phases campaign_for has read already (see __init__).
    phase = django_filters.ChoiceFilter(
        label=_("phase registered in"), field_name="registered_phase", choices=[]
    )
    month = MonthInputFilter(label=_("registration month"), field_name="registered_on")
    sort = django_filters.OrderingFilter(
        label=_("sort by"),
        fields=[
            ("sequence", "number"),
            ("deadline", "deadline"),
            ("registered_on", "registered"),
            ("status", "status"),
        ],
        # Keyed by model field for the ascending label, by "-param" for the descending one:
        # django-filter has no zh_Hans catalog, so its "(descending)" would stay English.
        field_labels={
            "sequence": _("ledger number, lowest first"),
            "-number": _("ledger number, highest first"),
            "deadline": _("deadline, earliest first"),
            "-deadline": _("deadline, latest first"),
            "registered_on": _("registration date, earliest first"),
            "-registered": _("registration date, latest first"),
            "status": _("status"),
            "-status": _("status, reversed"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user
        if not access.chooses_township_on_ledger(user):
            del self.filters["township"]
        campaign = campaign_for(user)
        phases = campaign.phases.all() if campaign is not None else []
        self.filters["phase"].extra["choices"] = [(phase.pk, str(phase)) for phase in phases]

    def search(self, queryset, name, value):
        if match := NUMBER.match(value):
            return queryset.filter(year=int(match[1]), sequence=int(match[2]))
        return queryset.filter(
            Q(description__icontains=value)
            | Q(household__head_name__icontains=value)
            | Q(garrison__name__icontains=value)
            | Q(responsible_person__icontains=value)
        )

    def by_unresolved(self, queryset, name, value):
        return queryset.filter(open_q()) if value == "yes" else queryset.exclude(open_q())

    def yes_no(self, queryset, name, value):
        return queryset.filter(**{name: value == "yes"})

    def flag(self, queryset, name, value):
        return queryset.filter(**{f"is_{name}": value == "yes"})


class IntakeFilter(django_filters.FilterSet):
    """The findings waiting for the ledger, by township and topic."""

    township = ReadOnceChoiceFilter(
        label=_("township"), field_name="visit__township", queryset=townships
    )
    topic = ReadOnceChoiceFilter(label=_("topic"), queryset=campaign_topics)


def ledger_filter(user, query, *, today, request=None) -> LedgerFilter:
    """The ledger as this user may see it, filtered by a query string: for the page, its
    print and its export, in a request or in a worker (which has only the user)."""
    # The campaign leads the ledger number's unique index, so this order is an index scan.
    rows = ledger_rows(user=user, today=today, campaign=campaign_for(user)).order_by(
        "campaign_id", "year", "sequence"
    )
    return LedgerFilter(query or None, queryset=rows, request=request or SimpleNamespace(user=user))
