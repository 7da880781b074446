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
    city_for_tests,
    county_for_tests,
    kind_of,
    rating_of,
)
from tests.fixtures.activities import *  # noqa: F403
from tests.fixtures.agenda import *  # noqa: F403
from tests.fixtures.bulletins import *  # noqa: F403
from tests.fixtures.jobs import *  # noqa: F403
from tests.fixtures.leaders import *  # noqa: F403
from tests.fixtures.special_actions import *  # noqa: F403
from tests.fixtures.submissions import *  # noqa: F403
from tests.fixtures.visits import *  # noqa: F403

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
    # A job runs inside the request that starts it; tests/jobs starts real workers.
    settings.JOBS_RUN_INLINE = True


@pytest.fixture
def plan(db):
    return plan_load(county=county_for_tests()).campaign


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
    """The county office's administrator, as the demo's office login is."""
    return UserFactory(
        username="office", unit=office_unit, is_staff=True, is_administrator=True, last_name="周"
    )


@pytest.fixture
def office_staff(office_unit):
    """A user of the county office without the administrator flag."""
    return UserFactory(username="office-staff", unit=office_unit, last_name="吴")


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
def city(db):
    """The city's double-support office (测试市双拥办), above the test county: it reads the
    counties under it and changes nothing in them."""
    city_office = UnitFactory(
        area=city_for_tests(), code="city-office", name="测试市双拥办", kind=Unit.Kind.HIGHER_OFFICE
    )
    return UserFactory(username="city", unit=city_office, last_name="市")


@pytest.fixture
def cast(office, leader, clerk_a, clerk_b, member, liaison, city):
    return {
        "office": office,
        "leader": leader,
        "clerk_a": clerk_a,
        "clerk_b": clerk_b,
        "member": member,
        "liaison": liaison,
        "city": city,
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


# One of each workstream record in township A, for the URL sweeps.
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@pytest.fixture
def activity_a(township_a, clerk_a, plan, person):
    from datetime import date

    from outreach.activities import activity_save
    from outreach.models import Activity

    activity = Activity(
        kind=kind_of(township_a, "condolence_visit"),
        held_on=date(2015, 5, 1),
        title="甲镇慰问",
        amount=100,
    )
    return activity_save(user=clerk_a, activity=activity, persons=[person])


@pytest.fixture
def model_figure_a(township_a):
    from tests.factories import ModelFigureFactory

    return ModelFigureFactory(unit=township_a, name="甲镇典型")


@pytest.fixture
def commendation_a(township_a):
    from tests.factories import CommendationFactory

    return CommendationFactory(unit=township_a, title="甲镇表彰")


@pytest.fixture
def support_organisation_a(township_a):
    from tests.factories import SupportOrganisationFactory

    return SupportOrganisationFactory(unit=township_a, name="甲镇拥军服务队")


@pytest.fixture
def evidence_a(activity_a, clerk_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from outreach.activities import evidence_add

    return evidence_add(user=clerk_a, activity=activity_a, upload=SimpleUploadedFile("甲.png", PNG))


@pytest.fixture
def five_ones_a(township_a, clerk_a, plan):
    from datetime import date

    from django.core.files.uploadedfile import SimpleUploadedFile

    from campaign.services import five_ones_update

    return five_ones_update(
        user=clerk_a,
        unit=township_a,
        item="room",
        status="done",
        done_on=date(2015, 3, 1),
        description="甲镇活动室",
        evidence=SimpleUploadedFile("room.png", PNG),
    )


@pytest.fixture
def inspection_a(township_a, office, plan):
    from datetime import date

    from campaign.services import inspection_record

    return inspection_record(
        user=office,
        unit=township_a,
        inspected_on=date(2015, 6, 1),
        inspectors="周",
        checked="台账",
        rating=rating_of(township_a, "good"),
        findings=[("甲镇台账不全", True)],
    )


@pytest.fixture
def inspection_finding_a(inspection_a):
    return inspection_a.findings.get()


@pytest.fixture
def client_for(client):
    """client_for(user) -> a test client logged in as that user."""

    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture
def anonymisation_run_a(township_a, clerk_a, settings):
    """A household of township A archived on 2015-06-15 and anonymised five years later."""
    from outreach.retention import anonymise_expired
    from outreach.services import household_archive

    archived = HouseholdFactory(township=township_a, head_name="孙已归档", village="北村")
    PersonFactory(household=archived, name="孙已归档")
    household_archive(user=clerk_a, household=archived)
    return anonymise_expired(county=township_a.area, as_of=date(2020, 6, 16)).run
