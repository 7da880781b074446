from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaign.models import Phase

pytestmark = pytest.mark.django_db


def test_a_phase_starting_before_the_campaign_fails_full_clean(plan):
    phase = plan.phases.get(number=2)
    phase.starts_on = date(2014, 3, 1)
    with pytest.raises(ValidationError) as raised:
        phase.full_clean()
    assert raised.value.messages == [
        "第2阶段“走访摸底”开始于2014-03-01，早于本轮活动期限2015-01-01至2016-12-31。"
    ]


def test_moving_the_campaign_window_cannot_strand_a_phase(plan):
    plan.ends_on = date(2016, 6, 30)
    with pytest.raises(ValidationError) as raised:
        plan.full_clean()
    assert "第7阶段“总结宣传”结束于2016-12-31，晚于本轮活动期限2015-01-01至2016-06-30。" in (
        raised.value.messages
    )


def test_the_admin_refuses_a_phase_outside_the_window(plan, office, client):
    office.is_superuser = True
    office.save()
    client.force_login(office)
    phase = plan.phases.get(number=2)
    response = client.post(
        reverse("admin:campaign_phase_change", args=[phase.pk]),
        {
            "campaign": plan.pk,
            "number": 2,
            "name": "走访摸底",
            "starts_on": "2014-03-01",
            "ends_on": "2015-04-30",
            "summary": "",
            "note": "",
        },
    )
    assert response.status_code == 200
    assert "第2阶段“走访摸底”开始于2014-03-01，早于本轮活动期限2015-01-01至2016-12-31。" in (
        response.content.decode()
    )
    assert Phase.objects.get(pk=phase.pk).starts_on == date(2015, 3, 1)


def test_the_database_refuses_a_phase_ending_before_it_starts(plan):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Phase.objects.filter(number=4).update(ends_on=date(2015, 11, 1))
