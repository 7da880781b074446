"""Who reads the operation log: the county office (not the leaders, who read the county's
figures but not who changed or looked at what)."""

from campaign import access as rule
from campaign.roles import Role


def can_read_trail(user) -> bool:
    return rule.role_of(user) == Role.OFFICE
