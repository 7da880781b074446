"""Who sees and who changes report requests and submissions. The county's readers (the office,
its leaders, the city's office above) see all of the county's; a unit sees the requests
addressed to it and its own submissions. Only the county office issues, returns and accepts;
only an addressed unit submits."""

from django.db.models import Q

from campaign import access as rule


def request_scope(user) -> Q | None:
    return Q(units=user.unit_id) if user.unit_id else None


def submission_scope(user) -> Q | None:
    return Q(unit_id=user.unit_id) if user.unit_id else None


def attachment_scope(user) -> Q | None:
    return Q(submission__unit_id=user.unit_id) if user.unit_id else None


def reads_requests(user) -> bool:
    return rule.everyone(user)


def reads_all_units(user) -> bool:
    """The per-unit states of a request: the county's readers."""
    return rule.reads_whole_county(user)


def can_issue(user) -> bool:
    return rule.office_writes(user)


def can_edit_request(user, request) -> bool:
    return (
        rule.office_writes(user)
        and request.county_id == rule.county_in_view_id(user)
        and not request.withdrawn
    )


def is_addressed(user, request, unit_ids) -> bool:
    return bool(user.unit_id) and user.unit_id in unit_ids


def may_answer(user, request, unit_ids) -> bool:
    """A unit asked by the request, acting as such."""
    return rule.writes(user) and is_addressed(user, request, unit_ids)


def can_submit(user, request, unit_ids, submission=None) -> bool:
    """The unit asked, while the request stands, before it submitted or after a return."""
    if request.withdrawn or not may_answer(user, request, unit_ids):
        return False
    return submission is None or submission.status == "returned"


def can_review(user, submission) -> bool:
    return (
        rule.office_writes(user)
        and submission.request.county_id == rule.county_in_view_id(user)
        and submission.status == "submitted"
    )


def submits_reports(user) -> bool:
    """A unit of the county: its workbench lists the reports it owes."""
    return rule.writes(user) and not rule.office_writes(user) and bool(user.unit_id)


def reviews_reports(user) -> bool:
    return rule.office_writes(user)
