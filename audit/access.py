"""Who reads the operation log: the county office (not the leaders, who read the county's
figures but not who changed or looked at what)."""

from campaign import access as rule


def can_read_trail(user) -> bool:
    return rule.reads_operation_log(user)
