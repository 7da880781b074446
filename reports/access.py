"""Who reads and who changes the reports. The county's figures are for the office and the county
leaders; a township or member unit reads its own progress row beside the county totals; garrison
units have no reports (404). Only the office, not a read-only leader, signs off a year or sets
the assessment."""

from campaign.models import Role

COUNTY = {Role.OFFICE, Role.LEADER}
PROGRESS = COUNTY | {Role.TOWNSHIP, Role.MEMBER}


def can_read_county(user) -> bool:
    return user.is_authenticated and user.is_active and user.role in COUNTY


def can_read_progress(user) -> bool:
    return user.is_authenticated and user.is_active and user.role in PROGRESS


def can_manage(user) -> bool:
    """Sign off a year, set the weights, record bonus, deduction and veto items."""
    return can_read_county(user) and user.may_write and user.role == Role.OFFICE


def progress_row_visible(user, unit_id: int) -> bool:
    return user.sees_everything or unit_id == user.unit_id
