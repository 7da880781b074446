"""The writes of the seven special actions. The county office frames an action (lead unit,
cooperating units, who answers for it, plan, dates); its lead unit's writers report on it
(status, result, progress notes). Each write is one transaction that re-checks the right on
the locked row, refuses a form opened on an older version and leaves a history row."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from campaign import access, clock
from campaign.models import SpecialAction, SpecialActionNote, Unit
from campaign.record_campaign import check_in_window
from campaign.registries import changed_meanwhile

FRAME_FIELDS = ("lead_unit", "cooperating_units", "responsible", "plan", "starts_on", "ends_on")
REPORT_FIELDS = ("status", "result")
# The kinds of unit that lead or join an action: the county's own, not the garrison served.
TAKING_PART = (Unit.Kind.OFFICE, Unit.Kind.MEMBER, Unit.Kind.TOWNSHIP)


def units_taking_part(county_id, *, keep=()):
    """The units an action may name: the county's active office, member units and townships,
    and those it already names even if deactivated since."""
    units = Unit.objects.in_county(county_id).filter(kind__in=TAKING_PART)
    active = units.filter(is_active=True)
    kept = [pk for pk in keep if pk]
    found = (active | units.filter(pk__in=kept)) if kept else active
    return found.order_by("kind", "code")


def fields_for(user, action) -> tuple[str, ...]:
    """What this user may change in an action: the frame, the report, both or nothing."""
    fields = ()
    if access.can_edit_special_action_frame(user, action):
        fields += FRAME_FIELDS
    if access.can_report_special_action(user, action):
        fields += REPORT_FIELDS
    return fields


def _locked(user, action) -> SpecialAction:
    found = (
        SpecialAction.objects.visible_to(user)
        .select_for_update(of=("self",))
        .select_related("topic__campaign")
        .filter(pk=action.pk)
        .first()
    )
    if found is None:
        raise ValidationError(_("This record no longer exists."))
    return found


@transaction.atomic
def special_action_save(*, user, action, version: int | None, changes: dict) -> SpecialAction:
    """Change the fields named in `changes`; each must be one this user may change."""
    stored = _locked(user, action)
    allowed = fields_for(user, stored)
    if not allowed or any(name not in allowed for name in changes):
        raise PermissionDenied
    if version is None or stored.version != version:
        raise changed_meanwhile(stored)
    campaign = stored.topic.campaign
    cooperating = changes.pop("cooperating_units", None)
    for name, value in changes.items():
        setattr(stored, name, value)
    keep = [stored.lead_unit_id] if "lead_unit" in changes else []
    if "lead_unit" in changes and stored.lead_unit is not None:
        if not units_taking_part(campaign.county_id, keep=keep).filter(pk=stored.lead_unit_id):
            raise ValidationError({"lead_unit": _("Choose one of the county's active units.")})
    if cooperating is not None:
        cooperating = list(cooperating)
        keep = list(stored.cooperating_units.values_list("pk", flat=True))
        allowed_units = set(
            units_taking_part(campaign.county_id, keep=keep).values_list("pk", flat=True)
        )
        if any(unit.pk not in allowed_units for unit in cooperating):
            raise ValidationError(
                {"cooperating_units": _("Choose among the county's active units.")}
            )
        if stored.lead_unit_id and any(unit.pk == stored.lead_unit_id for unit in cooperating):
            raise ValidationError(
                {"cooperating_units": _("The lead unit is not also one of its cooperating units.")}
            )
    check_in_window(campaign, field="starts_on", day=stored.starts_on)
    check_in_window(campaign, field="ends_on", day=stored.ends_on)
    stored.version += 1
    stored.full_clean()
    stored._history_user = user
    stored._change_reason = _("edited")
    stored.save()
    if cooperating is not None:
        stored.cooperating_units.set(cooperating)
    return stored


@transaction.atomic
def special_action_note_add(*, user, action, noted_on, text: str) -> SpecialActionNote:
    stored = _locked(user, action)
    if not access.can_add_special_action_note(user, stored):
        raise PermissionDenied
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Say what was done.")})
    if noted_on is None:
        raise ValidationError({"noted_on": _("Give the date.")})
    if noted_on > clock.today():
        raise ValidationError({"noted_on": _("The date cannot be in the future.")})
    check_in_window(stored.topic.campaign, field="noted_on", day=noted_on)
    note = SpecialActionNote(
        action=stored, noted_on=noted_on, text=text, author=user, unit_id=user.unit_id
    )
    note.full_clean()
    note._history_user = user
    note.save()
    return note
