"""The ways a digest leaves: a notification in the app, an e-mail through Django's mail
settings, a post to a unit's WeCom or DingTalk group robot. Each raises DeliveryFailed (or the
mail backend's own error) when the digest did not arrive."""

import json
import urllib.error
import urllib.request

from django.core.mail import send_mail

from notifications.digest import Digest
from notifications.models import Channel, Notification, robot_host_allowed

TIMEOUT_SECONDS = 10


class DeliveryFailed(Exception):
    pass


def to_app(user, digest: Digest) -> None:
    Notification.objects.create(
        recipient=user, day=digest.day, title=digest.title, lines=digest.stored_lines()
    )


def by_email(user, digest: Digest) -> None:
    send_mail(digest.title, digest.text(), None, [user.email], fail_silently=False)


def robot_payload(kind: str, digest: Digest) -> dict:
    if kind == Channel.WECOM:
        return {"msgtype": "markdown", "markdown": {"content": digest.markdown()}}
    return {"msgtype": "markdown", "markdown": {"title": digest.title, "text": digest.markdown()}}


def to_robot(robot, digest: Digest) -> None:
    # Checked again when sending: the allowlist may have narrowed since the address was saved.
    if not robot_host_allowed(robot.url):
        raise DeliveryFailed(f"host not in ROBOT_HOSTS: {robot.url.split('?')[0]}")
    body = json.dumps(robot_payload(robot.kind, digest), ensure_ascii=False).encode()
    request = urllib.request.Request(
        robot.url, data=body, method="POST", headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            answer = response.read(10_000)
    except (urllib.error.URLError, OSError) as error:
        raise DeliveryFailed(str(error)) from error
    # Both services answer 200 with {"errcode": 0, …} on success and a non-zero errcode
    # (bad key, rate limit) otherwise.
    try:
        errcode = json.loads(answer).get("errcode", 0)
    except (ValueError, AttributeError):
        raise DeliveryFailed(f"unreadable answer: {answer[:200]!r}") from None
    if errcode != 0:
        raise DeliveryFailed(f"errcode {errcode}: {answer[:200].decode(errors='replace')}")
