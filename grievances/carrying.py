"""A campaign's end (结转与收尾): the county office carries each open case into a later
campaign of the county, where it goes on under a new ledger number, or closes it with a
reason. Both cases keep their history and point at each other; each write is one transaction
and records its events on both sides."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from campaign import access as rule
from campaign import clock
from campaign.models import Campaign, Topic
from campaign.selectors import topics_of
from grievances.models import Case, CaseEvent, Status
from grievances.services import _event, _locked, _next_number, _save, changed_meanwhile, phase_on
from grievances.states import is_open

# What the new case takes over from the one it continues, as it stands.
CARRIED_FIELDS = [
    "household_id",
    "garrison_id",
    "subject_unit_id",
    "township_id",
    "description",
    "source",
    "measures",
    "lead_unit_id",
    "responsible_person",
    "responsible_phone",
    "priority",
    "declined_by_id",
]


def later_campaigns(campaign: Campaign):
    """The county's campaigns that start after this one ends, earliest first."""
    return Campaign.objects.filter(
        county_id=campaign.county_id, starts_on__gt=campaign.ends_on
    ).order_by("starts_on")


def same_named_topic(into: Campaign, topic: Topic) -> Topic | None:
    return topics_of(into).filter(name=topic.name).first()


def in_window(campaign: Campaign, day: date | None) -> bool:
    return day is not None and campaign.starts_on <= day <= campaign.ends_on


@dataclass
class CarryPlan:
    """One case as it would go on: the topic it would take (None: the office must choose),
    and whether its deadline falls outside the new campaign and must be set again."""

    case: Case
    topic: Topic | None
    needs_deadline: bool
    # What the office sent with the form, shown again when a preview is redrawn.
    version: int | None = None
    chosen_topic: Topic | None = None
    chosen_deadline: date | None = None


def carry_plans(cases: Iterable[Case], into: Campaign) -> list[CarryPlan]:
    by_name = {topic.name: topic for topic in topics_of(into)}
    return [
        CarryPlan(
            case=case,
            topic=by_name.get(case.topic.name),
            needs_deadline=case.deadline is not None and not in_window(into, case.deadline),
        )
        for case in cases
    ]


def _require_office(user) -> None:
    if not rule.concludes_campaigns(user):
        raise PermissionDenied


def _check_version(case: Case, versions: dict | None) -> None:
    expected = (versions or {}).get(case.pk)
    if expected is not None and case.version != expected:
        raise changed_meanwhile(case)


def _check_open(case: Case) -> None:
    if not is_open(case):
        raise ValidationError(
            _(
                "Case %(number)s is no longer open (it is %(status)s); only open cases are "
                "carried over or closed at a campaign's end. Nothing was saved."
            )
            % {"number": case.number, "status": case.get_status_display()}
        )


def _into_campaign(user, source: Campaign, into: Campaign) -> None:
    if into.county_id != rule.county_in_view_id(user) or into.county_id != source.county_id:
        raise PermissionDenied  # another county's campaign
    if into.starts_on <= source.ends_on:
        raise ValidationError(
            _(
                "Cases are carried into a later campaign: %(into)s does not start after "
                "%(source)s ends. Nothing was saved."
            )
            % {"into": into.name, "source": source.name}
        )


def _end_old(case: Case, *, user, status: str, today: date) -> None:
    case.status = status
    case.closed_on = today
    case.closed_by = user
    _save(case, ["status", "closed_on", "closed_by"])


@transaction.atomic
def cases_carry_over(
    *,
    user,
    cases: Iterable[Case],
    into: Campaign,
    topic_for: dict[int, Topic] | None = None,
    deadline_for: dict[int, date] | None = None,
    versions: dict[int, int] | None = None,
) -> list[Case]:
    """Carry open cases into a later campaign of the same county. Each gets a new ledger number
    there (in the year it is carried, or the campaign's first year when carried before it
    starts), the same subject, units, measures and responsible person; the topic of the same
    name in the new campaign, else the one the office chose (topic_for, by case id); its
    deadline if it falls in the new campaign, else the one the office set (deadline_for).
    The old case ends as carried over. One case refused refuses them all."""
    _require_office(user)
    topic_for = topic_for or {}
    deadline_for = deadline_for or {}
    cases = sorted(cases, key=lambda c: (c.year, c.sequence))
    if not cases:
        raise ValidationError(_("Choose at least one case to carry over."))
    today = clock.today()
    # Carried before the new campaign starts, a case is numbered in its first year and counts
    # from its first phase: the new campaign's pages offer no year before its own.
    year = max(today.year, into.starts_on.year)
    phase = phase_on(into, max(today, into.starts_on))
    topics = {topic.pk: topic for topic in topics_of(into)}
    carried = []
    for given in cases:
        old = _locked(given)
        if old.campaign.county_id != rule.county_in_view_id(user):
            raise PermissionDenied  # another county's case
        _into_campaign(user, old.campaign, into)
        _check_version(old, versions)
        _check_open(old)
        topic = same_named_topic(into, old.topic) or topic_for.get(old.pk)
        if topic is None or topic.pk not in topics:
            raise ValidationError(
                _(
                    "Choose the topic case %(number)s takes in %(into)s: it has no topic "
                    "named %(topic)s. Nothing was saved."
                )
                % {"number": old.number, "into": into.name, "topic": old.topic.name}
            )
        deadline = old.deadline
        if deadline is not None and not in_window(into, deadline):
            deadline = deadline_for.get(old.pk)
            if deadline is None or not in_window(into, deadline) or deadline < today:
                raise ValidationError(
                    _(
                        "Set a deadline for case %(number)s within %(into)s (%(starts)s to "
                        "%(ends)s), not in the past: its deadline %(deadline)s falls outside "
                        "it. Nothing was saved."
                    )
                    % {
                        "number": old.number,
                        "into": into.name,
                        "starts": into.starts_on.isoformat(),
                        "ends": into.ends_on.isoformat(),
                        "deadline": old.deadline.isoformat(),
                    }
                )
        new = Case(
            campaign=into,
            year=year,
            sequence=0,
            topic=topic,
            status=old.status,
            deadline=deadline,
            original_deadline=deadline,
            registered_on=today,
            registered_by=user,
            registered_phase=phase,
            carried_from=old,
            **{field: getattr(old, field) for field in CARRIED_FIELDS},
        )
        new.full_clean(exclude=["sequence", "carried_from"])
        new.sequence = _next_number(into, year)
        new.save()
        new.co_units.set(old.co_units.all())
        before = old.status
        _end_old(old, user=user, status=Status.CARRIED, today=today)
        _event(
            old,
            user=user,
            kind=CaseEvent.Kind.CARRIED_OUT,
            from_status=before,
            note=_("Carried into %(campaign)s as case %(number)s.")
            % {"campaign": into.name, "number": new.number},
            changes={"case_id": new.pk, "case": new.number, "campaign": into.name},
        )
        _event(
            new,
            user=user,
            kind=CaseEvent.Kind.CARRIED_IN,
            from_status="",
            note=_("Carried over from %(campaign)s, case %(number)s.")
            % {"campaign": old.campaign.name, "number": old.number},
            changes={"case_id": old.pk, "case": old.number, "campaign": old.campaign.name},
        )
        carried.append(new)
    return carried


@transaction.atomic
def case_close_at_campaign_end(*, user, case: Case, reason: str, version: int | None = None):
    """The office ends an open case with its campaign, unsolved, and says why. The case is
    neither resolved nor closed off (销号): it counts as no longer in hand from today."""
    _require_office(user)
    case = _locked(case)
    if case.campaign.county_id != rule.county_in_view_id(user):
        raise PermissionDenied
    _check_version(case, {case.pk: version} if version is not None else None)
    _check_open(case)
    if not reason.strip():
        raise ValidationError(
            {"reason": _("Say why the case ends with the campaign. Nothing was saved.")}
        )
    before = case.status
    _end_old(case, user=user, status=Status.ENDED, today=clock.today())
    _event(case, user=user, kind=CaseEvent.Kind.ENDED, from_status=before, note=reason.strip())
    return case
