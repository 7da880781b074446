"""The working-day table the reports average over agrees with grievances.workdays, make-up
working days and holidays included."""

from datetime import date, timedelta

import pytest

from grievances.workdays import workdays_between
from reports.models import Workday
from reports.workcal import ensure_calendar

pytestmark = pytest.mark.django_db


def test_ordinals_give_the_working_days_between_two_dates():
    ensure_calendar(date(2016, 3, 15))
    ordinal = dict(Workday.objects.values_list("day", "ordinal"))
    start = date(2015, 9, 1)
    for offset in range(0, 60):
        end = start + timedelta(days=offset)
        assert ordinal[end] - ordinal[start] == workdays_between(start, end), end
    assert Workday.objects.get(day=date(2015, 10, 10)).is_workday  # a make-up Saturday
    assert not Workday.objects.get(day=date(2015, 9, 3)).is_workday  # victory day


def test_it_fills_forward_only_once(django_assert_num_queries):
    ensure_calendar(date(2015, 6, 15))
    with django_assert_num_queries(1):
        ensure_calendar(date(2015, 12, 31))
    ensure_calendar(date(2016, 1, 4))
    assert Workday.objects.order_by("-day").first().day == date(2016, 12, 31)
