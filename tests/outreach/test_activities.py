from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from outreach.activities import activity_save
from outreach.models import Activity, Evidence
from tests.factories import HouseholdFactory, PersonFactory, kind_of

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
PDF = b"%PDF-1.4\n" + b"0" * 64


def post_activity(client, **overrides):
    data = {
        "kind": "hero_visit",
        "held_on": "2015-05-20",
        "title": "走访老红军",
        "place": "东村",
        "people_reached": 3,
        "amount": "1500.00",
        "goods": "米、油",
    } | overrides
    return client.post(reverse("outreach:activity_add"), data)


def test_a_clerk_records_an_activity_for_its_own_unit(
    client_for, clerk_a, person, township_b, plan
):
    response = post_activity(
        client_for(clerk_a), organiser=township_b.pk, id_numbers=person.id_number
    )
    activity = Activity.objects.get()
    assert response["Location"] == activity.get_absolute_url()
    assert activity.organiser == clerk_a.unit
    assert activity.workstream.number == 3
    assert list(activity.persons.all()) == [person]
    assert list(activity.households.all()) == [person.household]
    assert activity.amount == Decimal("1500.00")


def test_a_negative_amount_is_refused_and_nothing_stored(client_for, clerk_a, plan):
    response = post_activity(client_for(clerk_a), amount="-5")
    assert "金额不能为负数。" in response.content.decode()
    assert Activity.objects.count() == 0


def test_a_future_date_is_refused(client_for, clerk_a, plan):
    response = post_activity(client_for(clerk_a), held_on="2015-07-01")
    assert "活动日期不能晚于今天。" in response.content.decode()
    assert Activity.objects.count() == 0


def test_an_unknown_id_number_is_refused_masked(client_for, clerk_a, plan, township_b):
    stranger = PersonFactory(household=HouseholdFactory(township=township_b))
    response = post_activity(client_for(clerk_a), id_numbers=stranger.id_number)
    page = response.content.decode()
    assert "不在您可查看的登记名册中" in page and stranger.masked_id_number in page
    assert page.count(stranger.id_number) == 1  # only echoed back in the clerk's own input
    assert Activity.objects.count() == 0


def test_an_activity_outside_the_campaign_is_refused(client_for, clerk_a, plan):
    response = post_activity(client_for(clerk_a), held_on="2014-12-20", title="活动前")
    page = response.content.decode()
    assert "2014-12-20不在“双拥在基层”的起止日期（2015-01-01 – 2016-12-31）之内" in page
    assert Activity.objects.count() == 0


def test_an_activity_outside_its_phase_is_flagged(client_for, clerk_a, plan):
    client = client_for(clerk_a)
    phase1 = plan.phases.get(number=1)
    post_activity(client, held_on="2015-03-20", title="阶段外", phase=phase1.pk)
    activity = Activity.objects.get()
    assert activity.campaign == plan
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "日期在所属阶段第1阶段：宣传动员（2015-01-01 – 2015-02-28）之外。" in page


def test_a_phase_of_another_campaign_is_refused(client_for, clerk_a, plan, settings):
    from tests.campaigns import NEXT_NAME, add_next_campaign

    add_next_campaign()
    settings.SHUANGYONG_TODAY = date(2017, 6, 1)  # the next campaign is the one in view
    earlier = plan.phases.get(number=3)
    response = post_activity(client_for(clerk_a), held_on="2017-05-20", phase=earlier.pk)
    assert "phase" in response.context["form"].errors  # not offered on the form
    activity = Activity(
        kind=kind_of(clerk_a.unit, "hero_visit"),
        held_on=date(2017, 5, 20),
        phase=earlier,
        title="x",
    )
    with pytest.raises(ValidationError) as refused:
        activity_save(user=clerk_a, activity=activity)
    assert refused.value.messages == [f"请选择“{NEXT_NAME}”的阶段。"]
    assert Activity.objects.count() == 0


def test_evidence_is_checked_by_content(client_for, clerk_a, plan):
    client = client_for(clerk_a)
    post_activity(client)
    activity = Activity.objects.get()
    url = reverse("outreach:evidence_add", args=[activity.pk])
    disguised = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 not a photo", "image/jpeg")
    response = client.post(url, {"file": disguised})
    assert response.status_code == 400
    assert "只接受照片（JPEG、PNG）和PDF文件" in response.content.decode()
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (10 * 1024 * 1024), "application/pdf")
    assert "最多接受10 MB" in client.post(url, {"file": big}).content.decode()
    assert Evidence.objects.count() == 0
    client.post(url, {"file": SimpleUploadedFile("合影.png", PNG, "image/png")})
    evidence = Evidence.objects.get()
    assert (evidence.content_type, evidence.original_name) == ("image/png", "合影.png")
    download = client.get(reverse("outreach:evidence", args=[evidence.pk]))
    assert b"".join(download.streaming_content) == PNG


def test_another_unit_cannot_see_or_change_an_activity(
    client_for, clerk_a, clerk_b, member, leader, plan
):
    post_activity(client_for(clerk_a))
    activity = Activity.objects.get()
    for user in (clerk_b, member):
        client = client_for(user)
        assert client.get(activity.get_absolute_url()).status_code == 404
        assert (
            client.post(
                reverse("outreach:evidence_add", args=[activity.pk]),
                {"file": SimpleUploadedFile("a.png", PNG)},
            ).status_code
            == 404
        )
    assert (
        client_for(leader).get(reverse("outreach:activity_edit", args=[activity.pk])).status_code
        == 403
    )
    assert Evidence.objects.count() == 0


@pytest.mark.parametrize("rows", [1, 3])
def test_the_list_keeps_its_query_count(
    client_for, office, clerk_a, plan, rows, django_assert_num_queries
):
    client = client_for(clerk_a)
    for n in range(rows):
        post_activity(client, title=f"活动{n}")
    client = client_for(office)
    # 11: the filter's kinds (the county's list), its support organisations and the groups
    # helped are each read from the database (8 before any was).
    with django_assert_num_queries(11):
        response = client.get(reverse("outreach:activities"))
    assert len(response.context["object_list"]) == rows
    page = response.content.decode()
    for activity in Activity.objects.all():
        assert activity.get_absolute_url() in page and activity.title in page


def test_the_activity_page_shows_its_change_history(client_for, clerk_a, plan):
    client = client_for(clerk_a)
    post_activity(client)
    activity = Activity.objects.get()
    history = client.get(activity.get_absolute_url()).context["history"]
    assert [(entry.history_type, entry.history_user) for entry in history] == [("+", clerk_a)]
