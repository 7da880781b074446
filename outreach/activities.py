"""Writes for the workstreams' activities and their evidence."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from campaign import clock
from campaign.evidence import evidence_type
from campaign.lists import list_values_check
from campaign.models import SupportOrganisation
from campaign.record_campaign import campaign_of_new_record, check_in_window
from outreach.access import can_edit_activity, can_record_activity, may_choose_organiser
from outreach.models import Activity, ActivityKind, Evidence


@transaction.atomic
def activity_save(
    *, user, activity: Activity, households=None, persons=None, target_groups=None
) -> Activity:
    if activity.pk:
        stored = Activity.objects.select_for_update().get(pk=activity.pk)
        if not can_edit_activity(user, stored):
            raise PermissionDenied
    if not can_record_activity(user):
        raise PermissionDenied
    if not may_choose_organiser(user):
        activity.organiser = user.unit  # a unit records its own work only
    if not activity.pk:
        activity.created_by = user
    _check_organisation(user, activity)
    if activity.held_on and activity.held_on > clock.today():
        raise ValidationError({"held_on": _("An activity cannot be dated in the future.")})
    if activity.kind_id is None or activity.organiser_id is None:
        activity.full_clean()  # says which is missing
    if activity.pk:
        activity.campaign_id = stored.campaign_id  # an activity stays in its campaign
    else:
        activity.campaign = campaign_of_new_record(user=user, county_id=activity.organiser.area_id)
    check_in_window(activity.campaign, field="held_on", day=activity.held_on)
    if activity.phase_id and activity.phase.campaign_id != activity.campaign_id:
        message = _("Choose a phase of the campaign “%(name)s”.")
        raise ValidationError({"phase": message % {"name": activity.campaign.name}})
    held = Activity.objects.filter(pk=activity.pk).values_list("kind_id", flat=True)
    try:
        [kind] = list_values_check(
            ActivityKind,
            [activity.kind_id],
            county_id=activity.organiser.area_id,
            held=list(held) if activity.pk else (),
        )
    except ValidationError as exc:
        raise ValidationError({"kind": exc.messages}) from exc
    # The kind decides the workstream, so the two can never disagree.
    activity.workstream_id = kind.workstream_id
    activity.full_clean()
    activity.save()
    if households is not None:
        activity.households.set(households)
    if persons is not None:
        activity.persons.set(persons)
    if target_groups is not None:
        activity.target_groups.set(target_groups)
    return activity


def _check_organisation(user, activity) -> None:
    """Credited only to an active organisation of the county; one deactivated since stays."""
    if activity.support_organisation_id is None:
        return
    kept = None
    if activity.pk:
        kept = (
            Activity.objects.filter(pk=activity.pk)
            .values_list("support_organisation_id", flat=True)
            .first()
        )
    offered = SupportOrganisation.objects.visible_to(user).filter(
        pk=activity.support_organisation_id
    )
    if activity.support_organisation_id != kept:
        offered = offered.filter(active=True)
    if not offered.exists():
        raise ValidationError(
            {"support_organisation": _("Choose one of the county's active support organisations.")}
        )


@transaction.atomic
def evidence_add(*, user, activity: Activity, upload) -> Evidence:
    if not can_edit_activity(user, activity):
        raise PermissionDenied
    content_type, extension = evidence_type(upload)
    name = upload.name
    upload.name = f"activity-{activity.pk}{extension}"
    return Evidence.objects.create(
        activity=activity,
        file=upload,
        original_name=name[:200],
        content_type=content_type,
        size=upload.size,
        uploaded_by=user,
    )
