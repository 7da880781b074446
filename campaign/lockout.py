"""How many wrong passwords lock a login (django-axes). Five for one account from one address
lock that pair; an address that tries passwords against many accounts is locked once its
failures across them reach a higher limit, so guessing across usernames is stopped while a
county office whose staff share one address is not shut out by a few typing mistakes.

settings.AXES_LOCKOUT_PARAMETERS counts [username and address] first and [address] second;
axes locks when the larger count reaches this limit."""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.db.models import Sum


def failure_limit(request, credentials) -> int:
    per_account = settings.LOGIN_FAILURE_LIMIT
    pair = AxesProxyHandler.get_implementation().get_user_attempts(request, credentials)[0]
    failures = pair.aggregate(n=Sum("failures_since_start"))["n"] or 0
    return per_account if failures >= per_account else settings.LOGIN_ADDRESS_FAILURE_LIMIT
