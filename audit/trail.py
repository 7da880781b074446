"""One list over every history table: the audit trail is read, never written, by the app."""

from django.db.models import CharField, F, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from agenda.models import Decision, Mechanism, Meeting, Task
from bulletins.models import Bulletin
from campaign.models import (
    Commendation,
    FiveOnesItem,
    Inspection,
    InspectionRating,
    ModelFigure,
    SpecialAction,
    SpecialActionNote,
    SupportOrganisation,
    Unit,
    UnitMerge,
    User,
)
from grievances.models import CaseEvent
from outreach.models import (
    Activity,
    ActivityKind,
    AnonymisationRun,
    BeneficiaryCategory,
    Household,
    IdNumberView,
    MediaCoverage,
    MeritNotice,
    Person,
    Policy,
    PriorityMark,
    RetentionPolicy,
    Visit,
)
from submissions.models import ReportRequest, Submission

HISTORY_SOURCES = {
    "unit": (_("unit"), Unit),
    "account": (_("account"), User),
    "household": (_("household"), Household),
    "person": (_("person"), Person),
    "visit": (_("visit"), Visit),
    "activity": (_("activity"), Activity),
    "five_ones": (_("五个一 item"), FiveOnesItem),
    "inspection": (_("inspection"), Inspection),
    "model_figure": (_("publicised model"), ModelFigure),
    "commendation": (_("commendation"), Commendation),
    "support_organisation": (_("support organisation"), SupportOrganisation),
    "township_merge": (_("township merge"), UnitMerge),
    "category": (_("beneficiary category"), BeneficiaryCategory),
    "priority_mark": (_("priority-care mark"), PriorityMark),
    "policy": (_("policy"), Policy),
    "inspection_rating": (_("inspection rating"), InspectionRating),
    "activity_kind": (_("activity kind"), ActivityKind),
    "retention_policy": (_("retention setting"), RetentionPolicy),
    "anonymisation": (_("anonymisation run"), AnonymisationRun),
    "special_action": (_("special action"), SpecialAction),
    "special_action_note": (_("progress note"), SpecialActionNote),
    "report_request": (_("report request"), ReportRequest),
    "submission": (_("submission"), Submission),
    "bulletin": (_("bulletin"), Bulletin),
    "media_coverage": (_("media coverage"), MediaCoverage),
    "merit_notice": (_("merit notice"), MeritNotice),
    "meeting": (_("meeting"), Meeting),
    "decision": (_("decision"), Decision),
    "task": (_("task"), Task),
    "mechanism": (_("mechanism"), Mechanism),
}
# From a history row (or a case event, a full view) to the county of its record.
COUNTY_OF = {
    "unit": "area",
    "account": "unit__area",
    "household": "township__area",
    "person": "household__township__area",
    "visit": "township__area",
    "activity": "organiser__area",
    "five_ones": "unit__area",
    "inspection": "unit__area",
    "model_figure": "unit__area",
    "commendation": "unit__area",
    "support_organisation": "county",
    "township_merge": "survivor__area",
    "category": "county",
    "priority_mark": "county",
    "policy": "county",
    "inspection_rating": "county",
    "activity_kind": "county",
    "retention_policy": "county",
    "anonymisation": "county",
    "special_action": "topic__campaign__county",
    "special_action_note": "action__topic__campaign__county",
    "report_request": "county",
    "submission": "request__county",
    "bulletin": "county",
    "media_coverage": "activity__organiser__area",
    "merit_notice": "activity__organiser__area",
    "meeting": "campaign__county",
    "decision": "meeting__campaign__county",
    "task": "campaign__county",
    "mechanism": "campaign__county",
    "case": "case__campaign__county",
    "id_view": "county",
}
OTHER_SOURCES = {"case": _("case"), "id_view": _("personal data access")}
RECORD_TYPES = {key: label for key, (label, _model) in HISTORY_SOURCES.items()} | OTHER_SOURCES

# Every column is an annotation, declared in this order for every table: a UNION matches
# columns by position, and Django places model fields before annotations.
COLUMNS = ["audit_at", "audit_user", "audit_type", "audit_record", "audit_action"]


def _columns(queryset, *, at, user, record_type, record, action):
    return queryset.annotate(
        audit_at=F(at),
        audit_user=F(user),
        audit_type=Value(record_type, output_field=CharField()),
        audit_record=F(record) if isinstance(record, str) else record,
        audit_action=action,
    ).values(*COLUMNS)


def trail(*, county, record_type=None, record_id=None, user=None, since=None, until=None):
    """The county's rows matching the filters, newest first, as dicts of COLUMNS."""
    parts = []
    for key, (_label, model) in HISTORY_SOURCES.items():
        if record_type in (None, key):
            parts.append(
                _columns(
                    model.history.filter(**{COUNTY_OF[key]: county}),
                    at="history_date",
                    user="history_user_id",
                    record_type=key,
                    record="id",
                    action=F("history_type"),
                )
            )
    if record_type in (None, "case"):
        parts.append(
            _columns(
                CaseEvent.objects.filter(**{COUNTY_OF["case"]: county}),
                at="at",
                user="by_id",
                record_type="case",
                record="case_id",
                action=F("kind"),
            )
        )
    if record_type in (None, "id_view"):
        parts.append(
            _columns(
                IdNumberView.objects.filter(**{COUNTY_OF["id_view"]: county}),
                at="viewed_at",
                user="user_id",
                record_type="id_view",
                record=Coalesce("person_id", "id"),
                # A file names many persons and no one: its row shows the log entry's number.
                action=F("source"),
            )
        )
    filtered = []
    for part in parts:
        if record_id is not None:
            part = part.filter(audit_record=record_id)
        if user is not None:
            part = part.filter(audit_user=user.pk)
        if since is not None:
            part = part.filter(audit_at__date__gte=since)
        if until is not None:
            part = part.filter(audit_at__date__lte=until)
        filtered.append(part.order_by())
    first, *rest = filtered
    return first.union(*rest, all=True).order_by("-audit_at")
