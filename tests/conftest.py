"""The cast every view is tried with: office, leader, two township clerks, a member unit and a
garrison liaison, on a loaded plan. Data that could leak is made by each test that needs it."""

from datetime import date

import pytest

from campaign.models import Unit
from campaign.services import plan_load
from tests.factories import (
    FindingFactory,
    HouseholdFactory,
    PersonFactory,
    UnitFactory,
    UserFactory,
    VisitFactory,
    test_county,
)

PASSWORD = "secret-pass-123"
MID_CAMPAIGN = date(2015, 6, 15)  # phases 3 and 6 are running


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SHUANGYONG_TODAY = MID_CAMPAIGN


@pytest.fixture
def plan(db):
    return plan_load(county=test_county()).campaign


@pytest.fixture
def office_unit(db):
    return UnitFactory(code="office", name="县双拥工作委员会办公室", kind=Unit.Kind.OFFICE)


@pytest.fixture
def township_a(db):
    return UnitFactory(code="town-a", name="甲镇", kind=Unit.Kind.TOWNSHIP)


@pytest.fixture
def township_b(db):
    return UnitFactory(code="town-b", name="乙乡", kind=Unit.Kind.TOWNSHIP)


@pytest.fixture
def member_unit(db):
    return UnitFactory(code="minzheng", name="县民政局", kind=Unit.Kind.MEMBER)


@pytest.fixture
def garrison_unit(db):
    return UnitFactory(code="garrison-1", name="驻县某部一营", kind=Unit.Kind.GARRISON)


@pytest.fixture
def office(office_unit):
    return UserFactory(username="office", unit=office_unit, is_staff=True, last_name="周")


@pytest.fixture
def leader(office_unit):
    return UserFactory(username="leader", unit=office_unit, read_only=True, last_name="钱")


@pytest.fixture
def clerk_a(township_a):
    return UserFactory(username="clerk-a", unit=township_a, last_name="甲")


@pytest.fixture
def clerk_b(township_b):
    return UserFactory(username="clerk-b", unit=township_b, last_name="乙")


@pytest.fixture
def member(member_unit):
    return UserFactory(username="member", unit=member_unit, last_name="民")


@pytest.fixture
def liaison(garrison_unit):
    return UserFactory(username="liaison", unit=garrison_unit, last_name="赵")


@pytest.fixture
def cast(office, leader, clerk_a, clerk_b, member, liaison):
    return {
        "office": office,
        "leader": leader,
        "clerk_a": clerk_a,
        "clerk_b": clerk_b,
        "member": member,
        "liaison": liaison,
    }


@pytest.fixture
def household(township_a):
    """A household in township A, with no person yet."""
    return HouseholdFactory(township=township_a, head_name="张甲", village="东村")


@pytest.fixture
def person(household):
    """The household's soldier or veteran, whose name and numbers could leak."""
    return PersonFactory(household=household, name="张成员")


@pytest.fixture
def visit(household, clerk_a, plan):
    return VisitFactory(household=household, visited_on=date(2015, 4, 1), created_by=clerk_a)


@pytest.fixture
def finding(visit):
    """A finding under topic 5 (special hardship) that needs action."""
    return FindingFactory(visit=visit, text="房屋漏雨，需维修")


@pytest.fixture
def case(office, finding):
    """The finding put on the ledger by the office: 2015-0001, registered."""
    from grievances import services

    return services.case_register_findings(user=office, findings=[finding], merge=False)[0]


@pytest.fixture
def assigned_case(case, office, member_unit):
    """The case assigned to the member unit, due 2015-07-01."""
    from grievances import services

    return services.case_assign(
        user=office,
        case=case,
        lead_unit=member_unit,
        responsible_person="王科长",
        deadline=date(2015, 7, 1),
        measures="核查",
    )


@pytest.fixture
def client_for(client):
    """client_for(user) -> a test client logged in as that user."""

    def login(user):
        client.force_login(user)
        return client

    return login
