"""The agenda's part of a unit's workbench: its open tasks and, among them, the overdue ones.
Each count is the task list filtered the same way."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from agenda.models import Task
from campaign import clock
from campaign.selectors import campaign_for
from campaign.workbench import Item


def task_items(user) -> list[Item]:
    today = clock.today()
    counts = (
        Task.objects.visible_to(user)
        .filter(campaign=campaign_for(user))
        .open()
        .aggregate(open=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today)))
    )
    tasks = reverse("agenda:tasks")
    return [
        Item(
            key="tasks_open",
            label=_("Open tasks"),
            count=counts["open"],
            url=f"{tasks}?{urlencode({'state': 'open'})}",
        ),
        Item(
            key="tasks_overdue",
            label=_("Overdue tasks"),
            count=counts["overdue"],
            url=f"{tasks}?{urlencode({'state': 'overdue'})}",
            urgent=True,
        ),
    ]
