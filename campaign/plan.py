"""A campaign's plan as data (campaign/plan_spec.py), and where the repository keeps the plans
it carries (campaign/data/): nothing about a particular campaign is written in the code."""

from campaign.plan_file import FIRST_PLAN, first_plan, next_plan_path, read_plan
from campaign.plan_spec import (
    KindRow,
    PhaseRow,
    PlanSpec,
    TopicRow,
    WorkstreamRow,
    month_end,
    month_start,
)

__all__ = [
    "FIRST_PLAN",
    "KindRow",
    "PhaseRow",
    "PlanSpec",
    "TopicRow",
    "WorkstreamRow",
    "first_plan",
    "month_end",
    "month_start",
    "next_plan_path",
    "read_plan",
]
