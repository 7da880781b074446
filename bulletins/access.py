"""Who reads and who writes bulletins. The county office's writers draft, edit, publish and
withdraw them; every unit of the county (townships, member units, garrison liaisons, the
leaders) and the offices above read the published issues. Drafts and withdrawn issues are the
office's alone: anyone else gets 404."""

from django.db.models import Q

from campaign import access as rule
from campaign.roles import Role

# The units whose reading is recorded and whose workbench lists the issues not yet read.
RECEIVING_UNITS = (Role.TOWNSHIP, Role.MEMBER, Role.GARRISON)


def bulletin_scope(user) -> Q | None:
    """Published issues go to every unit of the county (BulletinQuerySet keeps the rest to the
    office)."""
    return rule.everyone_signed_in(user)


def reads_bulletins(user) -> bool:
    return rule.everyone(user)


def reads_drafts(user) -> bool:
    """The county office (its read-only leaders are not the office's writers' desk)."""
    return rule.role_of(user) == Role.OFFICE


def can_write(user) -> bool:
    return rule.office_writes(user)


def can_edit(user, bulletin) -> bool:
    return can_write(user) and bulletin.status != bulletin.Status.WITHDRAWN


def can_publish(user, bulletin) -> bool:
    return can_write(user) and bulletin.status == bulletin.Status.DRAFT


def can_withdraw(user, bulletin) -> bool:
    return can_write(user) and bulletin.status == bulletin.Status.PUBLISHED


def receives_bulletins(user) -> bool:
    """A township, member unit or garrison liaison: its reading is recorded, and its workbench
    counts the published issues it has not read."""
    return rule.writes(user) and rule.role_of(user) in RECEIVING_UNITS


def receiving_unit_kinds() -> list[str]:
    """The kinds of unit an issue is sent to, for the office's list of who has not read it."""
    return [str(role) for role in RECEIVING_UNITS]


def sees_receipts(user) -> bool:
    """Which units have read an issue: the county office and its leaders."""
    return rule.role_of(user) in (Role.OFFICE, Role.LEADER)
