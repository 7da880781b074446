"""The frame and the organisation, the 五个一 checklist, inspections and recognition."""

from campaign.models.areas import Area
from campaign.models.checklist import FiveOnesItem
from campaign.models.frame import (
    Campaign,
    Phase,
    ScopedUserManager,
    Topic,
    Unit,
    UnitQuerySet,
    User,
    UserQuerySet,
    Workstream,
)
from campaign.models.inspections import Inspection, InspectionFinding, InspectionRating
from campaign.models.merges import UnitMerge
from campaign.models.recognition import Commendation, ModelFigure, SupportOrganisation

__all__ = [
    "Area",
    "Commendation",
    "FiveOnesItem",
    "Inspection",
    "InspectionFinding",
    "InspectionRating",
    "ModelFigure",
    "SupportOrganisation",
    "Campaign",
    "Phase",
    "ScopedUserManager",
    "Topic",
    "Unit",
    "UnitMerge",
    "UnitQuerySet",
    "User",
    "UserQuerySet",
    "Workstream",
]
