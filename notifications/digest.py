"""A user's digest for one day: the workbench as that user saw it on that day (the same
registered sources, the clock pinned to the day), its non-empty counts and, for those overdue
priority cases go up to, their case numbers. It carries counts, case numbers, topics and links
only: nothing in it names or identifies a person."""

import re
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Case as Conditional
from django.db.models import Value, When
from django.utils.translation import gettext as _

from campaign import clock
from campaign.selectors import campaign_for
from campaign.workbench import items_for
from grievances import access as ledger
from grievances.models import Case
from grievances.selectors import ledger_rows
from grievances.states import escalated_q

CASES_LISTED = 10
# A last guard on everything that leaves: anything shaped like a resident ID number or a mobile
# phone number is masked, whatever a label or a topic ever comes to hold.
IDENTIFIER = re.compile(r"(?<![\dA-Za-z])(\d{17}[\dXx]|\d{15}|1\d{10})(?![\dA-Za-z])")


def scrub(text: str) -> str:
    return IDENTIFIER.sub(lambda m: m.group(0)[:3] + "*" * (len(m.group(0)) - 3), text)


@dataclass(frozen=True)
class Line:
    key: str
    label: str
    count: int
    url: str
    urgent: bool = False


@dataclass(frozen=True)
class CaseLine:
    number: str
    topic: str
    url: str


@dataclass
class Digest:
    day: date
    lines: list[Line]
    cases: list[CaseLine] = field(default_factory=list)
    cases_total: int = 0

    @property
    def title(self) -> str:
        return _("Reminders for %(day)s") % {"day": self.day.isoformat()}

    def counts(self) -> dict[str, int]:
        return {line.key: line.count for line in self.lines}

    def stored_lines(self) -> list[dict]:
        """The lines as the in-app notification keeps them."""
        rows = [
            {"label": str(line.label), "count": line.count, "url": line.url, "urgent": line.urgent}
            for line in self.lines
        ]
        rows += [
            {"label": f"{case.number} {case.topic}", "count": None, "url": case.url}
            for case in self.cases
        ]
        return rows

    def text(self) -> str:
        """Plain text, for e-mail."""
        rows = [self.title, ""]
        rows += [f"{line.label}：{line.count}  {absolute(line.url)}" for line in self.lines]
        if self.cases:
            rows += ["", self._cases_heading()]
            rows += [f"{case.number} {case.topic}  {absolute(case.url)}" for case in self.cases]
        return scrub("\n".join(rows))

    def markdown(self) -> str:
        """Markdown as both group robots render it."""
        rows = [f"### {self.title}"]
        rows += [f"- [{line.label}]({absolute(line.url)})：**{line.count}**" for line in self.lines]
        if self.cases:
            rows += ["", f"**{self._cases_heading()}**"]
            rows += [f"- [{case.number}]({absolute(case.url)}) {case.topic}" for case in self.cases]
        return scrub("\n".join(rows))

    def _cases_heading(self) -> str:
        return _("Overdue priority cases (%(shown)s of %(total)s)") % {
            "shown": len(self.cases),
            "total": self.cases_total,
        }


def absolute(url: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{url}" if settings.SITE_URL else url


def digest_for(user, day: date) -> Digest | None:
    """What the user's workbench showed on `day`; None when nothing in it waits."""
    with clock.pinned(day):
        lines = [
            Line(item.key, str(item.label), item.count, item.url, item.urgent)
            for item in items_for(user)
            if item.count
        ]
        if not lines:
            return None
        digest = Digest(day=day, lines=lines)
        if ledger.sees_escalations(user):
            _add_escalated_cases(digest, user, day)
    return digest


def _add_escalated_cases(digest: Digest, user, day: date) -> None:
    escalated = ledger_rows(user=user, today=day, campaign=campaign_for(user)).filter(
        escalated_q(day)
    )
    # The leader's own cases (包案) first, then the longest overdue.
    ids = escalated.values("pk")
    rows = list(
        Case.objects.filter(pk__in=ids)
        .select_related("topic")
        .order_by(
            Conditional(When(leader_id=user.pk, then=Value(0)), default=Value(1)),
            "deadline",
            "year",
            "sequence",
        )[:CASES_LISTED]
    )
    digest.cases = [
        CaseLine(case.number, case.topic.name, case.get_absolute_url()) for case in rows
    ]
    digest.cases_total = escalated.count()
