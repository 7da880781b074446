"""A county with something waiting for everyone on 2015-07-03 (a Friday): a priority case its
leader takes, overdue at the member unit, whose text holds an ID number and a phone; a report
due from township A and the member unit."""

from datetime import date

from grievances.models import Case
from tests.factories import make_id_number
from tests.fixtures.submissions import make_report_request

DAY = date(2015, 7, 3)
ID_NUMBER = make_id_number(date(1950, 8, 1))
PHONE = "13987654321"


def overdue_priority_case(assigned_case, leader) -> Case:
    Case.objects.filter(pk=assigned_case.pk).update(
        priority=True,
        leader=leader,
        description=f"张成员（身份证{ID_NUMBER}，电话{PHONE}）房屋漏雨",
    )
    return Case.objects.get(pk=assigned_case.pk)


def report_due(office, units):
    return make_report_request(office, units, due_on=date(2015, 7, 6), title="七月报送")
