"""The roles every view is tried with, and the answers most pages give them."""

ROLES = ["anonymous", "office", "leader", "clerk_a", "clerk_b", "member", "liaison", "city"]
EVERYONE_SIGNED_IN = {role: 200 for role in ROLES if role != "anonymous"}
# The city's office reads the county's figures and ledger, not its registry of persons (404),
# and changes nothing (403 where a leader gets 403).
REGISTRY = EVERYONE_SIGNED_IN | {"city": 404}


def importers(status):
    """The Excel import: office and township clerks; a leader may not change (403); member
    units, garrison liaisons and the city have nothing there (404)."""
    return {"office": status, "clerk_a": status, "clerk_b": status} | {
        "leader": 403,
        "member": 404,
        "liaison": 404,
        "city": 404,
    }


def administrators(status):
    """系统管理: the office's administrators only (tests/administration walk it GET and POST)."""
    return {role: 404 for role in ROLES if role != "anonymous"} | {"office": status}


# The small registries are kept by the county office's writers; the rest are refused (403).
KEEPERS = EVERYONE_SIGNED_IN | dict.fromkeys(ROLES[2:], 403)

OFFICE_AND_LEADER = {"office": 200, "leader": 200, "city": 200} | {
    role: 404 for role in ("clerk_a", "clerk_b", "member", "liaison")
}
