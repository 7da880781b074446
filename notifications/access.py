"""Who reads and sets what of the reminders. Everyone with a role in a county gets a digest and
chooses its channels; a unit's group robot is set by the county office or by an administrator
of that unit; the office reads how every delivery went, failures with their error."""

from django.db.models import Q

from campaign import access as rule


def receives_reminders(user) -> bool:
    return rule.everyone(user)


def chooses_channels(user) -> bool:
    """An office above the counties changes nothing under them, its own settings included: its
    digests go by the defaults."""
    return receives_reminders(user) and not rule.is_higher_office(user)


def reads_deliveries(user) -> bool:
    return rule.office_writes(user)


def sets_robots(user) -> bool:
    """May open the robot page at all: the office, or an administrator of its own unit."""
    return rule.office_writes(user) or (rule.writes(user) and bool(user.is_administrator))


def can_set_robot(user, unit) -> bool:
    if unit.area_id != rule.county_in_view_id(user):
        return False
    if rule.office_writes(user):
        return True
    return rule.writes(user) and bool(user.is_administrator) and user.unit_id == unit.pk


def robot_units(user) -> Q:
    """Of the units the user sees, those whose robot it may set."""
    return Q() if rule.office_writes(user) else Q(pk=user.unit_id)


def notification_scope(user) -> Q | None:
    return Q(recipient_id=user.pk)


def delivery_scope(user) -> Q | None:
    return Q(user_id=user.pk)


def robot_scope(user) -> Q | None:
    return Q(unit_id=user.unit_id) if user.unit_id else None
