from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaign.models import FiveOnesItem, Unit
from tests.factories import FiveOnesItemFactory, UnitFactory
from tests.markup import unlabelled

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plan")]

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def post_item(client, unit, **data):
    payload = {
        "item": "room",
        "room-item": "room",
        "room-status": "done",
        "room-done_on": "2015-03-01",
        "room-description": "活动室",
    }
    payload |= {f"room-{k}": v for k, v in data.items()}
    return client.post(reverse("campaign:five_ones_unit", args=[unit.pk]), payload)


def test_a_township_keeps_its_own_checklist_with_evidence(client_for, clerk_a, township_a):
    response = post_item(client_for(clerk_a), township_a, evidence=SimpleUploadedFile("r.png", PNG))
    assert response.status_code == 302
    item = FiveOnesItem.objects.get()
    assert (item.unit, item.status, item.done_on) == (township_a, "done", date(2015, 3, 1))
    assert item.evidence.name.endswith(".png")


def test_in_place_needs_a_date(client_for, clerk_a, township_a):
    response = post_item(client_for(clerk_a), township_a, done_on="")
    assert response.status_code == 400
    assert "请填写建成日期。" in response.content.decode()
    assert FiveOnesItem.objects.count() == 0


def test_a_wrong_file_type_is_refused(client_for, clerk_a, township_a):
    response = post_item(
        client_for(clerk_a), township_a, evidence=SimpleUploadedFile("r.pdf", b"<html>")
    )
    assert response.status_code == 400
    assert FiveOnesItem.objects.count() == 0


def test_another_unit_cannot_see_or_change_the_checklist(client_for, clerk_b, member, township_a):
    for user in (clerk_b, member):
        client = client_for(user)
        assert (
            client.get(reverse("campaign:five_ones_unit", args=[township_a.pk])).status_code == 404
        )
        assert post_item(client, township_a).status_code == 404
    assert FiveOnesItem.objects.count() == 0


def test_the_county_view_counts_what_each_unit_has(
    client_for, clerk_a, office, township_a, township_b
):
    post_item(client_for(clerk_a), township_a)
    rows = client_for(office).get(reverse("campaign:five_ones")).context["rows"]
    done = {row["unit"].name: row["done"] for row in rows}
    assert done == {"甲镇": 1, "乙乡": 0}
    own = client_for(clerk_a).get(reverse("campaign:five_ones")).context["rows"]
    assert [row["unit"] for row in own] == [township_a]


@pytest.mark.parametrize("rows", [1, 3])
def test_the_county_view_keeps_its_query_count(rows, client_for, office, django_assert_num_queries):
    units = []
    for n in range(rows):
        for kind in (Unit.Kind.TOWNSHIP, Unit.Kind.MEMBER):
            unit = UnitFactory(kind=kind, short_name=f"{kind}单位{n}")
            FiveOnesItemFactory(unit=unit, item="room")
            FiveOnesItemFactory(unit=unit, item="board", status="building", done_on=None)
            units.append(unit)
    client = client_for(office)
    with django_assert_num_queries(6):
        response = client.get(reverse("campaign:five_ones"))
    page = response.content.decode()
    for unit in units:
        assert f'data-unit="{unit.pk}"' in page and unit.label in page
    assert unlabelled(page).count("<td>1/5</td>") == 2 * rows
