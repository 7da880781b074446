"""The same visit sent by two requests at the same moment (a retry while the first send is
still on its way): recorded once, and both answers say so."""

import threading

import pytest
from django.db import connection

from outreach.fieldwork.sync import visits_receive
from outreach.models import Visit, VisitKey
from tests.outreach.test_fieldwork_send import visit_of

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("plan"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite runs one writing transaction at a time: no race to lose",
    ),
]


def test_two_sends_of_one_visit_at_once_record_it_once(clerk_a, household, plan):
    sent = visit_of(household, plan)
    start = threading.Barrier(2)
    answers = []

    def send():
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.select_related("unit").get(pk=clerk_a.pk)
        start.wait()
        try:
            answers.extend(visits_receive(user=user, sent=[sent]))
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(a["status"] for a in answers) == ["already", "recorded"]
    assert {a["visit"] for a in answers} == {Visit.objects.get().pk}
    assert VisitKey.objects.get().visit == Visit.objects.get()
