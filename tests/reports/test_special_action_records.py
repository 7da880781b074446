"""The seven special actions as records: who reads and who changes an action, a stale form and
bad input refused with nothing written, the seven special actions page and the workbook
reading the records, and the pages' query counts."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from campaign.history import last_change
from campaign.models import SpecialAction, SpecialActionNote
from campaign.special_actions import special_action_note_add, special_action_save
from tests.exports import export
from tests.factories import CaseFactory, HouseholdFactory, UnitFactory, county_for_tests

pytestmark = pytest.mark.django_db

SEVEN = reverse("reports:special_actions") + "?year=2015"


def page(action, suffix=""):
    return reverse(f"reports:special_action{suffix}", args=[action.pk])


def frame_form(action, **changes):
    data = {
        "version": action.version,
        "lead_unit": action.lead_unit_id or "",
        "responsible": action.responsible,
        "plan": action.plan,
        "starts_on": "",
        "ends_on": "",
        "status": action.status,
        "result": action.result,
    }
    data.update(changes)
    return data


def fresh(action):
    return SpecialAction.objects.get(pk=action.pk)


# Who reads and who changes.


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("office", 200),
        ("leader", 200),
        ("city", 200),
        ("clerk_a", 200),
        ("clerk_b", 404),
        ("member", 404),
        ("liaison", 404),
    ],
)
def test_the_action_is_read_by_the_county_and_its_lead_unit(
    role, status, request, client_for, special_action_a
):
    response = client_for(request.getfixturevalue(role)).get(page(special_action_a))
    assert response.status_code == status


def test_a_cooperating_unit_reads_the_action_but_changes_nothing(
    client_for, member, member_unit, special_action_a
):
    special_action_a.cooperating_units.add(member_unit)
    client = client_for(member)
    assert client.get(page(special_action_a)).status_code == 200
    assert client.get(page(special_action_a, "_edit")).status_code == 403
    response = client.post(
        page(special_action_a, "_note_add"), {"noted_on": "2015-06-01", "text": "x"}
    )
    assert response.status_code == 403
    assert not SpecialActionNote.objects.exists()


def test_the_office_frames_the_action(client_for, office, township_b, member_unit, plan):
    action = plan.topics.get(number=2).special_action
    response = client_for(office).post(
        page(action, "_edit"),
        frame_form(
            action,
            lead_unit=township_b.pk,
            cooperating_units=[member_unit.pk],
            responsible="王科长",
            plan="逐项梳理，限期解决",
            starts_on="2015-05-01",
            ends_on="2015-11-30",
        ),
    )
    assert response.status_code == 302
    action = fresh(action)
    assert (action.lead_unit, action.responsible, action.version) == (township_b, "王科长", 2)
    assert list(action.cooperating_units.all()) == [member_unit]
    assert (action.starts_on, action.ends_on) == (date(2015, 5, 1), date(2015, 11, 30))
    assert last_change(action).history_user == office


def test_the_lead_unit_reports_but_does_not_reframe(client_for, clerk_a, special_action_a):
    client = client_for(clerk_a)
    form = client.get(page(special_action_a, "_edit")).context["form"]
    assert set(form.fields) == {"version", "status", "result"}
    response = client.post(
        page(special_action_a, "_edit"),
        {
            "version": 1,
            "status": "completed",
            "result": "解决训练场用地3处",
            "lead_unit": "",  # not on its form: ignored
            "responsible": "改了",
        },
    )
    assert response.status_code == 302
    action = fresh(special_action_a)
    assert (action.status, action.result) == ("completed", "解决训练场用地3处")
    assert (action.lead_unit_id, action.responsible) == (special_action_a.lead_unit_id, "")
    with pytest.raises(PermissionDenied):
        special_action_save(
            user=clerk_a, action=action, version=action.version, changes={"lead_unit": None}
        )


def test_the_lead_unit_adds_a_note(client_for, clerk_a, special_action_a):
    response = client_for(clerk_a).post(
        page(special_action_a, "_note_add"), {"noted_on": "2015-06-10", "text": "召开协调会"}
    )
    assert response.status_code == 302
    note = SpecialActionNote.objects.get()
    assert (note.action, note.author, note.unit) == (special_action_a, clerk_a, clerk_a.unit)
    assert "召开协调会" in client_for(clerk_a).get(page(special_action_a)).content.decode()


@pytest.mark.parametrize("role", ["leader", "city"])
def test_readers_who_may_not_change_are_refused(role, request, client_for, special_action_a):
    client = client_for(request.getfixturevalue(role))
    edit = client.post(page(special_action_a, "_edit"), frame_form(special_action_a, plan="x"))
    note = client.post(page(special_action_a, "_note_add"), {"noted_on": "2015-06-01", "text": "x"})
    assert (edit.status_code, note.status_code) == (403, 403)
    assert fresh(special_action_a).version == 1
    assert not SpecialActionNote.objects.exists()


def test_another_unit_cannot_reach_the_action_whatever_the_method(
    client_for, clerk_b, special_action_a
):
    client = client_for(clerk_b)
    edit = client.post(page(special_action_a, "_edit"), {"version": 1, "status": "completed"})
    note = client.post(page(special_action_a, "_note_add"), {"noted_on": "2015-06-01", "text": "x"})
    assert (edit.status_code, note.status_code) == (404, 404)
    assert fresh(special_action_a).status == "not_started"


def test_the_unit_finds_its_action_in_its_navigation(
    client_for, clerk_a, clerk_b, special_action_a
):
    home = client_for(clerk_a).get(reverse("home")).content.decode()
    assert reverse("reports:special_action_list") in home
    listed = client_for(clerk_a).get(reverse("reports:special_action_list"))
    assert [a.pk for a in listed.context["object_list"]] == [special_action_a.pk]
    assert page(special_action_a) in listed.content.decode()
    assert (
        not client_for(clerk_b).get(reverse("reports:special_action_list")).context["object_list"]
    )


# A stale form and bad input.


def test_a_form_opened_on_an_older_version_is_refused(
    client_for, office, clerk_a, special_action_a
):
    opened = frame_form(special_action_a, plan="新方案")
    client_for(clerk_a).post(
        page(special_action_a, "_edit"), {"version": 1, "status": "under_way", "result": ""}
    )
    response = client_for(office).post(page(special_action_a, "_edit"), opened)
    assert response.status_code == 200
    refusal = " ".join(response.context["form"].non_field_errors())
    assert f"您打开表单后，{clerk_a.display_name}于" in refusal and "本次未保存" in refusal
    action = fresh(special_action_a)
    assert (action.plan, action.version, action.status) == ("", 2, "under_way")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"status": "completed", "result": ""}, "result", "标记为已完成前，请填写取得的成效。"),
        (
            {"starts_on": "2015-09-01", "ends_on": "2015-08-01"},
            "ends_on",
            "专项活动的结束日期不能早于开始日期。",
        ),
        ({"starts_on": "2013-01-01"}, "starts_on", None),
        ({"version": ""}, "version", "表单不完整"),
        ({"status": "finished"}, "status", None),
    ],
)
def test_bad_input_is_refused_and_nothing_written(
    changes, field, message, client_for, office, special_action_a
):
    response = client_for(office).post(
        page(special_action_a, "_edit"), frame_form(special_action_a, **changes)
    )
    assert response.status_code == 200
    form = response.context["form"]
    errors = " ".join(str(e) for e in [*form.errors.get(field, []), *form.non_field_errors()])
    assert errors
    if message:
        assert message in errors
    action = fresh(special_action_a)
    assert (action.version, action.status, action.starts_on) == (1, "not_started", None)


def test_a_unit_of_another_county_or_the_garrison_cannot_lead(
    office, special_action_a, garrison_unit, member_unit
):
    elsewhere = UnitFactory(area=county_for_tests("乙县"), code="far", kind="township")
    for unit in (elsewhere, garrison_unit):
        with pytest.raises(ValidationError) as refused:
            special_action_save(
                user=office, action=special_action_a, version=1, changes={"lead_unit": unit}
            )
        assert "lead_unit" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        special_action_save(
            user=office,
            action=special_action_a,
            version=1,
            changes={"cooperating_units": [special_action_a.lead_unit, member_unit]},
        )
    assert "牵头单位不能同时作为配合单位。" in refused.value.message_dict["cooperating_units"]
    assert fresh(special_action_a).version == 1
    assert not fresh(special_action_a).cooperating_units.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"noted_on": "2015-06-01", "text": "  "}, "请填写开展的工作。"),
        ({"noted_on": "", "text": "x"}, "请填写日期。"),
        ({"noted_on": "2015-07-01", "text": "x"}, "日期不能晚于今天。"),
        ({"noted_on": "2014-01-01", "text": "x"}, None),
        ({"noted_on": "昨天", "text": "x"}, None),
    ],
)
def test_a_bad_note_is_refused(data, message, client_for, clerk_a, special_action_a):
    response = client_for(clerk_a).post(page(special_action_a, "_note_add"), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    if message:
        assert message in response.content.decode()
    assert not SpecialActionNote.objects.exists()


def test_a_note_service_refuses_a_stranger(clerk_b, special_action_a):
    with pytest.raises(ValidationError):  # not visible to it: no longer there for it
        special_action_note_add(
            user=clerk_b, action=special_action_a, noted_on=date(2015, 6, 1), text="x"
        )


# The pages read the records.


def frame_all(plan, township_a, member_unit, clerk_a, notes):
    """Every action led, each with `notes` notes and `notes` cases of its topic."""
    household = HouseholdFactory(township=township_a)
    for action in SpecialAction.objects.filter(topic__campaign=plan):
        action.lead_unit = member_unit if action.topic.number % 2 else township_a
        action.status = "completed" if action.topic.number == 7 else "under_way"
        action.result = "维护军人军属合法权益12件" if action.topic.number == 7 else ""
        action.save()
        for day in range(1, notes + 1):
            SpecialActionNote.objects.create(
                action=action,
                noted_on=date(2015, 6, day),
                text=f"专题{action.topic.number}进展{day}",
                author=clerk_a,
                unit=township_a,
            )
            CaseFactory(campaign=plan, topic=action.topic, household=household)


@pytest.mark.parametrize("notes", [1, 3])
def test_the_seven_page_reads_the_records_in_a_fixed_number_of_queries(
    notes, plan, office, township_a, member_unit, clerk_a, client_for, django_assert_max_num_queries
):
    frame_all(plan, township_a, member_unit, clerk_a, notes)
    client = client_for(office)
    with django_assert_max_num_queries(8):
        response = client.get(SEVEN)
    text = response.content.decode()
    rows = {row["number"]: row for row in response.context["rows"]}
    assert rows[7]["action"].lead_unit == member_unit
    assert rows[7]["on_ledger"] == notes
    assert f"专题7进展{notes}" in text  # the latest note
    assert "专题7进展0" not in text
    assert "维护军人军属合法权益12件" in text and "已完成" in text and "进行中" in text
    assert member_unit.label in text and township_a.label in text


@pytest.mark.parametrize("notes", [1, 3])
def test_the_action_page_keeps_its_query_count(
    notes, plan, office, township_a, member_unit, clerk_a, client_for, django_assert_max_num_queries
):
    frame_all(plan, township_a, member_unit, clerk_a, notes)
    action = plan.topics.get(number=3).special_action
    action.cooperating_units.add(township_a)
    client = client_for(office)
    with django_assert_max_num_queries(11):
        response = client.get(page(action))
    text = response.content.decode()
    assert all(f"专题3进展{day}" in text for day in range(1, notes + 1))
    assert response.context["cases"]["total"] == notes
    ledger = client.get(response.context["cases"]["url"])
    assert ledger.context["paginator"].count == notes


@pytest.mark.parametrize("rows", [1, 3])
def test_the_list_keeps_its_query_count(
    rows, plan, clerk_a, township_a, client_for, django_assert_max_num_queries
):
    for action in SpecialAction.objects.filter(topic__campaign=plan)[:rows]:
        action.lead_unit = township_a
        action.save()
        SpecialActionNote.objects.create(
            action=action, noted_on=date(2015, 6, 2), text=f"进展{action.topic.number}",
            author=clerk_a, unit=township_a,
        )  # fmt: skip
    client = client_for(clerk_a)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("reports:special_action_list"))
    text = response.content.decode()
    assert response.context["paginator"].count == rows
    assert f'data-total="{rows}"' in text
    assert all(f"进展{number}" in text for number in range(1, rows + 1))


def test_the_workbook_gives_lead_unit_status_and_result(
    plan, office, township_a, member_unit, clerk_a, client_for, workbook_of
):
    frame_all(plan, township_a, member_unit, clerk_a, 1)
    response = export(client_for(office), reverse("reports:workbook", args=[2015]))
    sheet = workbook_of(response)["七项专项活动"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = next(row for row in rows if row and "牵头单位" in row)
    lead, status, result = (header.index(name) for name in ("牵头单位", "状态", "成效"))
    seventh = next(row for row in rows if row[0] == 7)
    assert seventh[lead] == member_unit.name
    assert (seventh[status], seventh[result]) == ("已完成", "维护军人军属合法权益12件")
    second = next(row for row in rows if row[0] == 2)
    assert (second[lead], second[status]) == (township_a.name, "进行中")
