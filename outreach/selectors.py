from django.db.models import Count, Exists, OuterRef

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


def survey_panel(user) -> dict:
    coverage = survey_coverage(user)
    return {
        "coverage": coverage,
        "not_visited": coverage["total"] - coverage["visited"],
        "can_visit": user.may_write,
    }
