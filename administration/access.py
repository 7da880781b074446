"""Who runs the county's system. Only the county office's administrators (the flag on their
account) reach 系统管理; the rest of the office is told it lacks the right (403), everyone else
finds nothing there (404). Everything an administrator does stays inside the county in view."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from campaign import access as rule


def administers(user) -> bool:
    return rule.administers(user)


def refusal_for(user) -> type[Exception]:
    """The office's other users learn the page needs an administrator; others see nothing."""
    return PermissionDenied if rule.office_writes(user) else Http404
