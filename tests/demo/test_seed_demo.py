"""seed_demo: the single demo county as it has always been, and beside it in the same database
the demo city of two counties. Both are built once for the module, in a transaction rolled
back at its end (a county takes seconds to build); each test runs in a savepoint inside it."""

import re
from dataclasses import dataclass
from io import StringIO

import pytest
from django.apps import apps
from django.conf import global_settings, settings
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test import override_settings

from campaign import access
from campaign.models import Area, Campaign, Unit, User
from campaign.roles import Role
from grievances.models import Case, Status
from outreach.models import Activity, Household, Person, Visit

pytestmark = pytest.mark.django_db

CITY_COUNTIES = ["青岚县", "云岫县"]


@dataclass(frozen=True)
class Built:
    single_output: str
    city_output: str


def _seed(*args) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_plan", stdout=StringIO())  # the demo county's plan, as make setup
        single_output = _seed()
        city_output = _seed("--counties", "2")
        # Check the deferred foreign keys once here: PostgreSQL would otherwise check every
        # row written above again at the end of each test, in its savepoint.
        connection.check_constraints()
        yield Built(single_output, city_output)
        transaction.set_rollback(True)


def _county(name: str) -> Area:
    return Area.objects.counties().get(name=name)


def _snapshot():
    """Every table's row count, and the units and logins as they are."""
    counts = {model._meta.label: model._default_manager.count() for model in apps.get_models()}
    units = list(Unit.objects.order_by("pk").values())
    users = list(User.objects.order_by("pk").values("username", "unit_id", "password"))
    return counts, units, users


# The single demo county, as make setup builds it.


def test_the_demo_county_is_as_before(built):
    county = _county(settings.COUNTY_NAME)
    units = Unit.objects.filter(area=county)
    assert units.filter(kind=Unit.Kind.OFFICE).get().name == "县双拥工作委员会办公室"
    assert units.filter(kind=Unit.Kind.MEMBER).count() == 22
    assert units.filter(kind=Unit.Kind.TOWNSHIP).count() == 14
    assert units.filter(kind=Unit.Kind.GARRISON).count() == 5
    assert set(units.filter(kind=Unit.Kind.ENTERPRISE).values_list("name", flat=True)) == {
        "县供电公司",
        "县人民医院",
    }
    names = set(units.values_list("name", flat=True))
    for department in ["县民政局", "县司法局", "县教育局", "县人民武装部", "县卫生健康委员会"]:
        assert department in names
    # The figures the README gives: the same draws as ever.
    assert Household.objects.in_county(county).count() == 3010
    assert Person.objects.in_county(county).count() == 5438
    # The townships' survey (2,209), and 县民政局's five households and one garrison, and the
    # liaison's two needs.
    assert Visit.objects.in_county(county).count() == 2217
    assert Case.objects.in_county(county).count() == 1508
    # 400 across the first 21 kinds, one of each of the 14 the plan gained since.
    assert Activity.objects.in_county(county).count() == 414


def test_the_demo_shows_the_activity_details(built):
    from outreach.models import MediaCoverage, MeritNotice

    county = _county(settings.COUNTY_NAME)
    activities = Activity.objects.in_county(county)
    for code in ("publicity_mobilisation", "society_day", "officer_resettlement", "three_lines"):
        assert activities.filter(kind__code=code).count() == 1, code
    helped = activities.filter(target_groups__code="left_behind_children").distinct()
    assert helped.filter(kind__code="vulnerable_groups_help").exists()
    assert MediaCoverage.objects.filter(activity__organiser__area=county).count() == 3
    notices = MeritNotice.objects.filter(activity__organiser__area=county)
    assert notices.count() == 4
    assert all(n.activity.kind.code == "merit_notice" for n in notices)
    assert notices.filter(household__isnull=False).count() == 4


def test_the_demo_has_member_units_in_the_field_and_the_garrisons_needs(built):
    from outreach.models import IdNumberView

    county = _county(settings.COUNTY_NAME)
    minzheng = Unit.objects.get(area=county, code="minzheng")
    made = Visit.objects.filter(unit=minzheng)
    assert made.filter(household__isnull=False).count() == 5
    assert made.filter(garrison__isnull=False, township__isnull=True).count() == 1
    # Each household was reached by its ID number, and the look is in the log.
    lookups = IdNumberView.objects.filter(user__unit=minzheng, kind=IdNumberView.Kind.LOOKUP)
    assert lookups.count() == 5
    needs = Visit.objects.in_county(county).filter(kind=Visit.Kind.SELF_REPORTED)
    assert needs.count() == 2
    assert all(f.needs_action for visit in needs for f in visit.findings.all())
    assert User.objects.get(username="power").unit.kind == Unit.Kind.ENTERPRISE
    assert re.search(r"^  power ", built.single_output, re.MULTILINE)


def test_garrison_units_carry_no_real_unit_number(built):
    for name in Unit.objects.filter(kind=Unit.Kind.GARRISON).values_list("name", flat=True):
        assert name.startswith("驻县")
        assert not re.search(r"\d", name)


def test_every_role_has_a_demo_login(built):
    county = _county(settings.COUNTY_NAME)
    users = User.objects.filter(unit__area=county).select_related("unit")
    assert {user.role for user in users} >= {
        Role.OFFICE,
        Role.LEADER,
        Role.MEMBER,
        Role.TOWNSHIP,
        Role.GARRISON,
    }
    assert {"office", "leader", "chengguan", "minzheng", "liaison"} <= {u.username for u in users}
    townships = Unit.objects.filter(area=county, kind=Unit.Kind.TOWNSHIP)
    assert all(township.users.exists() for township in townships)


def test_every_demo_login_signs_in_with_the_demo_password(built):
    # Hashed with the hasher of the day they were made, which may not be the tests' own.
    hashers = [*settings.PASSWORD_HASHERS, *global_settings.PASSWORD_HASHERS]
    with override_settings(PASSWORD_HASHERS=hashers):
        for username in ["office", "c2-liaison", "city"]:
            assert User.objects.get(username=username).check_password("shuangyong2015")


def test_it_prints_the_logins(built):
    out = built.single_output
    assert "shuangyong2015" in out
    for username in ["office", "leader", "chengguan", "liaison"]:
        assert re.search(rf"^  {username} ", out, re.MULTILINE)
    assert "c1-" not in out


def test_without_the_plan_it_says_to_load_it(built, settings):
    settings.COUNTY_NAME = "无此县"
    with pytest.raises(CommandError, match="load_plan"):
        call_command("seed_demo", stdout=StringIO())


# The demo city beside it.


def test_the_city_holds_its_counties_each_with_its_campaign(built):
    city = Area.objects.get(name="示范市", level=Area.Level.CITY)
    assert (city.parent.name, city.parent.level) == ("示范省", Area.Level.PROVINCE)
    counties = list(Area.objects.counties().under(city))
    assert [county.name for county in counties] == CITY_COUNTIES
    for county in counties:
        assert county.parent == city
        assert Campaign.objects.filter(county=county).count() == 1
        office = Unit.objects.get(area=county, kind=Unit.Kind.OFFICE)
        assert office.name == f"{county.name}双拥工作委员会办公室"


def test_the_counties_have_disjoint_units_and_logins(built):
    counties = [_county(name) for name in CITY_COUNTIES]
    units = [set(Unit.objects.filter(area=c).values_list("pk", flat=True)) for c in counties]
    assert len(units[0]) == len(units[1]) == 44  # 42 of the committee, two enterprises
    assert not units[0] & units[1]
    logins = [
        set(User.objects.filter(unit__area=county).values_list("username", flat=True))
        for county in counties
    ]
    assert "c1-office" in logins[0] and "c2-office" in logins[1]
    assert all(name.startswith("c1-") for name in logins[0])
    assert all(name.startswith("c2-") for name in logins[1])


def test_the_city_login_is_a_higher_office(built):
    user = User.objects.select_related("unit__area").get(username="city")
    assert user.unit.kind == Unit.Kind.HIGHER_OFFICE
    assert user.unit.area.name == "示范市"
    assert user.role == Role.HIGHER_OFFICE
    assert not access.writes(user)
    assert [county.name for county in access.counties_read(user)] == CITY_COUNTIES


def test_each_county_office_sees_only_its_own_households(built):
    seen = 0
    for number, name in enumerate(CITY_COUNTIES, start=1):
        office = User.objects.select_related("unit").get(username=f"c{number}-office")
        county = _county(name)
        households = Household.objects.in_county(county).count()
        assert households > 0
        assert Household.objects.visible_to(office).count() == households
        assert Case.objects.visible_to(office).count() == Case.objects.in_county(county).count()
        seen += households
    demo = User.objects.select_related("unit").get(username="office")
    seen += Household.objects.visible_to(demo).count()
    assert seen == Household.objects.count()


def test_the_counties_figures_differ(built):
    figures = []
    for name in CITY_COUNTIES:
        county = _county(name)
        persons = Person.objects.in_county(county)
        figures.append(
            (
                Household.objects.in_county(county).count(),
                Visit.objects.in_county(county).count(),
                Case.objects.in_county(county).filter(status=Status.CLOSED).count(),
                {number[:6] for number in persons.values_list("id_number", flat=True)},
                set(persons.values_list("name", flat=True)[:20]),
            )
        )
    first, second = figures
    assert all(a != b for a, b in zip(first, second, strict=True))


def test_running_it_twice_changes_nothing(built):
    before = _snapshot()
    _seed()
    _seed("--counties", "2")
    assert _snapshot() == before


def test_it_prints_the_logins_by_county_and_the_city_login(built):
    out = built.city_output
    assert "shuangyong2015" in out
    lines = out.splitlines()
    for number, name in enumerate(CITY_COUNTIES, start=1):
        heading = lines.index(f"{name}：")
        assert lines[heading + 1].split()[0] == f"c{number}-office"
    assert lines[lines.index("示范市：") + 1].split()[0] == "city"


@pytest.mark.parametrize("counties", ["0", "13"])
def test_the_city_has_one_to_twelve_counties(built, counties):
    with pytest.raises(CommandError, match="1 至 12"):
        call_command("seed_demo", "--counties", counties, stdout=StringIO())


def _first_objects_of(county: Area) -> dict:
    """One of each record the URL sweep opens, taken from a demo county."""
    from campaign.models import FiveOnesItem, Inspection, InspectionFinding
    from outreach.models import Evidence

    case = Case.objects.in_county(county).exclude(lead_unit=None).order_by("pk").first()
    found = {
        "household": Household.objects.in_county(county).order_by("pk").first(),
        "person": Person.objects.in_county(county).order_by("pk").first(),
        "visit": Visit.objects.in_county(county).filter(household__isnull=False).first(),
        "assigned_case": case,
        "garrison_unit": Unit.objects.in_county(county).filter(kind="garrison").first(),
        "activity_a": Activity.objects.in_county(county).order_by("pk").first(),
        "evidence_a": Evidence.objects.in_county(county).first(),
        "township_a": Unit.objects.in_county(county).filter(kind="township").first(),
        "five_ones_a": FiveOnesItem.objects.in_county(county).first(),
        "inspection_a": Inspection.objects.in_county(county).first(),
        "inspection_finding_a": InspectionFinding.objects.in_county(county).first(),
    }
    return {name: obj for name, obj in found.items() if obj is not None}


def test_the_url_sweep_passes_across_the_demo_counties(built, client):
    """County 1's office, a clerk and a member unit at county 2's records: 404, and none of
    county 2's households on county 1's lists."""
    from django.urls import reverse

    from tests.test_url_sweep import OBJECT_URLS

    first, second = (_county(name) for name in CITY_COUNTIES)
    theirs = _first_objects_of(second)
    assert {"household", "assigned_case", "activity_a", "inspection_a"} <= set(theirs)
    their_heads = set(
        Household.objects.in_county(second).values_list("head_name", flat=True)[:50]
    ) - set(Household.objects.in_county(first).values_list("head_name", flat=True))
    for username in ("c1-office", "c1-chengguan", "c1-minzheng"):
        client.force_login(User.objects.get(username=username))
        for name, (fixture, kwarg, _expected) in OBJECT_URLS.items():
            if fixture not in theirs:
                continue
            response = client.get(reverse(name, kwargs={kwarg: theirs[fixture].pk}))
            only_posted = name.endswith(("_archive", "evidence_add"))
            assert response.status_code == (405 if only_posted else 404), (username, name)
        listed = client.get(reverse("outreach:households")).content.decode()
        assert not [head for head in their_heads if head in listed]


def test_the_demo_county_publishes_bulletins_citing_a_model_and_activities(built, client):
    from django.urls import reverse

    from bulletins.models import Bulletin, Citation, ReadReceipt

    county = _county(settings.COUNTY_NAME)
    bulletins = Bulletin.objects.in_county(county)
    published = bulletins.filter(status=Bulletin.Status.PUBLISHED).order_by("number")
    assert [(b.year, b.number) for b in published] == [(2015, 1), (2015, 2), (2015, 3)]
    assert bulletins.filter(status=Bulletin.Status.DRAFT).count() == 1
    citations = Citation.objects.filter(bulletin__in=published)
    assert citations.filter(model_figure__isnull=False).exists()
    assert citations.filter(activity__isnull=False).exists()
    receipts = ReadReceipt.objects.filter(bulletin__in=published)
    assert 0 < receipts.count() < published.count() * Unit.objects.filter(area=county).count()
    # A township's workbench counts what it has not read, as its list does.
    client.force_login(User.objects.get(username="chengguan"))
    items = {item.key: item for item in client.get(reverse("home")).context["workbench"]}
    unread = items["unread_bulletins"] if "unread_bulletins" in items else None
    listed = client.get(reverse("bulletins:bulletins"), {"unread": "yes"})
    assert (unread.count if unread else 0) == listed.context["paginator"].count
