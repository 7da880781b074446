"""Who sees and who changes what in the field: the registry, the survey, activities and plaques.
The common part of the rule is campaign.access; this module adds the field's own scopes (used by
each model's visible_to) and its named permissions."""

from collections.abc import Callable
from functools import reduce
from operator import or_

from django.db.models import Q

from campaign import access as rule
from campaign.roles import Role

# Upper layers that tie a household to a unit (the ledger does, through its cases) add their
# reach here from their AppConfig.ready(): a function (user) -> Q on Household, or None. The
# registry never imports them.
household_reach: list[Callable] = []

FIELD_READERS = (Role.OFFICE, Role.LEADER, Role.TOWNSHIP)


# Scopes for users who do not read the whole county (None: nothing).


def household_scope(user) -> Q | None:
    if rule.is_township_clerk(user):
        return Q(township_id=user.unit_id)
    reaches = [q for q in (reach(user) for reach in household_reach) if q is not None]
    if rule.is_member_unit(user) and user.unit_id:
        reaches.append(households_visited_by(user.unit_id))
    return reduce(or_, reaches) if reaches else None


def households_visited_by(unit_id) -> Q:
    """A member unit sees the households it visited, and no other (it finds one to visit by
    its exact ID number)."""
    from outreach.models import Visit

    visited = Visit.objects.filter(unit_id=unit_id, household__isnull=False)
    return Q(pk__in=visited.values("household"))


def through_household(user) -> Q | None:
    """Persons and plaques: as their household."""
    from outreach.models import Household

    return Q(household__in=Household.objects.visible_to(user).values("pk"))


def visit_scope(user) -> Q | None:
    if rule.is_township_clerk(user):
        # A township merged into this one: its visits are about this township's households now.
        return Q(township_id=user.unit_id) | Q(township__merged_into_id=user.unit_id)
    if rule.is_garrison_liaison(user):
        return Q(garrison_id=user.unit_id)  # visits to its own garrison, and its own needs
    if rule.is_member_unit(user) and user.unit_id:
        return Q(unit_id=user.unit_id)  # the visits it made
    return None


def finding_scope(user) -> Q | None:
    from outreach.models import Visit

    return Q(visit__in=Visit.objects.visible_to(user).values("pk"))


def activity_scope(user) -> Q | None:
    return Q(organiser_id=user.unit_id) if rule.everyone(user) and user.unit_id else None


def evidence_scope(user) -> Q | None:
    from outreach.models import Activity

    return Q(activity__in=Activity.objects.visible_to(user).values("pk"))


def activity_detail_scope(user) -> Q | None:
    """Media coverage and merit notices: as their activity."""
    from outreach.models import Activity

    return Q(activity__in=Activity.objects.visible_to(user).values("pk"))


def nobody_else(user) -> None:
    """Records only the county's readers see (who looked at a full ID number)."""
    return None


# Reading.


def reads_registry(user) -> bool:
    """The registry and the survey are read inside a county; an office above it has its
    figures, not its people (404)."""
    return rule.reads_personal_data(user)


def reads_field(user) -> bool:
    """The registry and the survey: the county and the township clerks."""
    return rule.role_of(user) in FIELD_READERS


def reads_visits(user) -> bool:
    return reads_field(user) or rule.is_garrison_liaison(user) or rule.is_member_unit(user)


def can_see_full_id(user, household) -> bool:
    """Full ID numbers and phones: only whoever may edit the household."""
    return can_edit_township(user, household.township)


# Changing.


def can_edit_township(user, township) -> bool:
    if rule.office_writes_in(user, township):
        return True
    return rule.writes(user) and rule.is_township_clerk(user) and user.unit_id == township.pk


def can_register_households(user) -> bool:
    return rule.office_writes(user) or (rule.writes(user) and rule.is_township_clerk(user))


def surveys_households(user) -> bool:
    """Visits households: the office and the township clerks; their workbench counts the
    households still to visit."""
    return can_register_households(user)


def surveys_offline(user) -> bool:
    """The survey app on a phone: a township clerk who records visits, with its own township's
    worklist. The office surveys at its desk, through the forms."""
    return rule.writes(user) and rule.is_township_clerk(user)


def can_visit_garrisons(user) -> bool:
    """The office, township clerks and member units visit garrison units (topics 1–3)."""
    return can_register_households(user) or visits_as_member_unit(user)


def visits_as_member_unit(user) -> bool:
    """A member unit (or an enterprise working as one) goes into the field too: it visits
    garrison units, and households it finds by their exact ID number, never from a list."""
    return rule.writes(user) and rule.is_member_unit(user)


def looks_up_by_id_number(user) -> bool:
    return visits_as_member_unit(user)


def can_visit_household(user, household) -> bool:
    """Its township's clerk and the office; a member unit only the household it found by its
    ID number (the view holds that) or visited before."""
    return can_edit_township(user, household.township) or visits_as_member_unit(user)


def may_charge_township(user) -> bool:
    """Whether a garrison visit may name the township whose survey it counts for: the office
    may (or leave it to count as its own); a clerk's is its own; a member unit's counts as
    the member unit's."""
    return not visits_as_member_unit(user)


def registers_needs(user) -> bool:
    """A garrison's liaison registers its unit's needs (topics 1–3) itself."""
    return rule.writes(user) and rule.is_garrison_liaison(user)


def reads_needs(user) -> bool:
    """A liaison reads what its garrison reported; the office and the leaders every garrison's."""
    return rule.is_garrison_liaison(user) or (reads_field(user) and rule.reads_whole_county(user))


def own_township(user):
    """The township a clerk registers households and records visits for (None: not a clerk)."""
    return rule.own_township(user)


def chooses_township(user) -> bool:
    """The office says which township a garrison visit or a household belongs to; a clerk's
    is always its own."""
    return rule.office_writes(user)


def can_record_activity(user) -> bool:
    return rule.writes(user)


def may_choose_organiser(user) -> bool:
    """The office records activities for any unit; a unit records its own."""
    return rule.office_writes(user)


def can_edit_activity(user, activity) -> bool:
    return rule.office_writes(user) or (rule.writes(user) and activity.organiser_id == user.unit_id)


def can_add_activity_details(user, activity) -> bool:
    """Media coverage and merit notices are added by whoever may edit the activity."""
    return can_edit_activity(user, activity)


def reads_merit_notices(user) -> bool:
    """A notice names a soldier and his family: read inside a county (an office above it has
    the activity figures, not the people: 404)."""
    return rule.reads_personal_data(user)


def can_edit(user, obj) -> bool:
    """Households, persons and visits belong to a township: its clerk and the office edit.
    An activity belongs to its organising unit."""
    from outreach.models import Activity, Household, Person, Visit

    if isinstance(obj, Household | Person) and obj.anonymised_on is not None:
        # Its personal details were removed after the retention period: nothing to change.
        return False
    if isinstance(obj, Visit):
        if obj.township_id is None:
            return rule.office_writes_in(user, obj.unit)
        return can_edit_township(user, obj.township)
    if isinstance(obj, Household):
        return can_edit_township(user, obj.township)
    if isinstance(obj, Person):
        return can_edit_township(user, obj.household.township)
    if isinstance(obj, Activity):
        return can_edit_activity(user, obj)
    return False


# The Excel import: the office and township clerks; a leader may look but not change (403);
# member units and garrison liaisons have nothing there (404).


def import_shown_to(user) -> bool:
    return reads_field(user)


def can_import(user) -> bool:
    return can_register_households(user)


def reads_looks(user) -> bool:
    """Who looked at a person, and what a user looked at: the county office, which answers for
    the registry's personal information (not the leaders, as with the operation log)."""
    return rule.reads_operation_log(user)


def can_issue_person_copy(user) -> bool:
    """A person's own data, handed over on request (个人信息查阅): the county office acting as
    such."""
    return rule.office_writes(user) and rule.reads_operation_log(user)
