"""Creating an account: a township clerk with a one-time code shown once on a slip; every
field an administrator may not set is refused, crafted form data included."""

import pytest
from django.urls import reverse

from administration.models import OneTimeCode
from campaign.models import User
from tests.factories import UnitFactory, county_for_tests

pytestmark = pytest.mark.django_db

URL = reverse("administration:accounts_add")


def posted(**changes):
    data = {"username": "wang-clerk", "name": "王文书", "phone": "13812345678"}
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_it_creates_a_clerk_and_shows_its_code_once_on_a_slip(client_for, office, township_a):
    response = client_for(office).post(URL, posted(unit=township_a.pk))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    account = User.objects.get(username="wang-clerk")
    assert (account.unit, str(account), account.phone) == (township_a, "王文书", "13812345678")
    assert not account.has_usable_password()
    assert not (account.is_staff or account.is_superuser or account.is_administrator)
    page = response.content.decode()
    [code] = [response.context["issued"][0].code]
    shown = f"{code[:4]}-{code[4:]}"
    slip = page[page.index('data-testid="slip"') :]
    for text in (
        "王文书",
        "wang-clerk",
        "甲镇",
        shown,
        "有效期至",
        "http://testserver/accounts/login/",
    ):
        assert text in slip
    row = OneTimeCode.objects.get(user=account)
    assert code not in row.code_hash and row.issued_by == office
    assert (row.valid_until - row.issued_at).days == 3
    # The account's page tells a code is open, never the code.
    detail = client_for(office).get(reverse("administration:accounts_detail", args=[account.pk]))
    assert "尚未使用" in detail.content.decode() and shown not in detail.content.decode()


def test_the_validity_is_a_setting(client_for, office, township_a, settings):
    settings.ONE_TIME_CODE_DAYS = 5
    client_for(office).post(URL, posted(unit=township_a.pk))
    row = OneTimeCode.objects.get()
    assert (row.valid_until - row.issued_at).days == 5


def test_the_code_is_in_no_history_session_or_log(client_for, office, township_a, caplog):
    client = client_for(office)
    response = client.post(URL, posted(unit=township_a.pk))
    code = response.context["issued"][0].code
    account = User.objects.get(username="wang-clerk")
    stored = [repr(list(account.history.values()))]
    stored += [repr(list(OneTimeCode.objects.values()))]
    stored += [str(dict(client.session))]
    stored += [caplog.text]
    assert not any(code in text for text in stored)
    assert "password" not in {f.name for f in account.history.model._meta.fields}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": " "}, "name", "必填"),
        ({"phone": "1381234"}, "phone", "不是电话号码"),
        ({"username": "有 空格"}, "username", "用户名只能包含"),
        ({"username": "CLERK-A"}, "username", "已被使用"),
        ({"is_administrator": "on"}, "is_administrator", "只有县双拥办的用户"),
        ({"read_only": "on"}, "read_only", "只读的县领导账号"),
    ],
)
def test_it_refuses_bad_input_with_a_clear_message(
    changes, field, message, client_for, office, township_a, clerk_a
):
    before = User.objects.count()
    response = client_for(office).post(URL, posted(unit=township_a.pk, **changes))
    assert response.status_code == 200
    assert User.objects.count() == before and not OneTimeCode.objects.exists()
    errors = response.context["form"].errors
    assert field in errors and message in " ".join(errors[field])


def test_it_refuses_a_unit_of_another_county(client_for, office):
    elsewhere = UnitFactory(area=county_for_tests("乙县"), code="town-x", kind="township")
    response = client_for(office).post(URL, posted(unit=elsewhere.pk))
    assert "unit" in response.context["form"].errors
    assert not User.objects.filter(username="wang-clerk").exists()


def test_crafted_fields_grant_nothing(client_for, office, township_a):
    client_for(office).post(
        URL,
        posted(
            unit=township_a.pk,
            is_staff="on",
            is_superuser="on",
            password="chosen-pass-123",
            area=1,
        ),
    )
    account = User.objects.get(username="wang-clerk")
    assert not (account.is_staff or account.is_superuser)
    assert not account.has_usable_password()


def test_an_administrator_of_the_county_office_can_be_created(client_for, office, office_unit):
    client_for(office).post(URL, posted(unit=office_unit.pk, is_administrator="on"))
    assert User.objects.get(username="wang-clerk").is_administrator
