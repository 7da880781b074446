"""Working days against the published 2015 calendar (国务院办公厅 2014-12 and 2015-05 notices)."""

from datetime import date

import pytest

from grievances.workdays import add_workdays, covered, is_workday, workdays_between


@pytest.mark.parametrize(
    "day, workday",
    [
        ("2015-02-15", True),  # Sunday, made up for the Spring Festival
        ("2015-02-18", False),  # 除夕
        ("2015-02-24", False),
        ("2015-02-25", True),
        ("2015-02-28", True),  # Saturday, made up
        ("2015-09-03", False),  # victory day
        ("2015-09-04", False),
        ("2015-09-05", False),
        ("2015-09-06", True),  # Sunday, made up
        ("2015-10-01", False),
        ("2015-10-07", False),
        ("2015-10-08", True),
        ("2015-10-10", True),  # Saturday, made up
    ],
)
def test_it_follows_the_published_calendar(day, workday):
    assert is_workday(date.fromisoformat(day)) is workday


def test_a_deadline_skips_the_spring_festival():
    assert add_workdays(date(2015, 2, 13), 1) == date(2015, 2, 15)
    assert add_workdays(date(2015, 2, 17), 1) == date(2015, 2, 25)
    assert add_workdays(date(2015, 2, 16), 5) == date(2015, 2, 28)  # the make-up Saturday


def test_a_deadline_counts_the_victory_day_make_up_sunday():
    assert add_workdays(date(2015, 9, 2), 1) == date(2015, 9, 6)
    assert add_workdays(date(2015, 9, 2), 2) == date(2015, 9, 7)


def test_a_deadline_skips_national_day():
    assert add_workdays(date(2015, 9, 30), 1) == date(2015, 10, 8)
    assert add_workdays(date(2015, 9, 30), 3) == date(2015, 10, 10)


def test_working_days_between_two_dates():
    assert workdays_between(date(2015, 9, 30), date(2015, 10, 10)) == 3
    assert workdays_between(date(2015, 10, 10), date(2015, 9, 30)) == -3


def test_a_year_the_calendar_does_not_cover_counts_monday_to_friday():
    assert not covered(date(2031, 1, 1))
    assert covered(date(2015, 1, 1))
    assert add_workdays(date(2031, 1, 3), 1) == date(2031, 1, 6)  # Friday → Monday
