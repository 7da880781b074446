"""One day's reminders: every active user's digest by the channels it chose, every unit's by
its group robot. `run_today()` is what the scheduler calls each day; `manage.py send_reminders`
runs any day. A run may be repeated: what was sent is not sent again, and what failed is tried
again, up to REMINDER_ATTEMPTS times, with its error kept for the office."""

import logging
import smtplib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from campaign import clock
from campaign.models import User
from grievances.workdays import is_workday
from notifications import channels
from notifications.digest import Digest, digest_for
from notifications.models import Channel, Delivery, Preference, Robot

logger = logging.getLogger(__name__)

SENT, FAILED, SKIPPED = "sent", "failed", "skipped"


@dataclass
class RunResult:
    day: date
    workday: bool
    sent: Counter = field(default_factory=Counter)
    failed: Counter = field(default_factory=Counter)
    # Each recipient's digest: ("user", pk) or ("unit", pk) -> Digest (for checks and tests).
    digests: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "day": self.day.isoformat(),
            "workday": self.workday,
            "sent": {c.value: self.sent[c.value] for c in Channel},
            "failed": {c.value: self.failed[c.value] for c in Channel},
        }


def run_today() -> dict:
    """The scheduler's daily call: today's reminders, as counts by channel."""
    return run(day=clock.today()).as_dict()


def retry_today() -> dict:
    """The scheduler's hourly call: today's failed deliveries tried again (up to
    REMINDER_ATTEMPTS); nobody gets a digest it was not sent in the morning."""
    return run(day=clock.today(), only_failed=True).as_dict()


def run(*, day: date, dry_run: bool = False, only_failed: bool = False) -> RunResult:
    result = RunResult(day=day, workday=is_workday(day))
    if not result.workday:
        return result
    users = User.objects.filter(is_active=True, unit__isnull=False, unit__is_active=True)
    if only_failed:
        failed = Delivery.objects.filter(day=day, status=Delivery.Status.FAILED)
        users = users.filter(
            Q(pk__in=failed.values("user_id")) | Q(unit_id__in=failed.values("unit_id"))
        )
    users = list(users.select_related("unit", "reminder_preference").order_by("pk"))
    for user in users:
        digest = digest_for(user, day)
        if digest is None:
            continue
        result.digests[("user", user.pk)] = digest
        for channel, send in _user_channels(user):
            _tally(
                result,
                channel,
                _deliver(
                    user=user,
                    channel=channel,
                    digest=digest,
                    send=send,
                    dry_run=dry_run,
                    only_failed=only_failed,
                ),
            )
    for robot, voice in _robots(users):
        digest = result.digests.get(("user", voice.pk))
        if digest is None:
            continue
        result.digests[("unit", robot.unit_id)] = digest
        outcome = _deliver(
            unit=robot.unit,
            channel=robot.kind,
            digest=digest,
            send=lambda digest, robot=robot: channels.to_robot(robot, digest),
            dry_run=dry_run,
            only_failed=only_failed,
        )
        _tally(result, robot.kind, outcome)
    return result


def _tally(result: RunResult, channel: str, outcome: str) -> None:
    if outcome == SENT:
        result.sent[channel] += 1
    elif outcome == FAILED:
        result.failed[channel] += 1


def _user_channels(user):
    try:
        chosen = user.reminder_preference
    except Preference.DoesNotExist:
        chosen = Preference(user=user)
    if chosen.in_app:
        yield Channel.APP, lambda digest: channels.to_app(user, digest)
    if chosen.by_email and user.email:
        yield Channel.EMAIL, lambda digest: channels.by_email(user, digest)


def _robots(users):
    """Each unit's robot with the account whose workbench it posts: the unit's first active
    account that may act for it (the unit's own queues, not a reader's)."""
    voices = {}
    for user in users:
        if not user.read_only:
            voices.setdefault(user.unit_id, user)
    for robot in Robot.objects.filter(unit_id__in=voices).select_related("unit").order_by("pk"):
        yield robot, voices[robot.unit_id]


# What a channel may raise when its digest did not arrive; anything else is a bug and stops.
DELIVERY_ERRORS = (channels.DeliveryFailed, smtplib.SMTPException, OSError)


def _deliver(
    *, channel, digest: Digest, send, dry_run, user=None, unit=None, only_failed=False
) -> str:
    recipient = {"user": user, "unit": None} if user is not None else {"user": None, "unit": unit}
    county_id = unit.area_id if unit is not None else user.unit.area_id
    if dry_run:
        done = Delivery.objects.filter(day=digest.day, channel=channel, **recipient)
        done = done.filter(status=Delivery.Status.SENT) | done.filter(
            attempts__gte=settings.REMINDER_ATTEMPTS
        )
        return SKIPPED if done.exists() else SENT
    with transaction.atomic():
        # The row is claimed (locked) before sending, so two runs at once send one digest.
        rows = Delivery.objects.select_for_update()
        if only_failed:
            delivery = rows.filter(
                day=digest.day, channel=channel, status=Delivery.Status.FAILED, **recipient
            ).first()
            if delivery is None:
                return SKIPPED
        else:
            delivery, _ = rows.get_or_create(
                day=digest.day, channel=channel, **recipient, defaults={"county_id": county_id}
            )
        if delivery.status == Delivery.Status.SENT:
            return SKIPPED
        if delivery.attempts >= settings.REMINDER_ATTEMPTS:
            return SKIPPED
        delivery.attempts += 1
        delivery.counts = digest.counts()
        try:
            with transaction.atomic():
                send(digest)
        except DELIVERY_ERRORS as error:
            delivery.status = Delivery.Status.FAILED
            delivery.error = str(error)[:2000] or type(error).__name__
            logger.warning(
                "reminder %s for %s on %s failed (attempt %s): %s",
                channel,
                user or unit,
                digest.day,
                delivery.attempts,
                delivery.error,
            )
            outcome = FAILED
        else:
            delivery.status = Delivery.Status.SENT
            delivery.error = ""
            outcome = SENT
        delivery.save()
    return outcome
