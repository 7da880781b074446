import pytest

from campaign.models import Topic, Unit
from grievances import services
from tests.factories import FindingFactory, UnitFactory, UserFactory, VisitFactory


@pytest.fixture
def co_unit(db):
    return UnitFactory(code="zhujian", name="县住房和城乡建设局", kind=Unit.Kind.MEMBER)


@pytest.fixture
def co_member(co_unit):
    return UserFactory(username="co-member", unit=co_unit, last_name="住")


@pytest.fixture
def make_cases(office, household, clerk_a, member_unit, plan):
    """make_cases(n, **assign): n cases from n visits, each assigned when assign is given."""
    topics = [Topic.objects.get(number=n) for n in (5, 4, 6, 7)]

    def make(count, **assign):
        cases = []
        for n in range(count):
            visit = VisitFactory(household=household, created_by=clerk_a)
            finding = FindingFactory(visit=visit, topic=topics[n % 4], text=f"问题{n}")
            case = services.case_register_findings(user=office, findings=[finding], merge=False)[0]
            if assign:
                case = services.case_assign(user=office, case=case, lead_unit=member_unit, **assign)
            cases.append(case)
        return cases

    return make
