import pytest

from tests.reports.dataset import build_county


@pytest.fixture
def county(plan, office, clerk_a, township_a, township_b, member_unit, garrison_unit):
    return build_county(
        office=office,
        clerk_a=clerk_a,
        township_a=township_a,
        township_b=township_b,
        member_unit=member_unit,
        garrison_unit=garrison_unit,
    )


@pytest.fixture
def workbook_of():
    """workbook_of(response or bytes) -> the openpyxl workbook, read back."""
    import io

    from openpyxl import load_workbook

    def read(source):
        data = source
        if hasattr(source, "streaming_content"):
            data = b"".join(source.streaming_content)
        return load_workbook(io.BytesIO(data))

    return read


@pytest.fixture
def grow_county(plan, office, member_unit):
    """grow_county(n) -> n townships, each with households, a visit, cases in several
    states led by it and by the member unit, an activity and a 五个一 item."""
    from datetime import date

    from campaign.models import Unit
    from grievances.models import Status
    from reports.workcal import ensure_calendar
    from tests.factories import (
        ActivityFactory,
        CaseFactory,
        FiveOnesItemFactory,
        HouseholdFactory,
        UnitFactory,
        VisitFactory,
    )

    def grow(n):
        for i in range(n):
            township = UnitFactory(code=f"grow-{i}", name=f"增长镇{i}", kind=Unit.Kind.TOWNSHIP)
            households = [HouseholdFactory(township=township) for _ in range(2)]
            VisitFactory(household=households[0], visited_on=date(2015, 3, 2), created_by=office)
            for lead, status, closed in [
                (township, Status.CLOSED, date(2015, 5, 20)),
                (township, Status.IN_PROGRESS, None),
                (member_unit, Status.CLOSED, date(2015, 5, 25)),
            ]:
                CaseFactory(
                    household=households[1],
                    description="问题",
                    lead_unit=lead,
                    deadline=date(2015, 6, 1),
                    status=status,
                    registered_on=date(2015, 5, 4),
                    registered_by=office,
                    resolved_on=closed,
                    closed_on=closed,
                )
            ActivityFactory(
                organiser=township, held_on=date(2015, 4, 1), title="慰问", created_by=office
            )
            FiveOnesItemFactory(unit=township, item="team", updated_by=None)
        ensure_calendar(date(2015, 6, 15))

    return grow
