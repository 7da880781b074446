import functools
from dataclasses import dataclass

from campaign import access, clock, navigation
from campaign import watermark as marks
from campaign.selectors import campaigns_of, campaigns_read, chosen_of, current_of


def navigation_entries(request):
    user = getattr(request, "user", None)
    if user is None:
        return {"nav_items": []}
    return {
        "nav_items": navigation.bar_for(user),
        "counties_in_reach": _counties(user),
        "campaigns_in_view": _campaigns(user),
    }


@dataclass
class CampaignChoice:
    campaign: object
    current: bool  # the county's current campaign
    chosen: bool  # the one the pages show


@dataclass
class CampaignsInView:
    choices: list

    @property
    def several(self) -> bool:
        return len(self.choices) > 1

    @property
    def chosen(self):
        return next((c for c in self.choices if c.chosen), None)

    @property
    def other(self):
        """The chosen campaign when it is not the current one (the pages say so)."""
        chosen = self.chosen
        return chosen.campaign if chosen and not chosen.current else None

    @property
    def earlier(self) -> bool:
        """Whether the campaign looked at (other) came before the current one."""
        current = next((c.campaign for c in self.choices if c.current), None)
        other = self.other
        return bool(other and current and other.starts_on < current.starts_on)


def _campaigns(user):
    """The county's campaigns for the switcher, the current one and the chosen one marked, in
    one query, run only when the page draws the bar."""

    @functools.cache
    def campaigns():
        if not access.signed_in(user):
            return CampaignsInView([])
        found = campaigns_read(user)
        if found is None:  # a page that did not ask for its campaign: one light query
            county = access.county_in_view_id(user)
            found = list(campaigns_of(county)) if county is not None else []
        current = current_of(found, clock.today())
        chosen = chosen_of(user, found) or current
        return CampaignsInView([CampaignChoice(c, c == current, c == chosen) for c in found])

    return campaigns


def _counties(user):
    """For an office above the counties: the counties it may turn to, the one in view first
    marked. Queried only when the page draws the bar."""
    if not access.is_higher_office(user):
        return None

    def counties():
        chosen = access.county_in_view_id(user)
        return [(county, county.pk == chosen) for county in access.counties_in_reach(user)]

    return counties


WATERMARK_TILES = range(60)


def watermark(request):
    """The reader and the time, for the pages that show personal details to draw across the
    screen; computed only on those pages (a template calls the function)."""
    user = getattr(request, "user", None)

    def text():
        if not marks.enabled() or user is None or not user.is_authenticated:
            return ""
        return marks.reader_text(user)

    return {"watermark_text": text, "watermark_tiles": WATERMARK_TILES}
