"""The small registries kept in the app by the county office's writers: publicised models,
commendations and the social support organisations."""

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.trail import trail
from campaign.models import Commendation, ModelFigure, SupportOrganisation
from tests.factories import (
    CommendationFactory,
    ModelFigureFactory,
    SupportOrganisationFactory,
    UnitFactory,
    county_for_tests,
)

pytestmark = pytest.mark.django_db

FIGURE = {"category": "veteran", "name": "王老兵", "year": 2015, "story": "", "publicised_in": ""}


def figure_data(unit, **changes):
    return {**FIGURE, "unit": unit.pk, **changes}


def commendation_data(unit, **changes):
    data = {"kind": "unit", "unit": unit.pk, "person_name": "", "title": "双拥模范单位"}
    return {**data, "commended_on": "2015-06-01", "citation": "", **changes}


def organisation_data(**changes):
    data = {"kind": "legal", "name": "法律拥军服务队", "unit": "", "contact": "", "phone": ""}
    return {**data, "members": 5, "services": "", **changes}


def test_the_office_adds_edits_and_removes_a_publicised_model(client_for, office, township_a):
    client = client_for(office)
    response = client.post(reverse("campaign:figure_add"), figure_data(township_a))
    figure = ModelFigure.objects.get(name="王老兵")
    assert response["Location"] == reverse("campaign:figure", args=[figure.pk])
    assert figure.version == 1

    response = client.post(
        reverse("campaign:figure_edit", args=[figure.pk]),
        figure_data(township_a, name="王老英雄", version=1),
    )
    figure.refresh_from_db()
    assert (figure.name, figure.version) == ("王老英雄", 2)

    page = client.get(reverse("campaign:figure", args=[figure.pk])).content.decode()
    assert "王老英雄" in page and 'data-total="2"' in page

    client.post(reverse("campaign:figure_remove", args=[figure.pk]))
    assert not ModelFigure.objects.exists()
    rows = list(trail(county=township_a.area_id, record_type="model_figure"))
    assert [(r["audit_action"], r["audit_user"]) for r in rows] == [
        ("-", office.pk),
        ("~", office.pk),
        ("+", office.pk),
    ]


def test_any_writer_of_the_office_keeps_them_not_only_administrators(
    client_for, office_staff, member_unit
):
    client = client_for(office_staff)
    assert client.get(reverse("campaign:commendation_add")).status_code == 200
    client.post(reverse("campaign:commendation_add"), commendation_data(member_unit))
    assert Commendation.objects.get().title == "双拥模范单位"


@pytest.mark.parametrize("role", ["leader", "clerk_a", "member", "liaison", "city"])
def test_others_read_but_change_nothing(role, request, client, office, township_a):
    figure = ModelFigureFactory(unit=township_a, name="王老兵")
    client.force_login(request.getfixturevalue(role))
    assert "王老兵" in client.get(reverse("campaign:figures")).content.decode()
    assert client.get(reverse("campaign:figure", args=[figure.pk])).status_code == 200
    assert client.post(reverse("campaign:figure_add"), figure_data(township_a)).status_code == 403
    edit = client.post(
        reverse("campaign:figure_edit", args=[figure.pk]), figure_data(township_a, name="改")
    )
    assert edit.status_code == 403
    assert client.post(reverse("campaign:figure_remove", args=[figure.pk])).status_code == 403
    assert list(ModelFigure.objects.values_list("name", flat=True)) == ["王老兵"]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": "  "}, "name", "请填写先进典型的姓名。"),
        ({"year": 1948}, "year", "请填写1949至2015之间的年份。"),
        ({"year": 2016}, "year", "请填写1949至2015之间的年份。"),
    ],
)
def test_a_publicised_model_is_refused_with_a_clear_message(
    data, field, message, client_for, office, township_a
):
    response = client_for(office).post(
        reverse("campaign:figure_add"), figure_data(township_a, **data)
    )
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert not ModelFigure.objects.exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"title": ""}, "title", "请填写表彰的称号。"),
        ({"commended_on": "2015-06-16"}, "commended_on", "表彰日期不能晚于今天。"),
        ({"kind": "person", "person_name": " "}, "person_name", "表彰先进个人须填写其姓名。"),
    ],
)
def test_a_commendation_is_refused_with_a_clear_message(
    data, field, message, client_for, office, member_unit
):
    response = client_for(office).post(
        reverse("campaign:commendation_add"), commendation_data(member_unit, **data)
    )
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert not Commendation.objects.exists()


def test_an_organisation_needs_its_name(client_for, office):
    response = client_for(office).post(
        reverse("campaign:organisation_add"), organisation_data(name="")
    )
    assert response.context["form"].errors["name"] == ["请填写组织的名称。"]
    assert not SupportOrganisation.objects.exists()


def test_an_organisation_belongs_to_the_county_of_its_writer(client_for, office):
    client_for(office).post(reverse("campaign:organisation_add"), organisation_data())
    assert SupportOrganisation.objects.get().county == county_for_tests()


def test_a_stale_form_is_refused_naming_who_changed_it_and_when(
    client_for, office, office_staff, township_a
):
    figure = ModelFigureFactory(unit=township_a, name="王老兵")
    client_for(office_staff).post(
        reverse("campaign:figure_edit", args=[figure.pk]),
        figure_data(township_a, name="王老兵甲", version=1),
    )
    response = client_for(office).post(
        reverse("campaign:figure_edit", args=[figure.pk]),
        figure_data(township_a, name="王老兵乙", version=1),
    )
    [error] = response.context["form"].non_field_errors()
    latest = figure.history.order_by("-history_date").first()
    assert timezone.localtime(latest.history_date).strftime("%Y-%m-%d %H:%M") in error
    assert office_staff.display_name in error
    figure.refresh_from_db()
    assert (figure.name, figure.version) == ("王老兵甲", 2)


def test_an_organisation_is_deactivated_and_reactivated(client_for, office):
    organisation = SupportOrganisationFactory(name="拥军窗口")
    client = client_for(office)
    client.post(reverse("campaign:organisation_deactivate", args=[organisation.pk]))
    organisation.refresh_from_db()
    assert (organisation.active, organisation.version) == (False, 2)
    listed = client.get(reverse("campaign:organisations"), {"active": "yes"})
    assert list(listed.context["object_list"]) == []
    client.post(reverse("campaign:organisation_reactivate", args=[organisation.pk]))
    organisation.refresh_from_db()
    assert organisation.active


URLS = ["campaign:{}", "campaign:{}_edit", "campaign:{}_remove"]


@pytest.mark.parametrize("method", ["get", "post", "put", "delete", "patch"])
@pytest.mark.parametrize("key", ["figure", "commendation", "organisation"])
def test_another_countys_record_is_not_there_whatever_the_method(method, key, client_for, office):
    other = county_for_tests("乙县")
    unit = UnitFactory(area=other, code="b-unit", name="乙县单位")
    record = {
        "figure": lambda: ModelFigureFactory(unit=unit),
        "commendation": lambda: CommendationFactory(unit=unit),
        "organisation": lambda: SupportOrganisationFactory(county=other),
    }[key]()
    client = client_for(office)
    names = [pattern.format(key) for pattern in URLS]
    if key == "organisation":
        names += ["campaign:organisation_deactivate", "campaign:organisation_reactivate"]
    for name in names:
        response = getattr(client, method)(reverse(name, args=[record.pk]))
        assert response.status_code == 404, name
    assert type(record).objects.filter(pk=record.pk, version=1).exists()


LISTS = {
    "campaign:figures": lambda unit, n: ModelFigureFactory(unit=unit, name=f"典型{n}").name,
    "campaign:commendations": lambda unit, n: (
        CommendationFactory(unit=unit, title=f"模范{n}").title
    ),
    "campaign:organisations": lambda unit, n: (
        SupportOrganisationFactory(unit=unit, name=f"服务队{n}").name
    ),
}


@pytest.mark.parametrize("name", sorted(LISTS))
@pytest.mark.parametrize("rows", [1, 3])
def test_each_list_keeps_its_query_count(
    name, rows, client_for, clerk_a, township_a, django_assert_num_queries
):
    shown = [LISTS[name](township_a, n) for n in range(rows)]
    client = client_for(clerk_a)
    # session, user, the count, the rows, the filter's units, the campaigns for the bar
    with django_assert_num_queries(6):
        response = client.get(reverse(name))
    page = response.content.decode()
    assert all(row in page for row in shown)
    assert f'data-total="{rows}"' in page


def test_the_lists_filter_as_a_clerk_would(client_for, clerk_a, township_a, member_unit):
    ModelFigureFactory(unit=township_a, name="王老兵", year=2015)
    ModelFigureFactory(unit=member_unit, name="李军嫂", year=2016, category="spouse")
    client = client_for(clerk_a)

    def names(query):
        response = client.get(reverse("campaign:figures"), query)
        return [f.name for f in response.context["object_list"]]

    assert names({"year": 2016}) == ["李军嫂"]
    assert names({"category": "veteran"}) == ["王老兵"]
    assert names({"unit": township_a.pk}) == ["王老兵"]
    assert names({"q": "军嫂"}) == ["李军嫂"]
    CommendationFactory(unit=member_unit, kind="person", person_name="赵先进", title="先进个人")
    found = client.get(reverse("campaign:commendations"), {"q": "赵先进", "kind": "person"})
    assert [c.person_name for c in found.context["object_list"]] == ["赵先进"]


@pytest.mark.parametrize(("changes", "queries"), [(1, 7), (30, 7)])
def test_an_organisations_page_keeps_its_query_count(
    changes, queries, client_for, office, django_assert_num_queries
):
    organisation = SupportOrganisationFactory(name="拥军窗口")
    for n in range(changes):
        organisation.members = n
        organisation.save()
    client = client_for(office)
    # session, user, the record, the campaign in view, its activities counted, the history's
    # count and page, the campaigns for the bar
    with django_assert_num_queries(queries):
        response = client.get(reverse("campaign:organisation", args=[organisation.pk]))
    assert "拥军窗口" in response.content.decode()
    assert response.context["history"].paginator.count == changes + 1


def test_a_record_keeps_a_unit_deactivated_since_but_a_new_one_cannot_name_it(
    client_for, office, township_a
):
    figure = ModelFigureFactory(unit=township_a, name="王老兵")
    township_a.is_active = False
    township_a.save()
    client = client_for(office)
    client.post(
        reverse("campaign:figure_edit", args=[figure.pk]),
        figure_data(township_a, name="王老英雄", version=1),
    )
    figure.refresh_from_db()
    assert (figure.name, figure.unit) == ("王老英雄", township_a)
    response = client.post(reverse("campaign:figure_add"), figure_data(township_a, name="新典型"))
    assert response.context["form"].errors["unit"]
    assert not ModelFigure.objects.filter(name="新典型").exists()


def test_an_edit_without_the_version_it_was_opened_on_is_refused(client_for, office, township_a):
    figure = ModelFigureFactory(unit=township_a, name="王老兵")
    response = client_for(office).post(
        reverse("campaign:figure_edit", args=[figure.pk]), figure_data(township_a, name="改")
    )
    assert response.context["form"].errors["version"] == ["表单不完整：请重新打开该记录后再修改。"]
    figure.refresh_from_db()
    assert figure.name == "王老兵"
