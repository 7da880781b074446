import pytest

from campaign.models import Unit
from tests.factories import UnitFactory, UserFactory


@pytest.fixture
def co_unit(db):
    return UnitFactory(code="zhujian", name="县住房和城乡建设局", kind=Unit.Kind.MEMBER)


@pytest.fixture
def co_member(co_unit):
    return UserFactory(username="co-member", unit=co_unit, last_name="住")
