"""The campaign a visit, activity, inspection or 五个一 entry is recorded under: the one the
user is looking at, and the record's date must lie in its window."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from campaign.models import Campaign
from campaign.selectors import campaign_for


def window_refusal(campaign: Campaign, day: date) -> str | None:
    if campaign.starts_on <= day <= campaign.ends_on:
        return None
    return _(
        "%(day)s lies outside the campaign “%(name)s” (%(start)s – %(end)s): "
        "choose that campaign to record it, or correct the date."
    ) % {
        "day": day.isoformat(),
        "name": campaign.name,
        "start": campaign.starts_on.isoformat(),
        "end": campaign.ends_on.isoformat(),
    }


def campaign_of_new_record(*, user, county_id: int) -> Campaign:
    """The campaign in view, which must be the record's county's."""
    campaign = campaign_for(user)
    if campaign is None:
        raise ValidationError(_("The county has no campaign yet: the office loads its plan first."))
    if campaign.county_id != county_id:
        raise PermissionDenied
    return campaign


def check_in_window(campaign: Campaign, *, field: str, day: date | None) -> None:
    if day is not None and (refusal := window_refusal(campaign, day)):
        raise ValidationError({field: refusal})
