"""Who reads and who changes the reports. The county's figures are for the office and the county
leaders; a township or member unit reads its own progress row beside the county totals; garrison
units have no reports (404). Only the office, not a read-only leader, signs off a year or sets
the assessment."""

from campaign import access as rule


def can_read_county(user) -> bool:
    return rule.reads_whole_county(user)


def can_read_progress(user) -> bool:
    return rule.reads_units_work(user)


def can_manage(user) -> bool:
    """Sign off a year, set the weights, record bonus, deduction and veto items."""
    return rule.office_writes(user)


def progress_rows_for(user, rows: list[dict]) -> list[dict]:
    """The county's progress rows this user reads: all of them, or its own unit's."""
    if rule.reads_whole_county(user):
        return rows
    return [row for row in rows if row["unit_id"] == user.unit_id]


def can_compare_counties(user) -> bool:
    """A city or province office compares the counties under it."""
    return rule.is_higher_office(user)


def reads_the_county_at_a_glance(user) -> bool:
    """The county's own readers who do not work its lists (its leaders) get its headline
    figures and the units furthest behind on their home page."""
    return (
        rule.reads_whole_county(user)
        and rule.units_of_the_county(user)
        and not rule.office_writes(user)
    )
