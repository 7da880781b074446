"""Who may do what to a case. Reading goes through Case.objects.visible_to(user); each workflow
step is allowed to one side only, and the services check it again inside their transaction."""

from campaign.models import Role
from grievances.models import Status

ASSIGNABLE = {Status.REGISTERED, Status.ASSIGNED, Status.IN_PROGRESS, Status.RETURNED}


def _office(user):
    return user.may_write and user.role == Role.OFFICE


def _lead(user, case):
    return user.may_write and case.lead_unit_id is not None and user.unit_id == case.lead_unit_id


def _co(user, case):
    return user.may_write and any(unit.pk == user.unit_id for unit in case.co_units.all())


def can_register(user, township=None) -> bool:
    if _office(user):
        return True
    return (
        user.may_write
        and user.role == Role.TOWNSHIP
        and (township is None or township.pk == user.unit_id)
    )


def allowed_actions(user, case) -> set[str]:
    """The workflow steps this user may take on this case now."""
    actions = set()
    status = case.status
    if _office(user):
        actions.add("edit")
        if status in ASSIGNABLE:
            actions.add("assign")
        if status == Status.RESOLVED:
            actions |= {"close", "return"}
        if case.extensions_pending:
            actions.add("decide_extension")
    if _lead(user, case):
        if status == Status.ASSIGNED:
            actions.add("accept")
        if status in (Status.IN_PROGRESS, Status.RETURNED):
            actions |= {"progress", "resolve"}
            if not case.extensions_pending:
                actions.add("request_extension")
    elif _co(user, case) and status in (Status.IN_PROGRESS, Status.RETURNED):
        actions.add("progress")
    if status == Status.CLOSED and case.revisit_due and not case.revisited_on:
        if _office(user) or (
            user.may_write and user.role == Role.TOWNSHIP and user.unit_id == case.township_id
        ):
            actions.add("revisit")
    return actions


def can(user, action: str, case) -> bool:
    return action in allowed_actions(user, case)
