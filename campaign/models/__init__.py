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
from campaign.models.special_actions import SpecialAction, SpecialActionNote

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
    "SpecialAction",
    "SpecialActionNote",
    "Topic",
    "Unit",
    "UnitMerge",
    "UnitQuerySet",
    "User",
    "UserQuerySet",
    "Workstream",
]
