from dataclasses import dataclass, field
from datetime import date

from campaign import access, clock
from campaign.models import Campaign, Phase, Topic, Workstream


@dataclass
class TimelineBar:
    phase: Phase
    offset: float  # percent of the campaign window before the bar starts
    width: float  # percent of the window the bar covers
    current: bool


@dataclass
class Timeline:
    campaign: Campaign | None
    today: date
    bars: list[TimelineBar] = field(default_factory=list)
    today_offset: float | None = None

    @property
    def current_phases(self):
        return [bar.phase for bar in self.bars if bar.current]

    @property
    def state(self) -> str:
        if self.campaign is None:
            return "none"
        if self.today < self.campaign.starts_on:
            return "before"
        if self.today > self.campaign.ends_on:
            return "after"
        return "during"


def current_campaign(county, today: date | None = None) -> Campaign | None:
    """The county's current campaign: the one whose window holds today, else the latest that
    has started, else the first to come."""
    if county is None:
        return None
    campaigns = (
        Campaign.objects.in_county(county).select_related("county").prefetch_related("phases")
    )
    return current_of(list(campaigns), today or clock.today())


def current_of(campaigns, today: date) -> Campaign | None:
    """current_campaign among campaigns already read (of one county; windows do not overlap)."""
    started = [c for c in campaigns if c.starts_on <= today]
    if started:
        # The latest to start is the running one when one runs (windows do not overlap).
        return max(started, key=lambda c: c.starts_on)
    return min(campaigns, key=lambda c: c.starts_on, default=None)


def campaigns_of(county):
    """The county's campaigns, the earliest first."""
    return Campaign.objects.in_county(county).order_by("starts_on")


def campaign_for(user) -> Campaign | None:
    """The campaign this user is looking at in the county in view: the one it chose with the
    switcher (campaign.middleware puts the session's choice on the user), else the county's
    current one."""
    campaigns = campaigns_in_view(user)
    return chosen_of(user, campaigns) or current_of(campaigns, clock.today())


def campaigns_in_view(user) -> list[Campaign]:
    """The campaigns of the county in view, the earliest first, with their phases. Kept on the
    user for the rest of the request, which asks for them from several places."""
    county = access.county_in_view_id(user)
    cached = getattr(user, "_campaigns_in_view", None)
    if cached is None or cached[0] != county:
        found = []
        if county is not None:
            found = list(campaigns_of(county).select_related("county").prefetch_related("phases"))
        cached = (county, found)
        user._campaigns_in_view = cached
    return cached[1]


def campaigns_read(user) -> list[Campaign] | None:
    """campaigns_in_view if this request has read them already, else None."""
    cached = getattr(user, "_campaigns_in_view", None)
    if cached is None or cached[0] != access.county_in_view_id(user):
        return None
    return cached[1]


def chosen_of(user, campaigns) -> Campaign | None:
    """Among the county's campaigns, the one chosen with the switcher; a stale choice, or one
    of another county, is not among them and counts for nothing."""
    wanted = getattr(user, "_campaigns_chosen", {}).get(str(access.county_in_view_id(user)))
    return next((c for c in campaigns if c.pk == wanted), None)


def topics_of(campaign):
    """The survey topics of a campaign, in their order (none without a campaign)."""
    return Topic.objects.filter(campaign=campaign).select_related("workstream").order_by("number")


def workstreams_of(campaign):
    """The workstreams of a campaign, in their order (none without a campaign)."""
    return Workstream.objects.filter(campaign=campaign).order_by("number")


def timeline(*, today: date, campaign: Campaign | None) -> Timeline:
    result = Timeline(campaign=campaign, today=today)
    if campaign is None:
        return result
    span = (campaign.ends_on - campaign.starts_on).days + 1

    def percent(day):
        return round(100 * (day - campaign.starts_on).days / span, 2)

    for phase in campaign.phases.all():
        result.bars.append(
            TimelineBar(
                phase=phase,
                offset=percent(phase.starts_on),
                width=round(100 * ((phase.ends_on - phase.starts_on).days + 1) / span, 2),
                current=phase.is_on(today),
            )
        )
    if result.state == "during":
        result.today_offset = percent(today)
    return result
