"""Who is locked out after too many failed logins (django-axes, campaign/lockout.py), and
lifting it. An account is locked when its failures from some address reached the per-account
limit within the cool-off time."""

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone


def attempts_locking(username_ref):
    cutoff = timezone.now() - settings.AXES_COOLOFF_TIME
    return AccessAttempt.objects.filter(
        username=username_ref,
        failures_since_start__gte=settings.LOGIN_FAILURE_LIMIT,
        attempt_time__gte=cutoff,
    )


def with_locked(accounts):
    """The accounts, each annotated `locked`, in the same query."""
    return accounts.annotate(locked=Exists(attempts_locking(OuterRef("username"))))


def is_locked(account) -> bool:
    return attempts_locking(account.username).exists()


def unlock(username: str) -> int:
    """Forgets the account's failed logins; returns how many records were cleared."""
    return reset(username=username)
