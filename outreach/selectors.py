from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaign.selectors import campaign_for
from outreach.models import Household, Visit


def visited_in_view(user) -> Exists:
    """A household visited in the campaign this user is looking at: the survey starts afresh
    with each campaign, while the household and its earlier visits carry on."""
    return Exists(Visit.objects.filter(household=OuterRef("pk"), campaign=campaign_for(user)))


# The household list's order; pk last so that "the next one" is always defined.
HOUSEHOLD_ORDER = ("township__code", "village", "number", "pk")


def next_household_to_visit(user, *, after: Household) -> Household | None:
    """The household after this one on the user's list of households not yet visited (the
    household list filtered to visited = no, in its order, within what the user may see),
    starting again from the top past its end; None when no other household is left."""
    rest = (
        Household.objects.visible_to(user)
        .active()
        .exclude(visited_in_view(user))
        .exclude(pk=after.pk)
        .select_related("township")
        .order_by(*HOUSEHOLD_ORDER)
    )
    code, village, number = after.township.code, after.village, after.number
    later = (
        Q(township__code__gt=code)
        | Q(township__code=code, village__gt=village)
        | Q(township__code=code, village=village, number__gt=number)
        | Q(township__code=code, village=village, number=number, pk__gt=after.pk)
    )
    return rest.filter(later).first() or rest.first()


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
