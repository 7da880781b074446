"""Two requests that find the kept figures out of date at the same moment both compute and
store them: the second store updates the row the first made, and neither fails."""

import threading

import pytest
from django.db import connection

from reports.models import KeptFigures
from tests.reports.test_kept_figures import KINDS, TODAY, YEAR, recomputed

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite runs one writing transaction at a time: no race to lose",
    ),
]


def test_two_misses_at_once_both_answer_and_keep_one_row(plan, county):
    from reports.report import YearReport

    start = threading.Barrier(2)
    answers, failures = [], []

    def read():
        try:
            start.wait()
            report = YearReport.load(YEAR, campaign=plan, today=TODAY, kept_sections=KINDS)
            answers.append({kind: report.section(kind) for kind in KINDS})
        except Exception as exc:  # noqa: BLE001  (the failure is the finding)
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    assert answers == [recomputed(plan)] * 2
    assert KeptFigures.objects.filter(campaign=plan, year=YEAR).count() == len(KINDS)
