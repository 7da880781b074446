from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from notifications import access
from notifications.models import Notification, Preference, Robot


@transaction.atomic
def preference_save(*, user, in_app: bool, by_email: bool) -> Preference:
    if not access.chooses_channels(user):
        raise PermissionDenied
    chosen, _ = Preference.objects.get_or_create(user=user)
    chosen.in_app, chosen.by_email = in_app, by_email
    chosen.full_clean()
    chosen.save(update_fields=["in_app", "by_email"])
    return chosen


@transaction.atomic
def robot_save(*, user, unit, kind: str, url: str) -> Robot | None:
    """Sets the unit's group robot; an empty address removes it."""
    if not access.can_set_robot(user, unit):
        raise PermissionDenied
    robot = Robot.objects.select_for_update().filter(unit=unit).first()
    if not url:
        if robot is not None:
            robot.delete()
        return None
    robot = robot or Robot(unit=unit)
    robot.kind, robot.url = kind, url
    robot.full_clean()
    robot.save()
    return robot


def notifications_mark_read(*, user, ids) -> int:
    """The notifications the user has now seen on its list."""
    return Notification.objects.filter(recipient=user, pk__in=ids, read_at__isnull=True).update(
        read_at=timezone.now()
    )
