from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from administration import access
from campaign.access import county_in_view_id
from outreach.models import RetentionPolicy
from outreach.models.retention import DEFAULT_MONTHS


def county_policy(user) -> RetentionPolicy | None:
    return RetentionPolicy.objects.visible_to(user).first()


def months_in_force(policy: RetentionPolicy | None) -> int:
    return policy.months if policy else DEFAULT_MONTHS


def seen_mark(policy: RetentionPolicy | None) -> str:
    """What the form remembers of the setting: its newest history row ("" while unset)."""
    row = policy.history.order_by("-history_date", "-history_id").first() if policy else None
    return str(row.history_id) if row else ""


def _refuse_if_stale(policy, seen: str) -> None:
    if policy is None or seen_mark(policy) == seen:
        return
    row = policy.history.select_related("history_user").order_by("-history_date").first()
    raise ValidationError(
        _(
            "%(who)s changed the retention period at %(when)s, after you opened the form. "
            "Look at it again and make your change once more."
        )
        % {
            "who": row.history_user.display_name if row.history_user else _("someone"),
            "when": timezone.localtime(row.history_date).strftime("%Y-%m-%d %H:%M"),
        },
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
