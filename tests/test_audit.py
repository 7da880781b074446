import pytest
from django.urls import reverse

from outreach.models import Household, IdNumberView
from tests.factories import CaseEventFactory, CaseFactory, PersonFactory, UserFactory
from tests.markup import unlabelled

pytestmark = pytest.mark.django_db


@pytest.fixture
def changed(client_for, clerk_a, township_a, plan):
    client = client_for(clerk_a)
    client.post(reverse("outreach:household_add"), {"head_name": "审计户", "village": "东村"})
    household = Household.objects.get(head_name="审计户")
    client.post(
        reverse("outreach:household_edit", args=[household.pk]),
        {"number": household.number, "head_name": "审计户", "village": "西村"},
    )
    PersonFactory(household=household)
    client.get(household.get_absolute_url())  # a full view of the ID number
    return household


def test_the_office_reads_every_change_in_one_list(client_for, office, clerk_a, changed):
    rows = client_for(office).get(reverse("audit:trail")).context["rows"]
    household_rows = [r for r in rows if r["record_type"] == "优抚对象户"]
    assert [(r["action"], r["user"]) for r in household_rows] == [
        ("修改", clerk_a),
        ("新建", clerk_a),
    ]
    assert any(r["record_type"] == "个人信息访问记录" and r["user"] == clerk_a for r in rows)


def test_the_list_filters_by_user_record_and_date(client_for, office, clerk_a, changed):
    client = client_for(office)
    rows = client.get(
        reverse("audit:trail"),
        {
            "user": clerk_a.pk,
            "record_type": "household",
            "record_id": changed.pk,
            "since": "2000-01-01",
        },
    ).context["rows"]
    assert len(rows) == 2
    assert client.get(reverse("audit:trail"), {"until": "2000-01-01"}).context["rows"] == []


def test_the_date_filters_are_labelled_as_dates(client_for, office):
    form = client_for(office).get(reverse("audit:trail")).context["form"]
    assert (str(form["since"].label), str(form["until"].label)) == ("起始日期", "截止日期")


@pytest.mark.parametrize("role", ["leader", "clerk_a", "member", "liaison"])
def test_only_the_office_reads_the_trail(role, request, client):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("audit:trail")).status_code == 403


def test_no_audit_row_can_be_changed_through_the_app(client, office):
    from django.contrib import admin

    office.is_superuser = True
    office.save()
    history_models = {Household.history.model, IdNumberView}
    assert not any(model in admin.site._registry for model in history_models)
    client.force_login(office)
    assert client.get("/admin/outreach/historicalhousehold/").status_code == 404
    assert client.get("/admin/outreach/idnumberview/").status_code == 404


def test_a_units_history_is_in_the_admin(client, office, township_a):
    office.is_superuser = True
    office.save()
    client.force_login(office)
    township_a.contact = "新联系人"
    township_a.save()
    response = client.get(f"/admin/campaign/unit/{township_a.pk}/history/")
    assert response.status_code == 200
    listed = [entry.pk for entry in response.context["page_obj"]]
    assert listed == list(township_a.history.values_list("pk", flat=True))
    assert len(listed) == 2


@pytest.mark.parametrize("rows", [1, 3])
def test_the_trail_keeps_its_query_count(
    rows, client_for, office, township_a, person, plan, django_assert_num_queries
):
    """Each row names its user: the users are read in one query whatever their number."""
    case = CaseFactory(household=person.household)
    users = []
    for n in range(rows):
        user = UserFactory(unit=township_a, last_name=f"审计员{n}")
        CaseEventFactory(case=case, by=user, kind="progress", note="已上门")
        IdNumberView.objects.create(
            person=person, user=user, county_id=person.household.township.area_id
        )
        users.append(user)
    client = client_for(office)
    with django_assert_num_queries(7):
        response = client.get(reverse("audit:trail"))
    page = response.content.decode()
    for user in users:
        assert unlabelled(page).count(f"<td>{user.display_name}</td>") == 2
    assert f"#{case.pk}</td>" in page and f"#{person.pk}</td>" in page


def test_the_trail_holds_only_the_countys_own_records(client, office, plan, cast):
    from audit.trail import trail
    from tests.other_county import build_other_county

    other = build_other_county()
    theirs = {user.pk for user in other.users}
    mine = list(trail(county=office.unit.area_id))
    assert mine and not [row for row in mine if row["audit_user"] in theirs]
    assert {row["audit_user"] for row in trail(county=other.township.area_id)} & theirs
    client.force_login(office)
    page = client.get(reverse("audit:trail")).content.decode()
    assert "b-office" not in page and "丙" not in page
