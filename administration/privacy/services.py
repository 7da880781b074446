from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from administration import access
from campaign.access import county_in_view_id
from campaign.history import last_change, seen_mark, who_and_when
from outreach.models import RetentionPolicy
from outreach.models.retention import DEFAULT_MONTHS


def county_policy(user) -> RetentionPolicy | None:
    return RetentionPolicy.objects.visible_to(user).first()


def months_in_force(policy: RetentionPolicy | None) -> int:
    return policy.months if policy else DEFAULT_MONTHS


def _refuse_if_stale(policy, seen: str) -> None:
    if policy is None or seen_mark(policy) == seen:
        return
    raise ValidationError(
        _(
            "%(who)s changed the retention period at %(when)s, after you opened the form. "
            "Look at it again and make your change once more."
        )
        % who_and_when(last_change(policy)),
        code="stale",
    )


@transaction.atomic
def retention_set(*, user, months: int, seen: str) -> RetentionPolicy:
    """The county's period, in months after archiving; a form opened before another
    administrator's change is refused."""
    if not access.administers(user):
        raise PermissionDenied
    county = county_in_view_id(user)
    policy = RetentionPolicy.objects.select_for_update().filter(county_id=county).first()
    _refuse_if_stale(policy, seen)
    if policy is None:
        policy = RetentionPolicy(county_id=county)
    policy.months = months
    policy.full_clean()
    policy._history_user = user
    policy.save()
    return policy
