"""The agenda's writes: who may make them, what they refuse, and that a decision opens a case
or a task once only."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from agenda import services
from agenda.models import Decision, Mechanism, Meeting, Task
from campaign.models import Unit
from grievances.models import Case, CaseEvent, Source
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def meeting(office, units=(), **fields):
    values = {"held_on": date(2015, 3, 10), "kind": Meeting.Kind.JOINT, "title": "联席会议"}
    return services.meeting_record(user=office, meeting=Meeting(**values | fields), units=units)


def task(user, unit, **fields):
    values = {"title": "走访到户", "unit": unit, "due_on": date(2015, 7, 31)}
    return services.task_set(user=user, task=Task(**values | fields))


def test_the_office_records_a_meeting_in_the_campaign_in_view(plan, office, township_a):
    recorded = meeting(office, units=[township_a], chair="县长")
    assert recorded.campaign == plan
    assert list(recorded.attending_units.all()) == [township_a]
    assert recorded.history.count() == 1


@pytest.mark.parametrize("role", ["leader", "clerk_a", "member", "city"])
def test_no_one_but_the_office_records_a_meeting(role, request, plan):
    with pytest.raises(PermissionDenied):
        meeting(request.getfixturevalue(role))
    assert Meeting.objects.count() == 0


def test_a_meeting_outside_the_campaign_or_untitled_is_refused(plan, office):
    with pytest.raises(ValidationError) as outside:
        meeting(office, held_on=date(2013, 1, 1))
    assert "held_on" in outside.value.message_dict
    with pytest.raises(ValidationError) as untitled:
        meeting(office, title="   ")
    assert "title" in untitled.value.message_dict
    assert Meeting.objects.count() == 0


def test_another_countys_unit_cannot_attend(plan, office):
    from tests.other_county import build_other_county

    other = build_other_county()
    before = Meeting.objects.count()
    with pytest.raises(PermissionDenied):
        meeting(office, units=[other.township])
    assert Meeting.objects.count() == before


def test_a_decision_opens_a_task_once_only(plan, office, township_a, member_unit):
    decision = services.decision_add(user=office, meeting=meeting(office), text="各乡镇走访到户")
    opened = services.decision_open_task(
        user=office,
        decision=decision,
        task=Task(title="走访到户", unit=township_a, due_on=date(2015, 7, 31)),
    )
    decision.refresh_from_db()
    assert decision.task == opened and opened.campaign == plan
    with pytest.raises(ValidationError, match="走访到户"):
        services.decision_open_task(
            user=office,
            decision=decision,
            task=Task(title="又一次", unit=member_unit, due_on=date(2015, 7, 31)),
        )
    topic = plan.topics.order_by("number").first()
    with pytest.raises(ValidationError):
        services.decision_open_case(
            user=office,
            decision=decision,
            topic=topic,
            description="x",
            source=Source.LETTER,
            unit=township_a,
        )
    assert Task.objects.count() == 1 and Case.objects.count() == 0


def test_a_decision_opens_a_case_through_the_ledger_once_only(plan, office, township_a):
    decision = services.decision_add(user=office, meeting=meeting(office), text="解决某户住房")
    topic = plan.topics.order_by("number").first()
    case = services.decision_open_case(
        user=office,
        decision=decision,
        topic=topic,
        description="某户住房困难",
        source=Source.LETTER,
        unit=township_a,
    )
    decision.refresh_from_db()
    assert decision.case == case and case.number == "2015-0001"
    event = CaseEvent.objects.get(case=case)
    assert event.kind == CaseEvent.Kind.REGISTERED and "联席会议" in event.note
    with pytest.raises(ValidationError, match="2015-0001"):
        services.decision_open_case(
            user=office,
            decision=decision,
            topic=topic,
            description="再一次",
            source=Source.LETTER,
            unit=township_a,
        )
    with pytest.raises(ValidationError, match="2015-0001"):
        services.decision_open_task(
            user=office,
            decision=decision,
            task=Task(title="x", unit=township_a, due_on=date(2015, 7, 31)),
        )
    assert Case.objects.count() == 1 and Task.objects.count() == 0


def test_a_bad_case_from_a_decision_leaves_the_decision_open(plan, office, township_a):
    decision = services.decision_add(user=office, meeting=meeting(office), text="解决某户住房")
    topic = plan.topics.order_by("number").first()
    with pytest.raises(ValidationError):
        services.decision_open_case(
            user=office,
            decision=decision,
            topic=topic,
            description="  ",
            source=Source.LETTER,
            unit=township_a,
        )
    decision.refresh_from_db()
    assert not decision.followed_up and Case.objects.count() == 0


def test_a_decision_needs_text_and_the_office(plan, office, leader):
    recorded = meeting(office)
    with pytest.raises(ValidationError):
        services.decision_add(user=office, meeting=recorded, text=" ")
    with pytest.raises(PermissionDenied):
        services.decision_add(user=leader, meeting=recorded, text="x")
    assert Decision.objects.count() == 0


def test_a_task_goes_to_a_township_or_member_unit_in_the_campaign(plan, office, garrison_unit):
    with pytest.raises(ValidationError) as garrison:
        task(office, garrison_unit)
    assert "unit" in garrison.value.message_dict
    with pytest.raises(ValidationError) as late:
        task(office, UnitFactory(kind=Unit.Kind.TOWNSHIP), due_on=date(2030, 1, 1))
    assert "due_on" in late.value.message_dict
    from tests.campaigns import add_next_campaign

    other_phase = add_next_campaign().phases.first()
    with pytest.raises(ValidationError) as phase:
        task(office, UnitFactory(kind=Unit.Kind.MEMBER), phase=other_phase)
    assert "phase" in phase.value.message_dict
    assert Task.objects.count() == 0


def test_a_unit_marks_its_own_task_done_once(plan, office, clerk_a, township_a):
    given = task(office, township_a)
    done = services.task_mark_done(user=clerk_a, task=given, version=1, note="已走访32户")
    assert done.is_done and done.done_by == clerk_a and done.done_at and done.version == 2
    with pytest.raises(ValidationError, match="已完成"):
        services.task_mark_done(user=clerk_a, task=given, version=2, note="再次")
    assert Task.objects.get().done_note == "已走访32户"


def test_a_stale_report_is_refused(plan, office, clerk_a, township_a):
    given = task(office, township_a)
    services.task_mark_done(user=office, task=given, version=1, note="办公室代报")
    with pytest.raises(services.StaleTask):
        services.task_mark_done(user=clerk_a, task=given, version=1, note="已走访")
    assert Task.objects.get().done_note == "办公室代报"


@pytest.mark.parametrize("role", ["leader", "clerk_b", "member", "city"])
def test_no_one_else_marks_a_units_task_done(role, request, plan, office, township_a):
    given = task(office, township_a)
    with pytest.raises(PermissionDenied):
        services.task_mark_done(user=request.getfixturevalue(role), task=given, version=1, note="x")
    assert not Task.objects.get().is_done


def test_a_report_without_a_note_is_refused(plan, office, clerk_a, township_a):
    given = task(office, township_a)
    with pytest.raises(ValidationError):
        services.task_mark_done(user=clerk_a, task=given, version=1, note="  ")
    assert not Task.objects.get().is_done


def test_a_mechanism_names_its_units(plan, office, township_a, member_unit):
    recorded = meeting(office)
    fields = {"title": "排忧解难联席会议制度", "kind": Mechanism.Kind.MEETING, "text": "每季度"}
    with pytest.raises(ValidationError) as no_units:
        services.mechanism_adopt(
            user=office, mechanism=Mechanism(adopted_on=date(2015, 12, 1), **fields), units=[]
        )
    assert "units" in no_units.value.message_dict
    adopted = services.mechanism_adopt(
        user=office,
        mechanism=Mechanism(adopted_on=date(2015, 12, 1), meeting=recorded, **fields),
        units=[township_a, member_unit],
    )
    assert set(adopted.units.all()) == {township_a, member_unit}
    assert Mechanism.objects.count() == 1
