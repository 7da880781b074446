"""One plaque truth: the register (HonourPlaque) is what the household list, the household page
and the import read and write."""

from datetime import date

import pytest
from django.urls import reverse

from outreach.models import BeneficiaryCategory, HonourPlaque, Household, PlaqueEvent
from outreach.plaques import plaque_record
from tests.factories import HonourPlaqueFactory, HouseholdFactory, PersonFactory
from tests.outreach.import_files import person_row, register, upload, xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def client_a(client_for, clerk_a):
    return client_for(clerk_a)


def listed(client, **query):
    response = client.get(reverse("outreach:households"), query)
    return sorted(h.head_name for h in response.context["object_list"])


def test_the_plaque_filter_counts_what_the_register_holds(client_a, clerk_a, township_a):
    hung = HonourPlaqueFactory(household__township=township_a, household__head_name="挂牌户")
    withdrawn = HonourPlaqueFactory(household__township=township_a, household__head_name="收回户")
    plaque_record(
        user=clerk_a,
        household=withdrawn.household,
        kind="withdrawn",
        on=date(2015, 5, 1),
        reason="房屋拆迁",
    )
    HouseholdFactory(township=township_a, head_name="无牌户")

    held = Household.objects.filter(plaque__status=HonourPlaque.Status.HUNG)
    assert listed(client_a, plaque="yes") == sorted(h.head_name for h in held) == ["挂牌户"]
    assert listed(client_a, plaque="no") == ["收回户", "无牌户"]
    assert len(listed(client_a, plaque="yes")) + len(listed(client_a, plaque="no")) == (
        Household.objects.count()
    )
    page = client_a.get(reverse("outreach:household", args=[hung.household.pk])).content.decode()
    assert "悬挂" in page and "2015-03-01" in page


def preview(client, rows) -> str:
    response = client.post(reverse("outreach_import:start"), {"file": upload(xlsx(rows))})
    assert response.status_code == 302, response.content.decode()
    return client.get(reverse("outreach_import:preview")).content.decode()


def confirm(client):
    token = client.session["outreach_import"]["name"].rsplit("/", 1)[-1].removesuffix(".json")
    return client.post(reverse("outreach_import:confirm"), {"upload": token}, follow=True)


def test_the_import_issues_a_plaque_through_the_register(client_a, clerk_a):
    rows = [person_row(plaque_hung_on="2015-06-01", categories="烈士遗属", relation="父母")]
    preview(client_a, rows)
    confirm(client_a)
    plaque = HonourPlaque.objects.get()
    assert (plaque.household.number, plaque.status, plaque.type, plaque.hung_on) == (
        "0001",
        "hung",
        "martyr_family",
        date(2015, 6, 1),
    )
    assert list(plaque.events.values_list("kind", "on", "by")) == [
        ("issued", date(2015, 6, 1), clerk_a.pk)
    ]
    # The same file again adds nothing.
    preview(client_a, rows)
    confirm(client_a)
    assert (HonourPlaque.objects.count(), PlaqueEvent.objects.count()) == (1, 1)


def test_the_import_issues_a_plaque_to_a_registered_household(client_a, township_a):
    household, person = register(township_a, number="0007")
    person.categories.add(BeneficiaryCategory.objects.get(name="退役士兵"))
    row = person_row(
        number="0007", head_name="李红", name="李红", id_number=person.id_number,
        village="西河村", address="西河村1号", household_phone="13900001111",
        plaque_hung_on="2015-04-10",
    )  # fmt: skip
    page = preview(client_a, [row])
    assert "光荣牌悬挂日期" in page and "2015-04-10" in page
    confirm(client_a)
    assert household.plaque.hung_on == date(2015, 4, 10)


def test_a_plaque_the_register_holds_is_not_changed_by_the_import(client_a, township_a):
    plaque = HonourPlaqueFactory(household__township=township_a, household__number="0001")
    PersonFactory(household=plaque.household).categories.add(
        BeneficiaryCategory.objects.get(name="退役士兵")
    )
    page = preview(client_a, [person_row(plaque_hung_on="2015-05-02")])
    assert "光荣牌登记中该户的光荣牌首次悬挂于2015-03-01" in page
    confirm(client_a)
    plaque.refresh_from_db()
    assert plaque.hung_on == date(2015, 3, 1)


def test_a_household_that_does_not_qualify_gets_no_plaque(client_a):
    page = preview(client_a, [person_row(plaque_hung_on="2015-06-01", categories=None)])
    assert "光荣牌只发给" in page
    confirm(client_a)
    assert (Household.objects.count(), HonourPlaque.objects.count()) == (0, 0)
