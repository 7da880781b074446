"""The load test's simulated users on the tiny province: in proportion across the roles, each
its own login, in several counties, and asking only for what its role reaches there."""

import random

import pytest

from bench.dataset import Generator
from bench.load_users import ROLES, counts, simulated_users
from bench.sizes import TINY
from campaign.models import Campaign, User
from grievances.models import Case
from outreach.models import Household

pytestmark = pytest.mark.django_db


def test_counts_add_up_in_proportion():
    assert counts(300) == {"clerk": 135, "member": 90, "office": 45, "leader": 30}
    assert sum(counts(9).values()) == 9
    assert sum(counts(301).values()) == 301


def test_each_user_logs_in_as_itself_and_asks_for_its_own_rows(db):
    Generator(TINY).run()
    users = simulated_users(10)
    assert len({u.username for u in users}) == len(users) == 10
    assert {u.role: 0 for u in users}.keys() == ROLES.keys()
    assert len({u.county for u in users}) == TINY.counties
    accounts = {u.username: u for u in User.objects.select_related("unit")}
    for user in users:
        unit = accounts[user.username].unit
        assert unit.area_id == user.county
        current = Campaign.objects.filter(county=user.county).order_by("-starts_on").first()
        if user.role == "clerk":
            assert user.households
            assert set(
                Household.objects.filter(pk__in=user.households).values_list("township", flat=True)
            ) == {unit.pk}
        if user.role == "member":
            led = Case.objects.filter(pk__in=user.cases)
            assert set(led.values_list("lead_unit", flat=True)) <= {unit.pk}
            assert set(led.values_list("campaign", flat=True)) <= {current.pk}
            assert (
                not Case.objects.filter(pk__in=user.in_progress)
                .exclude(status="in_progress")
                .exists()
            )
        if user.role == "office":
            assert set(
                Case.objects.filter(pk__in=user.cases).values_list("campaign", flat=True)
            ) == {current.pk}
            assert sum(user.ledger_pages.values()) >= 1
        assert accounts[user.username].read_only == (user.role == "leader")
        rng = random.Random(1)
        for kind, _weight in user.pages():
            method, path, form, expect = user.request(kind, rng, "token")
            assert (method, expect) == (("POST", 302) if form else ("GET", 200))


def test_a_province_has_logins_enough_for_300_users_over_many_counties():
    from bench.sizes import PROVINCE

    per_role = counts(300)
    accounts = {
        "clerk": PROVINCE.townships,
        "member": PROVINCE.members,
        "office": PROVINCE.office_staff,
        "leader": PROVINCE.leaders,
    }
    needed = max(-(-n // accounts[role]) for role, n in per_role.items())
    assert 10 <= needed <= PROVINCE.counties
