from dataclasses import dataclass, field
from datetime import date

from campaign import access
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


def current_campaign(county) -> Campaign | None:
    """The county's campaign now running (the latest to start)."""
    if county is None:
        return None
    return (
        Campaign.objects.in_county(county)
        .select_related("county")
        .prefetch_related("phases")
        .first()
    )


def campaign_for(user) -> Campaign | None:
    """The campaign of the county this user works in or is looking at. Kept on the user for
    the rest of the request, which asks for it from several places."""
    county = access.county_in_view_id(user)
    cached = getattr(user, "_campaign_in_view", None)
    if cached is None or cached[0] != county:
        cached = (county, current_campaign(county))
        user._campaign_in_view = cached
    return cached[1]


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
