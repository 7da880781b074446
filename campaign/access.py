"""Who may change the campaign's own records: the 五个一 checklist and inspections."""

from campaign.models import FiveOnesItem, Inspection, Role, Unit


def can_edit_five_ones(user, unit: Unit) -> bool:
    """A township or member unit keeps its own checklist; the office may correct any."""
    if not user.may_write or unit.kind not in (Unit.Kind.TOWNSHIP, Unit.Kind.MEMBER):
        return False
    return user.role == Role.OFFICE or user.unit_id == unit.pk


def can_inspect(user) -> bool:
    return user.may_write and user.role == Role.OFFICE


def can_edit(user, obj) -> bool:
    if isinstance(obj, FiveOnesItem):
        return can_edit_five_ones(user, obj.unit)
    if isinstance(obj, Inspection):
        return can_inspect(user)
    return False
