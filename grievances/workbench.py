"""The ledger's part of the workbench: each of the user's queues, counted in one query, and the
survey findings waiting to be put on the ledger."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from campaign import clock
from campaign.selectors import campaign_for
from campaign.workbench import Item
from grievances import queues
from grievances.selectors import cases_led, ledger_rows
from grievances.states import escalated_q
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


def leader_items(user) -> list[Item]:
    """His cases still being worked on: the count of the list the link opens."""
    open_cases = cases_led(
        user=user, today=clock.today(), campaign=campaign_for(user), only_open=True
    )
    return [
        Item(
            key="cases_led",
            label=_("Cases I lead, still open"),
            count=open_cases.count(),
            url=f"{reverse('grievances:cases_led')}?{urlencode({'open': 'yes'})}",
        )
    ]


def escalation_items(user) -> list[Item]:
    """Overdue priority cases (依法优先), as the ledger filtered on them lists them."""
    today = clock.today()
    escalated = ledger_rows(user=user, today=today, campaign=campaign_for(user)).filter(
        escalated_q(today)
    )
    return [
        Item(
            key="escalated",
            label=_("Overdue priority cases"),
            count=escalated.count(),
            url=f"{reverse('grievances:ledger')}?{urlencode({'escalated': 'yes'})}",
            urgent=True,
        )
    ]
