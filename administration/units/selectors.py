"""What the units pages read: the county's units with their counts, each count one subquery so
the list costs the same number of queries however many units it shows."""

from django.db.models import IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from campaign.models import Unit, User
from grievances.models import OPEN_STATUSES, Case
from outreach.models import Household


class SubqueryCount(Subquery):
    template = "(SELECT COUNT(*) FROM (%(subquery)s) _count)"
    output_field = IntegerField()


def _count(queryset):
    return Coalesce(SubqueryCount(queryset.order_by().values("pk")), 0)


def open_cases_of(unit_ref) -> Q:
    """An open case this unit takes part in: its township, lead, co-responsible or subject
    unit (the co-responsible units through their link table, so no case counts twice)."""
    co = Case.co_units.through.objects.filter(unit_id=unit_ref).values("case_id")
    return Q(status__in=OPEN_STATUSES) & (
        Q(township=unit_ref) | Q(lead_unit=unit_ref) | Q(subject_unit=unit_ref) | Q(pk__in=co)
    )


def county_units(user):
    return Unit.objects.visible_to(user).filter(kind__in=Unit.COUNTY_KINDS)


def with_counts(units):
    unit = OuterRef("pk")
    return units.annotate(
        n_accounts=_count(User.objects.filter(unit=unit, is_active=True)),
        n_households=_count(Household.objects.filter(township=unit, archived=False)),
        n_open_cases=_count(Case.objects.filter(open_cases_of(unit))),
    )
