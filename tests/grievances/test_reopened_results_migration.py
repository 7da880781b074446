"""grievances 0004 moves the result a reopened case was closed with into its history, and keeps
every other row as it was."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from grievances import services
from grievances.models import Case, CaseEvent, Status

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("grievances", "0003_case_declined_by")]
AFTER = [("grievances", "0004_reopened_results_into_history")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.fixture(autouse=True)
def _back_to_the_latest():
    """Migrating grievances back unapplies what depends on it (campaign 0011 among them), which
    migrating forward to AFTER alone does not bring back: the next test needs every one."""
    yield
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def closed(case, *, office, member, result):
    case = services.case_accept(user=member, case=case)
    case = services.case_resolve(user=member, case=case, result=result)
    return services.case_close(user=office, case=case)


def reopened_the_old_way(case, *, office):
    """Reopened as the previous version did: the result left on the case, not on the event."""
    result = case.result
    case = services.case_revisit(user=office, case=case, satisfaction="dissatisfied")
    Case.objects.filter(pk=case.pk).update(result=result)
    case.events.filter(kind=CaseEvent.Kind.REOPENED).update(changes={})
    return Case.objects.get(pk=case.pk)


def test_it_moves_a_reopened_cases_result_into_its_history(make_cases, office, member):
    deadline = {"responsible_person": "王", "deadline": date(2015, 7, 1), "measures": "核查"}
    stale, again, untouched, unrecorded, waiting = make_cases(5, **deadline)
    stale = reopened_the_old_way(
        closed(stale, office=office, member=member, result="旧结果一"), office=office
    )
    again = reopened_the_old_way(
        closed(again, office=office, member=member, result="旧结果二"), office=office
    )
    services.case_resolve(user=member, case=again, result="新结果二")
    closed(untouched, office=office, member=member, result="结果三")
    unrecorded = reopened_the_old_way(
        closed(unrecorded, office=office, member=member, result="旧结果四"), office=office
    )
    unrecorded.events.filter(kind=CaseEvent.Kind.REOPENED).delete()
    kept = {
        c.pk: (c.status, c.version, c.reopened_count, c.lead_unit_id) for c in Case.objects.all()
    }
    events = {e.pk: (e.kind, e.note, e.on) for e in CaseEvent.objects.all()}

    migrate(BEFORE)
    migrate(AFTER)

    results = dict(Case.objects.values_list("pk", "result"))
    assert results == {
        stale.pk: "",
        again.pk: "新结果二",
        untouched.pk: "结果三",
        unrecorded.pk: "",
        waiting.pk: "",
    }
    assert {
        c.pk: (c.status, c.version, c.reopened_count, c.lead_unit_id) for c in Case.objects.all()
    } == kept
    assert {e.pk: (e.kind, e.note, e.on) for e in CaseEvent.objects.filter(pk__in=events)} == events
    reopening = stale.events.get(kind=CaseEvent.Kind.REOPENED)
    assert reopening.changes == {"result": ["旧结果一", ""]}
    assert again.events.get(kind=CaseEvent.Kind.REOPENED).changes == {}
    added = CaseEvent.objects.exclude(pk__in=events).get()
    assert (added.case_id, added.kind, added.changes, added.to_status) == (
        unrecorded.pk,
        CaseEvent.Kind.REOPENED,
        {"result": ["旧结果四", ""]},
        Status.IN_PROGRESS,
    )


def test_it_puts_the_result_back_when_migrated_backwards(make_cases, office, member):
    deadline = {"responsible_person": "王", "deadline": date(2015, 7, 1), "measures": "核查"}
    (case,) = make_cases(1, **deadline)
    case = closed(case, office=office, member=member, result="旧结果")
    services.case_revisit(user=office, case=case, satisfaction="dissatisfied")
    assert Case.objects.get(pk=case.pk).result == ""
    migrate(BEFORE)
    assert Case.objects.get(pk=case.pk).result == "旧结果"
    migrate(AFTER)
    assert Case.objects.get(pk=case.pk).result == ""
