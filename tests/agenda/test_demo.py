"""The demo county's agenda: its meetings, decisions, tasks and mechanisms."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from agenda.models import Decision, Mechanism, Meeting, Task

pytestmark = pytest.mark.django_db

DEMO_TODAY = date(2016, 3, 15)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_plan", stdout=StringIO())
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def test_the_demo_has_its_meetings_tasks_and_mechanisms(demo):
    meetings = list(Meeting.objects.order_by("held_on"))
    assert [m.kind for m in meetings] == ["leading_group", "joint", "topical"]
    first_phase = meetings[0].campaign.phases.get(number=1)
    assert first_phase.is_on(meetings[0].held_on)
    assert meetings[2].campaign.phases.get(number=5).is_on(meetings[2].held_on)
    assert Decision.objects.exclude(case=None).count() == 1
    tasks = Task.objects.all()
    assert tasks.count() == 10 and Decision.objects.exclude(task=None).count() == 10
    assert tasks.filter(status=Task.Status.DONE).exists()
    assert tasks.overdue(DEMO_TODAY).exists()
    assert {t.unit.kind for t in tasks} == {"member", "township"}
    assert sorted(Mechanism.objects.values_list("title", flat=True)) == sorted(
        ["排忧解难联席会议制度", "优抚对象走访慰问常态化机制"]
    )


def test_seeding_again_adds_no_meeting(demo):
    call_command("seed_demo", stdout=StringIO())
    assert Meeting.objects.count() == 3 and Task.objects.count() == 10
