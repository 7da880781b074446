import re

import pytest
from django.core.management import call_command

from campaign.models import Unit, User
from campaign.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_plan(db):
    """The plan load_plan loads for the demo county (COUNTY_NAME)."""
    call_command("load_plan", stdout=open("/dev/null", "w"))


@pytest.fixture
def seeded(demo_plan):
    call_command("seed_demo", stdout=open("/dev/null", "w"))


def test_it_builds_the_demo_county(seeded):
    assert Unit.objects.filter(kind=Unit.Kind.OFFICE).count() == 1
    assert Unit.objects.filter(kind=Unit.Kind.MEMBER).count() >= 20
    assert Unit.objects.filter(kind=Unit.Kind.TOWNSHIP).count() >= 12
    assert Unit.objects.filter(kind=Unit.Kind.GARRISON).count() >= 4
    names = set(Unit.objects.values_list("name", flat=True))
    for department in ["县民政局", "县司法局", "县教育局", "县人民武装部", "县卫生健康委员会"]:
        assert department in names


def test_garrison_units_carry_no_real_unit_number(seeded):
    for name in Unit.objects.filter(kind=Unit.Kind.GARRISON).values_list("name", flat=True):
        assert name.startswith("驻县")
        assert not re.search(r"\d", name)


def test_every_role_has_a_demo_login(seeded):
    roles = {user.role for user in User.objects.select_related("unit")}
    assert roles >= {Role.OFFICE, Role.LEADER, Role.MEMBER, Role.TOWNSHIP, Role.GARRISON}
    townships = Unit.objects.filter(kind=Unit.Kind.TOWNSHIP)
    assert all(t.users.exists() for t in townships)


def test_running_it_twice_changes_nothing(seeded):
    before = (
        list(Unit.objects.order_by("code").values()),
        list(User.objects.order_by("username").values("username", "unit_id", "password")),
    )
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    after = (
        list(Unit.objects.order_by("code").values()),
        list(User.objects.order_by("username").values("username", "unit_id", "password")),
    )
    assert after == before


def test_it_prints_the_logins(demo_plan, capsys):
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "shuangyong2015" in out
    assert "office" in out and "leader" in out and "chengguan" in out
