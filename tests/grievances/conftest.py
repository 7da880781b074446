import pytest

from campaign.models import Topic
from outreach.models import Finding, Visit
from tests.factories import HouseholdFactory, PersonFactory, UnitFactory, UserFactory


@pytest.fixture
def household(township_a):
    household = HouseholdFactory(township=township_a, head_name="张甲", village="东村")
    PersonFactory(household=household, name="张甲")
    return household


@pytest.fixture
def visit(household, clerk_a, plan):
    return Visit.objects.create(
        township=household.township,
        household=household,
        visited_on="2015-04-01",
        visitors="甲",
        created_by=clerk_a,
    )


@pytest.fixture
def finding(visit):
    return Finding.objects.create(
        visit=visit, topic=Topic.objects.get(number=5), text="房屋漏雨，需维修", needs_action=True
    )


@pytest.fixture
def co_unit(db):
    from campaign.models import Unit

    return UnitFactory(code="zhujian", name="县住房和城乡建设局", kind=Unit.Kind.MEMBER)


@pytest.fixture
def co_member(co_unit):
    return UserFactory(username="co-member", unit=co_unit, last_name="住")
