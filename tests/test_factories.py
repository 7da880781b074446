"""The factories build rows the application itself would accept."""

import pytest

from grievances import services
from grievances.models import Case
from tests.factories import (
    ActivityFactory,
    CaseEventFactory,
    CaseFactory,
    FindingFactory,
    FiveOnesItemFactory,
    HonourPlaqueFactory,
    InspectionFindingFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def test_it_builds_rows_that_pass_their_own_validation(plan):
    rows = [
        FindingFactory(),
        FindingFactory(visit=VisitFactory(garrison_visit=True)),
        CaseFactory(),
        CaseFactory(assigned=True),
        CaseFactory(about_garrison=True),
        CaseEventFactory(),
        ActivityFactory(),
        HonourPlaqueFactory(),
        InspectionFindingFactory(),
        FiveOnesItemFactory(),
    ]
    for row in rows:
        row.full_clean()
    plaque = rows[7]
    assert list(plaque.events.values_list("kind", "on")) == [("issued", plaque.hung_on)]


def test_it_numbers_cases_without_gaps_and_the_ledger_follows_on(plan, office, finding):
    made = [CaseFactory(), CaseFactory(), CaseFactory(sequence=5)]
    registered = services.case_register_findings(user=office, findings=[finding], merge=False)
    assert [c.number for c in made + registered] == [
        "2015-0001",
        "2015-0002",
        "2015-0005",
        "2015-0006",
    ]
    assert CaseFactory(registered_on=made[0].registered_on.replace(year=2016)).number == (
        "2016-0001"
    )
    assert Case.objects.count() == 5
