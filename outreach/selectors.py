from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from outreach.models import Household, Visit


def survey_coverage(user) -> dict:
    """Households this user may see, and how many of them have been visited."""
    return (
        Household.objects.visible_to(user)
        .active()
        .aggregate(
            total=Count("pk"),
            visited=Count("pk", filter=Exists(Visit.objects.filter(household=OuterRef("pk")))),
        )
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
