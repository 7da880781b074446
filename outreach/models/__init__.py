"""The field: the beneficiary registry, the survey, the workstreams' activities and plaques."""

from outreach.models.activities import (
    Activity,
    ActivityKind,
    Evidence,
)
from outreach.models.activity_details import MediaCoverage, MeritNotice, TargetGroup
from outreach.models.plaques import HonourPlaque, PlaqueEvent
from outreach.models.registry import (
    BeneficiaryCategory,
    Household,
    IdNumberView,
    Person,
    Policy,
    PriorityMark,
)
from outreach.models.retention import AnonymisationRun, RetentionPolicy
from outreach.models.survey import Finding, Visit, VisitKey

__all__ = [
    "Activity",
    "ActivityKind",
    "AnonymisationRun",
    "Evidence",
    "HonourPlaque",
    "PlaqueEvent",
    "BeneficiaryCategory",
    "Finding",
    "Household",
    "IdNumberView",
    "MediaCoverage",
    "MeritNotice",
    "Person",
    "Policy",
    "PriorityMark",
    "RetentionPolicy",
    "TargetGroup",
    "Visit",
    "VisitKey",
]
