from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaign.selectors import campaign_for
from outreach.models import Household, Visit


def visited_in_view(user) -> Exists:
    """A household visited in the campaign this user is looking at: the survey starts afresh
    with each campaign, while the household and its earlier visits carry on."""
    return Exists(Visit.objects.filter(household=OuterRef("pk"), campaign=campaign_for(user)))


def survey_coverage(user) -> dict:
    """Households this user may see, and how many of them have been visited in the campaign."""
    return (
        Household.objects.visible_to(user)
        .active()
        .aggregate(total=Count("pk"), visited=Count("pk", filter=visited_in_view(user)))
    )


def survey_items(user) -> list:
    """The workbench's households not yet visited: the household list filtered the same way."""
    from campaign.workbench import Item

    coverage = survey_coverage(user)
    return [
        Item(
            key="not_visited",
            label=_("Households not yet visited"),
            count=coverage["total"] - coverage["visited"],
            url=reverse("outreach:households") + "?visited=no",
        )
    ]
