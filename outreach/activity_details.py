"""Writes for what an activity reached and left behind: its media coverage and its merit
notices (立功喜报)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from campaign import clock
from campaign.evidence import evidence_type
from campaign.models import Unit
from campaign.record_campaign import check_in_window
from outreach.access import can_add_activity_details
from outreach.models import Activity, ActivityKind, Household, MediaCoverage, MeritNotice

# The kind's code stays when the office renames it (outreach/starter_lists.py).
MERIT_KIND = "merit_notice"


def merit_kind_name(county_id) -> str:
    kind = ActivityKind.objects.filter(county_id=county_id, code=MERIT_KIND).first()
    return kind.name if kind else "送立功喜报"


def takes_merit_notices(activity) -> bool:
    return activity.kind.code == MERIT_KIND


def _not_in_future(field, day) -> None:
    if day and day > clock.today():
        raise ValidationError({field: _("This date is in the future.")})


@transaction.atomic
def coverage_add(
    *, user, activity: Activity, outlet, published_on, title, link="", upload=None
) -> MediaCoverage:
    if not can_add_activity_details(user, activity):
        raise PermissionDenied
    if not link and upload is None:
        raise ValidationError(_("Give the link to the report or upload a clipping of it."))
    _not_in_future("published_on", published_on)
    if published_on and published_on < activity.held_on:
        raise ValidationError(
            {"published_on": _("The report cannot come out before the activity was held.")}
        )
    coverage = MediaCoverage(
        activity=activity,
        outlet=outlet,
        published_on=published_on,
        title=title,
        link=link or "",
        created_by=user,
    )
    if upload is not None:
        try:
            coverage.content_type, extension = evidence_type(upload)
        except ValidationError as exc:
            raise ValidationError({"file": exc.messages}) from exc
        coverage.original_name, coverage.size = upload.name[:200], upload.size
        upload.name = f"coverage-{activity.pk}{extension}"
        coverage.file = upload
    coverage.full_clean(exclude=["file"])
    coverage.save()
    return coverage


@transaction.atomic
def merit_notice_add(
    *,
    user,
    activity: Activity,
    soldier_name,
    level,
    sent_on,
    garrison=None,
    serving_unit="",
    household=None,
) -> MeritNotice:
    if not can_add_activity_details(user, activity):
        raise PermissionDenied
    if not takes_merit_notices(activity):
        raise ValidationError(
            _("Merit notices are recorded on an activity of the kind “%(name)s”.")
            % {"name": merit_kind_name(activity.organiser.area_id)}
        )
    county_id = activity.organiser.area_id
    if garrison is None and not serving_unit:
        raise ValidationError(_("Choose the garrison unit or name the unit he serves in."))
    if garrison is not None and not (
        garrison.kind == Unit.Kind.GARRISON and garrison.area_id == county_id
    ):
        raise ValidationError({"garrison": _("Choose one of the county's garrison units.")})
    if household is not None and not (
        Household.objects.visible_to(user)
        .filter(pk=household.pk, township__area_id=county_id, archived=False)
        .exists()
    ):
        raise ValidationError(
            {"household": _("Choose a household of the registry you can see in this county.")}
        )
    _not_in_future("sent_on", sent_on)
    check_in_window(activity.campaign, field="sent_on", day=sent_on)
    notice = MeritNotice(
        activity=activity,
        soldier_name=soldier_name,
        level=level,
        sent_on=sent_on,
        garrison=garrison,
        serving_unit=serving_unit or "",
        household=household,
        created_by=user,
    )
    notice.full_clean()
    notice.save()
    return notice
