"""Visits recorded on a phone without signal, received once it has one again. Each carries a
key the phone made, so a send retried after a lost answer records nothing twice. The server
applies the visit form's rules to each, in its own transaction, and answers each key:
recorded, already recorded, or refused with the reason the clerk reads to fix or discard it."""

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from campaign.models import Topic
from campaign.selectors import campaign_for, topics_of
from outreach import services
from outreach.forms import VisitForm
from outreach.models import Household, Visit, VisitKey

# A phone sends its waiting visits in batches well below this; more in one request is refused
# whole, as a request of that size is not one the app makes.
MAX_VISITS = 500

RECORDED = "recorded"
ALREADY = "already"
REFUSED = "refused"


class Refused(Exception):
    pass


class AlreadyRecorded(Exception):
    pass


def visits_receive(*, user, sent: list) -> list[dict]:
    campaign = campaign_for(user)
    asked = set(
        topics_of(campaign).filter(about=Topic.About.BENEFICIARY).values_list("number", flat=True)
    )
    return [_receive(user=user, sent=one, campaign=campaign, asked=asked) for one in sent]


def _answer(key, status, reason="", visit=None) -> dict:
    return {"key": key, "status": status, "reason": reason, "visit": visit}


def _receive(*, user, sent, campaign, asked) -> dict:
    raw_key = sent.get("key") if isinstance(sent, dict) else None
    key = _key_of(raw_key)
    if key is None:
        reason = _("This visit has no valid key from the phone; record it again.")
        return _answer(raw_key if isinstance(raw_key, str) else None, REFUSED, reason)
    answer_key = str(raw_key)
    if VisitKey.objects.filter(pk=key).exists():
        return _answer(answer_key, ALREADY, _("Already recorded."), _visit_of(key, user))
    try:
        visit = _record(user=user, sent=sent, key=key, campaign=campaign, asked=asked)
    except Refused as refusal:
        return _answer(answer_key, REFUSED, str(refusal))
    except AlreadyRecorded:
        return _answer(answer_key, ALREADY, _("Already recorded."), _visit_of(key, user))
    except IntegrityError:
        # The same key sent at the same moment by another request, which recorded it first.
        if VisitKey.objects.filter(pk=key).exists():
            return _answer(answer_key, ALREADY, _("Already recorded."), _visit_of(key, user))
        raise
    return _answer(answer_key, RECORDED, visit=visit.pk)


def _key_of(value) -> uuid.UUID | None:
    if not isinstance(value, str):
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _visit_of(key, user) -> int | None:
    """The visit already recorded under this key, named only to a user who may see it."""
    visits = Visit.objects.visible_to(user).filter(sent_key__key=key)
    return visits.values_list("pk", flat=True).first()


def _household_of(user, sent) -> Household:
    household_id = sent.get("household")
    if not isinstance(household_id, int) or isinstance(household_id, bool):
        raise Refused(_("This visit names no household."))
    household = (
        Household.objects.visible_to(user).select_related("township").filter(pk=household_id)
    ).first()
    if household is None:
        raise Refused(
            _(
                "This household is no longer in your township's registry (moved to another "
                "township, or not yours)."
            )
        )
    return household


def _form_data(sent, topic_numbers) -> dict:
    """The visit as the visit form receives it, so the form's rules are the ones applied."""
    findings = sent.get("findings")
    if not isinstance(findings, list) or not all(isinstance(f, dict) for f in findings):
        raise Refused(_("This visit's findings could not be read."))
    data = {
        "visited_on": sent.get("visited_on") or "",
        "visitors": sent.get("visitors") or "",
        "notes": sent.get("notes") or "",
    }
    for finding in findings:
        number = finding.get("topic")
        if number not in topic_numbers:
            # The form would pass over a topic it does not ask: say so rather than drop it.
            raise Refused(
                _("Topic %(number)s is not asked of this kind of visit.") % {"number": number}
            )
        data[f"topic_{number}_text"] = str(finding.get("text") or "")
        if finding.get("needs_action"):
            data[f"topic_{number}_action"] = "on"
    for name in ("policies_done", "policies_missing"):
        chosen = sent.get(name) or []
        if not isinstance(chosen, list):
            raise Refused(_("This visit's findings could not be read."))
        data[name] = [str(pk) for pk in chosen]
    return data


def _form_refusal(form) -> str:
    messages = []
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.append(f"{label}：{error}" if label else error)
    return " ".join(messages)


def _record(*, user, sent, key, campaign, asked) -> Visit:
    household = _household_of(user, sent)
    if household.archived:
        raise Refused(_("This household was archived after the worklist was downloaded."))
    if campaign is None or sent.get("campaign") != campaign.pk:
        raise Refused(
            _(
                "This visit was recorded for another campaign than the one you are looking at; "
                "turn to that campaign and send it again."
            )
        )
    form = VisitForm(
        data=_form_data(sent, asked),
        about=Topic.About.BENEFICIARY,
        county_id=household.township.area_id,
        campaign=campaign,
    )
    if not form.is_valid():
        raise Refused(_form_refusal(form))
    data = form.cleaned_data
    try:
        with transaction.atomic():
            # The household's row held until the visit is in: an archiving, or another visit
            # that day sent by a second phone (refused by the service), waits its turn.
            household = (
                Household.objects.select_for_update(of=("self",))
                .select_related("township")
                .get(pk=household.pk)
            )
            # The same visit sent by another request that held the lock first: its day is
            # taken by this very visit, which is recorded, not refused.
            if VisitKey.objects.filter(pk=key).exists():
                raise AlreadyRecorded
            if household.archived:
                raise Refused(_("This household was archived after the worklist was downloaded."))
            visit = services.visit_record(
                user=user,
                township=household.township,
                household=household,
                visited_on=data["visited_on"],
                visitors=data["visitors"],
                notes=data["notes"],
                findings=data["findings"],
            )
            VisitKey.objects.create(key=key, visit=visit)
    except ValidationError as exc:
        raise Refused(" ".join(exc.messages)) from None
    except PermissionDenied:
        raise Refused(_("You may not record a visit to this household.")) from None
    return visit
