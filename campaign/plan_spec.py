"""A campaign as a plan file describes it: name, window, phases, workstreams, topics and
activity kinds. Both plan formats (TOML, xlsx; campaign/plan_file.py) read into a PlanSpec, and
loading one (campaign/services.py:plan_load) is the only way a campaign's frame is written."""

import calendar
from dataclasses import dataclass, field, replace
from datetime import date


def month_start(year: int, month: int) -> date:
    return date(year, month, 1)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# A topic's 对象 in the office's words, by the code the app keeps.
ABOUT_SHOWN = {"garrison": "驻军部队", "beneficiary": "优抚对象"}


@dataclass(frozen=True)
class PhaseRow:
    number: int
    name: str
    starts_on: date
    ends_on: date
    summary: str = ""
    note: str = ""
    # Cases still open when this phase ends are carried over to follow-up (the first plan's
    # 排忧解难, followed up in 巩固提高).
    carries_over: bool = False


@dataclass(frozen=True)
class WorkstreamRow:
    number: int
    name: str
    summary: str = ""


@dataclass(frozen=True)
class TopicRow:
    number: int
    name: str
    about: str  # "garrison" or "beneficiary"
    workstream: int
    priority: bool = False
    # The topic whose finding records which policies are carried out and which are missing.
    policy_check: bool = False
    # 依法优先、快捷高效: a case of this topic is due this many working days after assignment
    # unless the office gives a deadline (None: no time limit of its own).
    time_limit_days: int | None = None

    @property
    def about_shown(self) -> str:
        """对象 as the office's workbook writes it."""
        return ABOUT_SHOWN.get(self.about, self.about)


@dataclass(frozen=True)
class KindRow:
    name: str
    workstream: int
    code: str = ""


@dataclass(frozen=True)
class PlanSpec:
    name: str
    starts_on: date
    ends_on: date
    phases: list[PhaseRow] = field(default_factory=list)
    workstreams: list[WorkstreamRow] = field(default_factory=list)
    topics: list[TopicRow] = field(default_factory=list)
    kinds: list[KindRow] = field(default_factory=list)

    @property
    def window(self) -> tuple[date, date]:
        return (self.starts_on, self.ends_on)

    def with_phases(self, phases: list[PhaseRow]) -> "PlanSpec":
        """This plan with another phase table (the office's corrected one, say); the flag of a
        phase carrying cases over stays with its number."""
        carrying = {row.number for row in self.phases if row.carries_over}
        return replace(
            self,
            phases=[replace(row, carries_over=row.number in carrying) for row in phases],
        )
