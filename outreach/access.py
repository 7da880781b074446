"""Who may change what in the field registry. Reading goes through each model's visible_to."""

from campaign.models import Role, Unit


def can_edit_township(user, township: Unit) -> bool:
    if not user.may_write:
        return False
    return user.role == Role.OFFICE or (user.role == Role.TOWNSHIP and user.unit_id == township.pk)


def can_edit(user, obj) -> bool:
    """Households, persons and visits belong to a township: its clerk and the office edit."""
    from outreach.models import Household, Person, Visit

    if isinstance(obj, Household | Visit):
        return can_edit_township(user, obj.township)
    if isinstance(obj, Person):
        return can_edit_township(user, obj.household.township)
    return False


def can_see_full_id(user, household) -> bool:
    return can_edit_township(user, household.township)
