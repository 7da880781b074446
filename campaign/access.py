"""Who sees what and who may change what: the one rule, and the campaign's own records.

A user's role follows from its unit (campaign.roles). This module answers the questions every
app asks — is this user signed in, which county is it looking at, does it read the whole
county, may it write, is it the office that writes — and campaign.scoping builds
visible_to(user) on them, so the common part of the rule is stated once. Scope is county
first: a county's users see their county; a city or province office reads the counties under
it, one at a time, and changes nothing in them. Each app's access module adds its models' own
scope and its named permissions (can_edit, can(user, action, obj)); views, templates and
services ask those and never compare a role themselves."""

from django.db.models import Q

from campaign.roles import Role, role_of_kind


def signed_in(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def role_of(user) -> Role:
    if not signed_in(user):
        return Role.NONE
    return account_role(user)


def account_role(user) -> Role:
    """The role an account holds as it stands, whether or not it may log in now."""
    if user.read_only:
        return Role.LEADER
    if user.is_superuser:
        return Role.OFFICE
    if user.unit_id is None:
        return Role.NONE
    return role_of_kind(user.unit.kind)


def is_higher_office(user) -> bool:
    """A city or province office: reads the counties under it, writes nothing in them."""
    return role_of(user) == Role.HIGHER_OFFICE


def reads_whole_county(user) -> bool:
    """The county office, the county leaders and the offices above read every record of the
    county they look at."""
    return role_of(user) in (Role.OFFICE, Role.LEADER, Role.HIGHER_OFFICE)


def writes(user) -> bool:
    """May change something in a county: signed in, not read-only, and a county's unit."""
    return (
        signed_in(user)
        and not user.read_only
        and role_of(user) not in (Role.NONE, Role.HIGHER_OFFICE)
    )


def reads_personal_data(user) -> bool:
    """The registry of persons is read inside a county only, never from above it."""
    return signed_in(user) and not is_higher_office(user)


def counties_read(user):
    """The counties whose records this user may read: its own, or those under a higher
    office's city or province."""
    from campaign.models import Area

    if not signed_in(user) or user.unit_id is None:
        return Area.objects.none()
    if is_higher_office(user):
        return Area.objects.counties().under(user.unit.area)
    return Area.objects.filter(pk=user.unit.area_id)


_UNSET = object()


def counties_in_reach(user) -> list:
    """counties_read(user) as a list in the tree's order, read once per request."""
    found = getattr(user, "_counties_in_reach", None)
    if found is None:
        found = list(counties_read(user).select_related("parent").order_by("path"))
        user._counties_in_reach = found
    return found


def county_in_view_id(user) -> int | None:
    """The county whose records this user sees now: a county's user its own; a higher office
    the county it chose to look at (campaign.middleware), else the first under it."""
    chosen = getattr(user, "_county_in_view", _UNSET)
    if chosen is not _UNSET:
        return chosen
    if not signed_in(user) or user.unit_id is None:
        chosen = None
    elif is_higher_office(user):
        chosen = next((county.pk for county in counties_in_reach(user)), None)
    else:
        chosen = user.unit.area_id
    user._county_in_view = chosen
    return chosen


def look_at_county(user, county_id) -> bool:
    """A higher office turns to one of its counties; anything else is refused (False)."""
    if not is_higher_office(user) or county_id not in {c.pk for c in counties_in_reach(user)}:
        return False
    user._county_in_view = county_id
    return True


def office_writes(user) -> bool:
    """The county office acting as such (a read-only leader is not)."""
    return writes(user) and role_of(user) == Role.OFFICE


def administers(user) -> bool:
    """Runs the county's system (系统管理): a user of the county office holding the
    administrator flag. It grants nothing outside the county in view."""
    return office_writes(user) and user.is_administrator


def office_writes_in(user, unit) -> bool:
    """The office acting on one of its own county's units."""
    return office_writes(user) and unit.area_id == county_in_view_id(user)


def is_county_leader(user) -> bool:
    """A county leader (县领导): reads the whole county; may take cases personally (包案)."""
    return signed_in(user) and role_of(user) == Role.LEADER


def county_leaders(county_id):
    """The active accounts of a county's leaders, whoever is signed in."""
    from campaign.models import User

    return User.objects.filter(read_only=True, is_active=True, unit__area_id=county_id)


def is_township_clerk(user) -> bool:
    return role_of(user) == Role.TOWNSHIP


def is_member_unit(user) -> bool:
    return role_of(user) == Role.MEMBER


def is_garrison_liaison(user) -> bool:
    return role_of(user) == Role.GARRISON


def own_township(user):
    """The township a clerk works for; None for everyone else."""
    return user.unit if is_township_clerk(user) else None


def works_in_a_unit(user) -> bool:
    """A township or member unit: it keeps a 五个一 checklist and has a progress row."""
    return role_of(user) in (Role.TOWNSHIP, Role.MEMBER)


def reads_units_work(user) -> bool:
    """The county and the units whose work is counted (townships, member units)."""
    return reads_whole_county(user) or works_in_a_unit(user)


# The scopes of the campaign's own models, for users who do not read the whole county:
# a Q to filter with, or None for nothing.


def everyone_signed_in(user) -> Q:
    """The organisation chart and the public honours: every signed-in user reads them."""
    return Q()


def colleagues(user) -> Q | None:
    return Q(unit_id=user.unit_id) if user.unit_id else Q(pk=user.pk)


def own_unit(user) -> Q | None:
    return Q(unit_id=user.unit_id) if user.unit_id else None


def inspection_findings(user) -> Q | None:
    return Q(inspection__unit_id=user.unit_id) if user.unit_id else None


# Who may change the campaign's own records.


def can_edit_five_ones(user, unit) -> bool:
    """A township or member unit keeps its own checklist; the office may correct any."""
    from campaign.models import Unit

    if not writes(user) or unit.kind not in (Unit.Kind.TOWNSHIP, Unit.Kind.MEMBER):
        return False
    return office_writes_in(user, unit) or user.unit_id == unit.pk


def checklists_read_by(user) -> Q:
    """The units whose 五个一 checklist this user reads: all in the county, or its own."""
    return Q() if reads_whole_county(user) else Q(pk=user.unit_id)


def can_read_five_ones(user, unit) -> bool:
    return reads_whole_county(user) or (signed_in(user) and user.unit_id == unit.pk)


def can_inspect(user) -> bool:
    return office_writes(user)


def reads_operation_log(user) -> bool:
    """The county office reads who changed what (not the leaders, who read the figures)."""
    return role_of(user) == Role.OFFICE


def keeps_the_registries(user) -> bool:
    """先进典型, 表彰 and the 社会化拥军 registry are the office's daily content work: every
    user of the county office who writes keeps them, administrator or not."""
    return office_writes(user)


def can_edit(user, obj) -> bool:
    from campaign.models import FiveOnesItem, Inspection

    if isinstance(obj, FiveOnesItem):
        return can_edit_five_ones(user, obj.unit)
    if isinstance(obj, Inspection):
        return can_inspect(user)
    return False


# The navigation bar and the home page show an entry to whoever this answers yes for.


def everyone(user) -> bool:
    return signed_in(user) and role_of(user) != Role.NONE


def units_of_the_county(user) -> bool:
    """The county's own units: not the garrison liaisons, who work with the county from
    outside, nor the offices above."""
    return role_of(user) in (Role.OFFICE, Role.LEADER, Role.MEMBER, Role.TOWNSHIP)


def above_counties(user) -> bool:
    return is_higher_office(user)


def concludes_campaigns(user) -> bool:
    """At a campaign's end the county office decides, case by case, what goes on into the
    next campaign and what ends with it."""
    return office_writes(user)


# The seven special actions: the office frames each one; its lead unit carries it.


def special_actions_of(user) -> Q | None:
    """A unit that does not read the whole county reads the actions it leads or joins."""
    if user.unit_id is None:
        return None
    from campaign.models import SpecialAction

    joined = SpecialAction.cooperating_units.through.objects.filter(unit_id=user.unit_id)
    return Q(lead_unit_id=user.unit_id) | Q(pk__in=joined.values("specialaction_id"))


def special_action_notes_of(user) -> Q | None:
    if user.unit_id is None:
        return None
    from campaign.models import SpecialAction

    joined = SpecialAction.cooperating_units.through.objects.filter(unit_id=user.unit_id)
    return Q(action__lead_unit_id=user.unit_id) | Q(action_id__in=joined.values("specialaction_id"))


def reads_special_actions(user) -> bool:
    """The county's units that may lead or join an action find them under their own entry."""
    return role_of(user) in (Role.OFFICE, Role.LEADER, Role.MEMBER, Role.TOWNSHIP)


def leads_special_action(user, action) -> bool:
    return writes(user) and action.lead_unit_id is not None and user.unit_id == action.lead_unit_id


def can_edit_special_action_frame(user, action) -> bool:
    """Lead unit, cooperating units, who answers for it, plan and dates: the county office."""
    return office_writes(user) and action.topic.campaign.county_id == county_in_view_id(user)


def can_report_special_action(user, action) -> bool:
    """Status and result: the lead unit's writers, and the office (which stands in for an
    action it has not yet given a lead unit)."""
    return can_edit_special_action_frame(user, action) or leads_special_action(user, action)


def can_edit_special_action(user, action) -> bool:
    return can_report_special_action(user, action)


def can_add_special_action_note(user, action) -> bool:
    return can_report_special_action(user, action)
