"""The county the measurements look at: the first county generated (bench.dataset), whatever the
size. Every page is asked for by one of its users and every baseline counts its rows, so at
province size the bench measures one county's pages in a database holding many."""

from dataclasses import dataclass


@dataclass(frozen=True)
class MeasuredCounty:
    area: int  # the county's Area id
    campaign: int
    office: str  # the username of its office
    township: int  # its first township (by code)
    clerk: str  # the username of that township's clerk
    members: tuple[str, ...]  # the usernames of its member units' staff


def measured_county() -> MeasuredCounty:
    from campaign import clock
    from campaign.models import Area, Campaign, Unit, User
    from campaign.selectors import current_of

    county = Area.objects.counties().order_by("pk").values_list("pk", flat=True).first()
    if county is None:
        raise RuntimeError("No county: generate the bench's dataset first.")
    # The county's campaign as the app finds it (campaign.selectors.current_campaign).
    campaign = current_of(list(Campaign.objects.in_county(county)), clock.today()).pk
    users = User.objects.filter(unit__area=county, is_active=True).order_by("username")
    office = users.filter(unit__kind=Unit.Kind.OFFICE, read_only=False).first()
    township = (
        Unit.objects.in_county(county).filter(kind=Unit.Kind.TOWNSHIP).order_by("code").first()
    )
    clerk = users.filter(unit=township).first()
    members = users.filter(unit__kind=Unit.Kind.MEMBER).values_list("username", flat=True)
    return MeasuredCounty(
        area=county,
        campaign=campaign,
        office=office.username,
        township=township.pk,
        clerk=clerk.username,
        members=tuple(members),
    )
