"""The agenda's writes: each is one transaction and checks who may do it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda import access
from agenda.models import Decision, Mechanism, Meeting, Task
from campaign.access import county_in_view_id
from campaign.models import Campaign, Topic, Unit
from campaign.record_campaign import campaign_of_new_record, check_in_window
from grievances.models import Case
from grievances.services import case_register

TASK_UNIT_KINDS = (Unit.Kind.MEMBER, Unit.Kind.TOWNSHIP)


def _require_keeper(user) -> None:
    if not access.keeps_agenda(user):
        raise PermissionDenied


def _campaign(user) -> Campaign:
    return campaign_of_new_record(user=user, county_id=county_in_view_id(user))


def _check_units(campaign: Campaign, units, *, field: str, kinds=None) -> None:
    for unit in units:
        if unit.area_id != campaign.county_id:
            raise PermissionDenied  # another county's unit
        if kinds is not None and unit.kind not in kinds:
            raise ValidationError(
                {field: _("%(unit)s is not a township or member unit.") % {"unit": unit.name}}
            )


def _required(value: str, *, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: _("This field is required.")})
    return value


@transaction.atomic
def meeting_record(*, user, meeting: Meeting, units) -> Meeting:
    _require_keeper(user)
    campaign = _campaign(user)
    units = list(units)
    _check_units(campaign, units, field="attending_units")
    check_in_window(campaign, field="held_on", day=meeting.held_on)
    meeting.campaign = campaign
    meeting.title = _required(meeting.title, field="title")
    meeting.created_by = user
    meeting.full_clean()
    meeting.save()
    meeting.attending_units.set(units)
    return meeting


@transaction.atomic
def decision_add(*, user, meeting: Meeting, text: str) -> Decision:
    _require_keeper(user)
    if meeting.campaign.county_id != county_in_view_id(user):
        raise PermissionDenied
    return Decision.objects.create(
        meeting=meeting, text=_required(text, field="text"), created_by=user
    )


def _locked_decision(decision: Decision) -> Decision:
    locked = (
        Decision.objects.select_for_update(of=("self",))
        .select_related("meeting__campaign", "case", "task")
        .get(pk=decision.pk)
    )
    if locked.case_id is not None:
        raise ValidationError(
            _("This decision has already opened case %(number)s. Nothing was saved.")
            % {"number": locked.case.number}
        )
    if locked.task_id is not None:
        raise ValidationError(
            _("This decision has already opened the task “%(task)s”. Nothing was saved.")
            % {"task": locked.task.title}
        )
    return locked


def _check_task(task: Task, campaign: Campaign) -> None:
    task.title = _required(task.title, field="title")
    if task.unit_id is None:
        raise ValidationError({"unit": _("This field is required.")})
    _check_units(campaign, [task.unit], field="unit", kinds=TASK_UNIT_KINDS)
    if task.phase_id and task.phase.campaign_id != campaign.pk:
        raise ValidationError({"phase": _("The phase is not one of this campaign's.")})
    if task.workstream_id and task.workstream.campaign_id != campaign.pk:
        raise ValidationError({"workstream": _("The workstream is not one of this campaign's.")})
    check_in_window(campaign, field="due_on", day=task.due_on)


def _save_task(*, user, task: Task, campaign: Campaign) -> Task:
    task.campaign = campaign
    task.created_by = user
    task.status = Task.Status.OPEN
    _check_task(task, campaign)
    task.full_clean()
    task.save()
    return task


@transaction.atomic
def task_set(*, user, task: Task) -> Task:
    """A task the office sets directly, outside any meeting."""
    _require_keeper(user)
    return _save_task(user=user, task=task, campaign=_campaign(user))


@transaction.atomic
def decision_open_task(*, user, decision: Decision, task: Task) -> Task:
    _require_keeper(user)
    decision = _locked_decision(decision)
    if decision.meeting.campaign.county_id != county_in_view_id(user):
        raise PermissionDenied
    task = _save_task(user=user, task=task, campaign=decision.meeting.campaign)
    decision.task = task
    decision.save(update_fields=["task"])
    return task


@transaction.atomic
def decision_open_case(
    *, user, decision: Decision, topic: Topic, description: str, source: str, unit: Unit
) -> Case:
    """The decision goes on the ledger as a case about one unit (a township's case is its
    township's), registered as the ledger registers any."""
    _require_keeper(user)
    decision = _locked_decision(decision)
    if decision.meeting.campaign.county_id != county_in_view_id(user):
        raise PermissionDenied
    case = case_register(
        user=user,
        topic=topic,
        description=_required(description, field="description"),
        source=source,
        township=unit if unit.kind == Unit.Kind.TOWNSHIP else None,
        subject_unit=unit,
        note=_("Decided at the meeting “%(meeting)s”.") % {"meeting": decision.meeting},
    )
    decision.case = case
    decision.save(update_fields=["case"])
    return case


class StaleTask(ValidationError):
    """The task changed after the form was opened."""


@transaction.atomic
def task_mark_done(*, user, task: Task, version: int | None, note: str) -> Task:
    locked = Task.objects.select_for_update().get(pk=task.pk)
    if not access.reports_on(user, locked):
        raise PermissionDenied
    if version is not None and locked.version != version:
        raise StaleTask(
            _(
                "This task changed after you opened the form. Nothing was saved: check the "
                "task as it is now and try again."
            )
        )
    if locked.is_done:
        raise ValidationError(_("This task is already done."))
    locked.done_note = _required(note, field="done_note")
    locked.status = Task.Status.DONE
    locked.done_at = timezone.now()
    locked.done_by = user
    locked.version += 1  # the row is locked: no one else moves it meanwhile
    locked.save(update_fields=["done_note", "status", "done_at", "done_by", "version"])
    return locked


@transaction.atomic
def mechanism_adopt(*, user, mechanism: Mechanism, units) -> Mechanism:
    _require_keeper(user)
    campaign = _campaign(user)
    units = list(units)
    if not units:
        raise ValidationError({"units": _("Name at least one responsible unit.")})
    _check_units(campaign, units, field="units")
    if mechanism.meeting_id and mechanism.meeting.campaign_id != campaign.pk:
        raise ValidationError({"meeting": _("The meeting is not one of this campaign's.")})
    mechanism.campaign = campaign
    mechanism.title = _required(mechanism.title, field="title")
    mechanism.text = _required(mechanism.text, field="text")
    mechanism.created_by = user
    mechanism.full_clean()
    mechanism.save()
    mechanism.units.set(units)
    return mechanism
