"""The agenda's pages: who reaches what, the forms' refusals, the lists' query counts and the
workbench's counts against the task list."""

from datetime import date

import pytest
from django.urls import reverse

from agenda import services
from agenda.models import Mechanism, Meeting, Task
from agenda.workbench import task_items
from grievances.models import Case

pytestmark = pytest.mark.django_db


def given(office, unit, n=1, **fields):
    return [
        services.task_set(
            user=office,
            task=Task(**{"title": f"任务{i}", "unit": unit, "due_on": date(2015, 7, 31)} | fields),
        )
        for i in range(n)
    ]


def make_rows(office, township_a, n):
    for i in range(n):
        recorded = services.meeting_record(
            user=office,
            meeting=Meeting(held_on=date(2015, 3, 10), kind=Meeting.Kind.JOINT, title=f"会议{i}"),
            units=[township_a],
        )
        services.mechanism_adopt(
            user=office,
            mechanism=Mechanism(
                title=f"机制{i}",
                kind=Mechanism.Kind.VISITS,
                text="常态化",
                adopted_on=date(2015, 6, 1),
                meeting=recorded,
            ),
            units=[township_a],
        )
    given(office, township_a, n)


@pytest.mark.parametrize("rows", [1, 3])
@pytest.mark.parametrize(
    ("name", "title"),
    [("agenda:meetings", "会议"), ("agenda:tasks", "任务"), ("agenda:mechanisms", "机制")],
)
def test_each_list_keeps_its_query_count(
    rows, name, title, plan, office, township_a, client_for, django_assert_max_num_queries
):
    make_rows(office, township_a, rows)
    client = client_for(office)
    with django_assert_max_num_queries(12):
        response = client.get(reverse(name))
    page = response.content.decode()
    assert len(response.context["object_list"]) == rows
    assert all(f"{title}{i}" in page for i in range(rows))
    assert f'data-total="{rows}"' in page


def test_a_unit_sees_its_own_tasks_only(plan, office, township_a, township_b, clerk_a, client_for):
    mine = given(office, township_a, title="甲镇任务")[0]
    theirs = given(office, township_b, title="乙乡任务")[0]
    client = client_for(clerk_a)
    page = client.get(reverse("agenda:tasks")).content.decode()
    assert "甲镇任务" in page and "乙乡任务" not in page
    assert client.get(theirs.get_absolute_url()).status_code == 404
    assert client.get(mine.get_absolute_url()).status_code == 200


def test_the_office_filters_tasks_by_unit(plan, office, township_a, township_b, client_for):
    given(office, township_a, title="甲镇任务")
    given(office, township_b, title="乙乡任务")
    page = client_for(office).get(reverse("agenda:tasks"), {"unit": township_b.pk})
    assert page.context["page_obj"].paginator.count == 1
    assert "乙乡任务" in page.content.decode()


def test_a_unit_marks_its_task_done_and_a_stale_form_is_refused(
    plan, office, township_a, clerk_a, client_for
):
    task = given(office, township_a)[0]
    client = client_for(clerk_a)
    response = client.post(task.get_absolute_url(), {"version": 1, "done_note": "已完成走访"})
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.is_done and task.done_note == "已完成走访"
    stale = client.post(task.get_absolute_url(), {"version": 1, "done_note": "再报一次"})
    assert stale.status_code == 400
    assert "未保存任何内容" in stale.content.decode()
    task.refresh_from_db()
    assert task.done_note == "已完成走访"


def test_a_report_without_a_note_is_refused_on_the_page(
    plan, office, township_a, clerk_a, client_for
):
    task = given(office, township_a)[0]
    response = client_for(clerk_a).post(task.get_absolute_url(), {"version": 1, "done_note": ""})
    assert response.status_code == 400
    task.refresh_from_db()
    assert not task.is_done


def test_a_decision_goes_on_the_ledger_once_from_its_page(
    plan, office, township_a, client_for, agenda_decision_a
):
    client = client_for(office)
    topic = plan.topics.order_by("number").first()
    data = {"topic": topic.pk, "unit": township_a.pk, "source": "letter", "description": "住房"}
    url = reverse("agenda:decision_case", args=[agenda_decision_a.pk])
    assert client.post(url, data).status_code == 302
    case = Case.objects.get()
    meeting_page = client.get(agenda_decision_a.meeting.get_absolute_url()).content.decode()
    assert case.get_absolute_url() in meeting_page
    again = client.post(url, data)
    assert again.status_code == 200 and "未保存任何内容" in again.content.decode()
    assert Case.objects.count() == 1
    task_url = reverse("agenda:decision_task", args=[agenda_decision_a.pk])
    assert client.get(task_url).status_code == 302  # already followed up: back to the meeting
    assert Task.objects.exclude(decision=None).count() == 0


def test_a_meeting_with_bad_input_saves_nothing(plan, office, client_for):
    client = client_for(office)
    data = {"held_on": "2013-01-01", "kind": "joint", "title": "会议"}
    response = client.post(reverse("agenda:meeting_add"), data)
    assert response.status_code == 200
    assert "活动" in response.content.decode()  # the campaign window's refusal
    assert (
        client.post(reverse("agenda:meeting_add"), data | {"held_on": "2015-13-01"}).status_code
        == 200
    )
    assert (
        client.post(reverse("agenda:meeting_add"), data | {"kind": "nonsense"}).status_code == 200
    )
    assert Meeting.objects.count() == 0


def test_a_unit_reads_only_the_meetings_it_attended(
    plan, office, clerk_b, member, client_for, agenda_meeting_a
):
    for user in (clerk_b, member):
        client = client_for(user)
        assert client.get(agenda_meeting_a.get_absolute_url()).status_code == 404
        assert agenda_meeting_a.title not in client.get(reverse("agenda:meetings")).content.decode()


def test_the_workbench_counts_are_the_lists_counts(
    plan, office, township_a, clerk_a, client_for, settings
):
    given(office, township_a, 2, due_on=date(2015, 5, 1))
    given(office, township_a, 3, due_on=date(2015, 9, 1))
    done = given(office, township_a, due_on=date(2015, 5, 1))[0]
    services.task_mark_done(user=clerk_a, task=done, version=1, note="好")
    items = {item.key: item for item in task_items(clerk_a)}
    assert items["tasks_open"].count == 5 and items["tasks_overdue"].count == 2
    client = client_for(clerk_a)
    for item in items.values():
        response = client.get(item.url)
        assert response.context["page_obj"].paginator.count == item.count
    home = client.get(reverse("home")).content.decode()
    assert "待办任务" in home and "逾期任务" in home
