"""个人信息保存期限 in 系统管理: the county's retention period, set by its administrators with
its history and a refusal of stale forms; the anonymisation runs listed; each run readable by
the county office from the operation log and by no other county."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from administration.privacy.services import seen_mark
from audit.trail import trail
from outreach import services
from outreach.models import AnonymisationRun, RetentionPolicy
from outreach.retention import anonymise_expired
from tests.factories import HouseholdFactory, PersonFactory
from tests.markup import unlabelled
from tests.other_county import build_other_county

pytestmark = pytest.mark.django_db

URL = reverse("administration:privacy")
EDIT = reverse("administration:privacy_edit")


def test_the_default_is_five_years_until_the_county_sets_its_own(client_for, office):
    page = client_for(office).get(URL).content.decode()
    assert "保存60个月" in page and "默认值60个月" in page
    assert not RetentionPolicy.objects.exists()


def test_the_administrator_sets_the_period_and_it_is_in_history_and_the_log(
    client_for, office, township_a
):
    client = client_for(office)
    form = client.get(EDIT)
    assert form.context["form"].initial == {"months": 60, "seen": ""}
    response = client.post(EDIT, {"months": "36", "seen": ""})
    assert response.status_code == 302
    policy = RetentionPolicy.objects.get()
    assert (policy.county, policy.months) == (township_a.area, 36)
    page = client.get(URL).content.decode()
    assert "保存36个月" in page and "默认值" not in page
    response = client.post(EDIT, {"months": "48", "seen": seen_mark(policy)})
    assert response.status_code == 302
    rows = list(policy.history.order_by("history_date").values_list("months", "history_user"))
    assert rows == [(36, office.pk), (48, office.pk)]
    logged = list(trail(county=township_a.area_id, record_type="retention_policy"))
    assert [row["audit_user"] for row in logged] == [office.pk, office.pk]


@pytest.mark.parametrize("months", ["0", "601", "五年", ""])
def test_a_period_out_of_range_is_refused_in_chinese_and_nothing_is_kept(
    months, client_for, office
):
    response = client_for(office).post(EDIT, {"months": months, "seen": ""})
    assert response.status_code == 200
    errors = response.context["form"].errors["months"]
    assert errors and all(any("\u4e00" <= c <= "\u9fff" for c in e) for e in errors)
    assert not RetentionPolicy.objects.exists()


def test_a_form_opened_before_another_change_is_refused(office, office_unit):
    from django.test import Client

    from tests.factories import UserFactory

    colleague = UserFactory(username="admin-2", unit=office_unit, is_administrator=True)
    first, second = Client(), Client()
    first.force_login(office)
    second.force_login(colleague)
    stale = second.get(EDIT).context["form"].initial["seen"]
    assert first.post(EDIT, {"months": "24", "seen": ""}).status_code == 302
    response = second.post(EDIT, {"months": "120", "seen": stale})
    assert response.status_code == 200
    message = " ".join(response.context["form"].non_field_errors())
    assert "修改了保存期限" in message and office.display_name in message
    assert RetentionPolicy.objects.get().months == 24


@pytest.fixture
def anonymised(township_a, clerk_a):
    household = HouseholdFactory(township=township_a, head_name="孙大山", village="北村")
    PersonFactory(household=household, name="孙大山", phone="13700001111")
    services.household_archive(user=clerk_a, household=household)  # 2015-06-15
    out = StringIO()
    call_command("anonymise_expired", date="2020-06-16", stdout=out)
    return household, AnonymisationRun.objects.get()


def test_the_run_is_listed_and_its_page_names_its_records(anonymised, client_for, office):
    household, run = anonymised
    client = client_for(office)
    listed = client.get(URL).content.decode()
    assert reverse("audit:anonymisation_run", args=[run.pk]) in listed
    page = client.get(reverse("audit:anonymisation_run", args=[run.pk])).content.decode()
    assert household.number in page and "北村" in page and "甲镇" in page
    assert "孙大山" not in page
    assert 'data-testid="run-households">1<' in page and 'data-testid="run-persons">1<' in page


def test_the_operation_log_shows_the_run_to_the_office_only_of_its_county(
    anonymised, client_for, office_staff, leader
):
    _household, run = anonymised
    url = reverse("audit:anonymisation_run", args=[run.pk])
    log = client_for(office_staff).get(reverse("audit:trail"), {"record_type": "anonymisation"})
    rows = log.context["rows"]
    assert [(row["record_id"], row["url"]) for row in rows] == [(run.pk, url)]
    assert client_for(office_staff).get(url).status_code == 200
    assert client_for(leader).get(url).status_code == 404
    other = build_other_county()
    assert client_for(other.office).get(url).status_code == 404
    theirs = client_for(other.office).get(reverse("audit:trail"), {"record_type": "anonymisation"})
    assert run.pk not in [row["record_id"] for row in theirs.context["rows"]]


@pytest.mark.parametrize("rows", [1, 3])
def test_the_runs_list_keeps_a_fixed_query_count(
    rows, client_for, office, township_a, django_assert_max_num_queries
):
    for n in range(rows):
        AnonymisationRun.objects.create(
            county=township_a.area,
            as_of=date(2021, 1, n + 1),
            months=60,
            archived_by=date(2015, 12, 31),
            households=n + 7,
        )
    RetentionPolicy.objects.create(county=township_a.area, months=60)
    client = client_for(office)
    # session, user and unit, the policy, its history page (count and rows), the count of
    # runs and the page of them, the county's campaigns for the switcher
    with django_assert_max_num_queries(8):
        response = client.get(URL)
    page = response.content.decode()
    for n in range(rows):
        assert f'<td class="text-end">{n + 7}</td>' in unlabelled(page)


def test_a_run_that_finds_nothing_writes_nothing(township_a):
    outcome = anonymise_expired(county=township_a.area, as_of=date(2030, 1, 1))
    assert outcome.nothing and outcome.run is None
    assert not AnonymisationRun.objects.exists()


def test_a_long_run_is_read_a_page_at_a_time(client_for, office, township_a, monkeypatch):
    from audit.views import AnonymisationRunView

    monkeypatch.setattr(AnonymisationRunView, "records_per_page", 2)
    records = [
        {"id": n, "number": f"H{n:04d}", "township": "甲镇", "village": "北村",
         "household": True, "persons": [n]}
        for n in range(1, 6)
    ]  # fmt: skip
    run = AnonymisationRun.objects.create(
        county=township_a.area,
        as_of=date(2021, 1, 1),
        months=60,
        archived_by=date(2015, 12, 31),
        households=5,
        persons=5,
        records=records,
    )
    url = reverse("audit:anonymisation_run", args=[run.pk])
    client = client_for(office)
    first = client.get(url).content.decode()
    assert 'data-total="5"' in first and "共5条" in first and 'data-testid="last-page"' in first
    last = client.get(url, {"page": 3}).content.decode()
    assert "H0005" in last and "H0001" not in last
