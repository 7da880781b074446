"""Who sees a job and its file: whoever asked for it, and the county office acting as such,
within the county in view. A leader or another unit reads the same figures through its own
request; a file made for someone else (and watermarked with their name) is not theirs."""

from django.db.models import Q

from campaign import access as rule


def job_scope(user) -> Q | None:
    if not rule.signed_in(user):
        return None
    county = rule.county_in_view_id(user)
    if county is None:
        return None
    if rule.office_writes(user):
        return Q(county_id=county)
    return Q(county_id=county, requested_by_id=user.pk)


def has_jobs(user) -> bool:
    return rule.everyone(user)


def sees_who_asked(user) -> bool:
    """The office's list names the person behind each job; one's own list needs no such column."""
    return rule.office_writes(user)
