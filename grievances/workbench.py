"""The ledger's part of the workbench: each of the user's queues, counted in one query, and the
survey findings waiting to be put on the ledger."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from campaign import clock
from campaign.workbench import Item
from grievances import queues
from outreach.models import Finding

URGENT = {"overdue", "declined", "to_accept"}


def ledger_items(user) -> list[Item]:
    counts = queues.counts(user, clock.today())
    inbox = reverse("grievances:inbox")
    return [
        Item(
            key=queue.name,
            label=queue.label,
            count=counts[queue.name],
            url=f"{inbox}?{urlencode({'queue': queue.name})}",
            urgent=queue.name in URGENT,
        )
        for queue in queues.queues_for(user)
    ]


def intake_items(user) -> list[Item]:
    waiting = Finding.objects.visible_to(user).filter(needs_action=True, case_link__isnull=True)
    return [
        Item(
            key="intake",
            label=_("Survey findings waiting for the ledger"),
            count=waiting.count(),
            url=reverse("grievances:intake"),
        )
    ]
