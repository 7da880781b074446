"""The sweeps' entries for this piece (see tests/sweeps/__init__.py)."""

from datetime import date

from tests.roles import EVERYONE_SIGNED_IN, KEEPERS, ROLES  # noqa: F401

# The county's readers and its townships and member units; a garrison liaison has no agenda.
READERS = EVERYONE_SIGNED_IN | {"liaison": 404}
# Pages of township A's meeting, task or mechanism: the county's readers and township A.
SEEN = {"office": 200, "leader": 200, "clerk_a": 200, "city": 200}
# Forms on them: the office; those who see the record but may not write get 403.
KEPT = {"office": 200, "leader": 403, "clerk_a": 403, "city": 403}

EXPECTED: dict = {
    "agenda:meetings": READERS,
    "agenda:meeting_add": KEEPERS,
    "agenda:tasks": READERS,
    "agenda:task_add": KEEPERS,
    "agenda:mechanisms": READERS,
    "agenda:mechanism_add": KEEPERS,
}
OBJECT_URLS: dict = {
    "agenda:meeting": ("agenda_meeting_a", "pk", SEEN),
    "agenda:decision_add": ("agenda_meeting_a", "pk", KEPT),
    "agenda:decision_case": ("agenda_decision_a", "pk", KEPT),
    "agenda:decision_task": ("agenda_decision_a", "pk", KEPT),
    "agenda:task": ("agenda_task_a", "pk", SEEN),
    "agenda:mechanism": ("agenda_mechanism_a", "pk", SEEN),
}
ACTION_URLS: set = set()
READ_ONLY: set = {"agenda:meeting", "agenda:mechanism"}
# The task page takes the report that it is done: a reader who may not report gets 403.
POST_ONLY_REFUSALS: dict = {"agenda:task": {"leader": 403, "city": 403}}
LISTS: list = [
    ("agenda:meetings", {}, "agenda.views.MeetingListView"),
    ("agenda:tasks", {}, "agenda.views.TaskListView"),
    ("agenda:mechanisms", {}, "agenda.views.MechanismListView"),
]


def make_rows(township_a, office, clerk_a) -> None:
    """One more row of each list in LISTS."""
    from agenda import services
    from agenda.models import Mechanism, Meeting, Task

    services.meeting_record(
        user=office,
        meeting=Meeting(held_on=date(2015, 4, 1), kind=Meeting.Kind.JOINT, title="联席会议"),
        units=[township_a],
    )
    services.task_set(
        user=office, task=Task(title="走访", unit=township_a, due_on=date(2015, 8, 1))
    )
    services.mechanism_adopt(
        user=office,
        mechanism=Mechanism(
            title="走访慰问机制",
            kind=Mechanism.Kind.VISITS,
            text="常态化",
            adopted_on=date(2015, 6, 1),
        ),
        units=[township_a],
    )
