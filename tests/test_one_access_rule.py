"""Who sees what is decided in one place: campaign.roles names the roles, each app's access
module answers named questions, campaign.scoping builds visible_to on them. A view, form,
service, selector or template that compares a role itself fails here."""

import re
from pathlib import Path

import pytest
from django.apps import apps

from campaign.scoping import ScopedQuerySet

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "campaign",
    "outreach",
    "grievances",
    "submissions",
    "jobs",
    "notifications",
    "agenda",
    "bulletins",
    "reports",
    "audit",
    "administration",
    "shuangyong",
]
ALLOWED = {"campaign/roles.py"}  # the enum itself; and every app's access.py
ROLE_TALK = re.compile(r"\.role\b|\bRole\b|sees_everything|is_office")


def _sources():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative or path.name == "access.py" or relative in ALLOWED:
                continue
            yield relative, path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "templates").rglob("*.html")):
        yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def test_no_view_template_or_service_compares_a_role():
    found = [
        f"{name}:{number}: {line.strip()}"
        for name, text in _sources()
        for number, line in enumerate(text.splitlines(), 1)
        if ROLE_TALK.search(line)
    ]
    assert found == []


def test_the_check_would_see_an_inline_role_comparison():
    assert ROLE_TALK.search('if request.user.role == "office":')
    assert ROLE_TALK.search("if user.role in (Role.OFFICE, Role.LEADER):")
    assert not ROLE_TALK.search("if access.can_register(user):")


# Models that hold people's or units' data, and must be reached through visible_to(user).
SCOPED = {
    "campaign.Unit",
    "campaign.User",
    "campaign.FiveOnesItem",
    "campaign.Inspection",
    "campaign.InspectionFinding",
    "campaign.ModelFigure",
    "campaign.Commendation",
    "campaign.SupportOrganisation",
    "outreach.Household",
    "outreach.Person",
    "outreach.IdNumberView",
    "outreach.Visit",
    "outreach.Finding",
    "outreach.Activity",
    "outreach.Evidence",
    "outreach.HonourPlaque",
    "outreach.RetentionPolicy",
    "outreach.AnonymisationRun",
    "grievances.Case",
    "grievances.CaseEvent",
    "grievances.CaseFinding",
    "grievances.ExtensionRequest",
    "notifications.Notification",
    "notifications.Delivery",
    "notifications.Robot",
}


@pytest.mark.parametrize("label", sorted(SCOPED))
def test_each_model_with_peoples_data_is_scoped_by_the_one_rule(label):
    model = apps.get_model(label)
    assert isinstance(model._default_manager.all(), ScopedQuerySet)
    # It states only its own scope; the common part is inherited, never copied.
    assert "visible_to" not in type(model._default_manager.all()).__dict__
