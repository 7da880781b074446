"""The county's reference lists in 系统管理: the index with its counts, a list's values with how
many records name each, add, rename, reorder, retire and reinstate; delete only what nothing
names, history included; a stale form refused; every change in the value's history and the
operation log; another county's values not there."""

import pytest
from django.urls import reverse

from audit.trail import trail
from outreach.models import BeneficiaryCategory, Person, Policy
from tests.factories import PersonFactory, county_for_tests
from tests.markup import unlabelled

pytestmark = pytest.mark.django_db

CATEGORIES = 1  # the lists' numbers in administration/lists/registry.py
POLICIES = 3


def values_url(number=CATEGORIES):
    return reverse("administration:lists_values", args=[number])


def category(name, county=None):
    return BeneficiaryCategory.objects.get(county=county or county_for_tests(), name=name)


def test_the_index_counts_each_lists_offered_and_retired_values(client_for, office):
    BeneficiaryCategory.objects.filter(name="红军失散人员").update(retired=True)
    county_for_tests("另一县")  # its values are not counted
    page = client_for(office).get(reverse("administration:lists")).content.decode()
    row = page[page.index('data-list="1"') :]
    row = row[: row.index("</tr>")]
    assert "对象类别" in row
    assert '<td data-testid="offered">13</td>' in unlabelled(row)
    assert '<td data-testid="retired">1</td>' in unlabelled(row)


def test_a_list_shows_how_many_records_name_each_value(client_for, office, household):
    martyr = category("烈士遗属")
    for _ in range(2):
        PersonFactory(household=household).categories.add(martyr)
    response = client_for(office).get(values_url())
    rows = {value.pk: value for value in response.context["page_obj"].object_list}
    assert rows[martyr.pk].usages == [2]
    assert rows[category("复员军人").pk].usages == [0]
    assert len(rows) == 14  # only the county's own


def test_the_administrator_adds_renames_and_the_history_keeps_both(client_for, office):
    client = client_for(office)
    response = client.post(
        reverse("administration:lists_add", args=[POLICIES]), {"name": " 临时救助 "}
    )
    assert response.status_code == 302
    added = Policy.objects.get(county=county_for_tests(), name="临时救助")
    assert added.order == 11 and added.code == ""
    form = client.get(reverse("administration:lists_edit", args=[POLICIES, added.pk])).context[
        "form"
    ]
    response = client.post(
        reverse("administration:lists_edit", args=[POLICIES, added.pk]),
        {"name": "临时救助金", "seen": form["seen"].value()},
    )
    assert response.status_code == 302
    added.refresh_from_db()
    assert added.name == "临时救助金"
    history = list(added.history.order_by("history_id").values_list("name", "history_user"))
    assert history == [("临时救助", office.pk), ("临时救助金", office.pk)]
    logged = [row for row in trail(county=county_for_tests()) if row["audit_type"] == "policy"]
    assert len(logged) == 2 and {row["audit_user"] for row in logged} == {office.pk}


def test_a_name_already_in_the_list_is_refused_and_the_form_keeps_it(client_for, office):
    response = client_for(office).post(
        reverse("administration:lists_add", args=[CATEGORIES]), {"name": "复员军人"}
    )
    assert response.status_code == 200
    assert "列表中已有“复员军人”" in response.content.decode()
    assert response.context["form"]["name"].value() == "复员军人"
    assert BeneficiaryCategory.objects.filter(name="复员军人").count() == 1


def test_a_stale_edit_is_refused(client_for, office):
    client = client_for(office)
    value = category("复员军人")
    url = reverse("administration:lists_edit", args=[CATEGORIES, value.pk])
    seen = client.get(url).context["form"]["seen"].value()
    client.post(url, {"name": "复员退伍军人", "seen": seen})
    response = client.post(url, {"name": "复员老兵", "seen": seen})
    assert response.status_code == 200
    assert "在您打开表单后有人修改了" in response.content.decode()
    value.refresh_from_db()
    assert value.name == "复员退伍军人"


def test_moving_a_value_up_and_down_swaps_it_with_its_neighbour(client_for, office):
    client = client_for(office)
    second, third = category("退役士兵"), category("军队离休退休干部和退休士官")
    client.post(
        reverse("administration:lists_move", args=[CATEGORIES, third.pk]), {"direction": "up"}
    )
    names = list(
        BeneficiaryCategory.objects.filter(county=county_for_tests()).values_list(
            "name", flat=True
        )[:3]
    )
    assert names == ["军队转业干部", "军队离休退休干部和退休士官", "退役士兵"]
    client.post(
        reverse("administration:lists_move", args=[CATEGORIES, third.pk]), {"direction": "down"}
    )
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.order, third.order) == (2, 3)


def test_retire_and_reinstate(client_for, office, household, clerk_a):
    client = client_for(office)
    value = category("红军失散人员")
    client.post(reverse("administration:lists_retire", args=[CATEGORIES, value.pk]))
    value.refresh_from_db()
    assert value.retired
    form = client_for(clerk_a).get(reverse("outreach:person_add", args=[household.pk]))
    assert value not in form.context["form"].fields["categories"].queryset
    client_for(office).post(reverse("administration:lists_reinstate", args=[CATEGORIES, value.pk]))
    value.refresh_from_db()
    assert not value.retired
    assert [h.history_change_reason for h in value.history.order_by("history_id")][-2:] == [
        "已停用",
        "恢复使用",
    ]


def test_a_value_never_named_is_deleted(client_for, office):
    value = category("伤残民兵民工")
    response = client_for(office).post(
        reverse("administration:lists_delete", args=[CATEGORIES, value.pk])
    )
    assert response.status_code == 302
    assert not BeneficiaryCategory.objects.filter(pk=value.pk).exists()
    [deleted] = value.history.filter(history_type="-")
    assert deleted.history_user_id == office.pk


def test_a_value_named_only_in_history_is_retired_not_deleted(client_for, office, household):
    value = category("复员军人")
    person = PersonFactory(household=household)
    person.categories.add(value)
    person.save()  # the person's history now names the value
    person.categories.clear()
    assert not value.persons.exists()
    response = client_for(office).post(
        reverse("administration:lists_delete", args=[CATEGORIES, value.pk]), follow=True
    )
    assert "不能删除" in response.content.decode() and "请改为停用" in response.content.decode()
    assert BeneficiaryCategory.objects.filter(pk=value.pk).exists()
    assert Person.objects.filter(pk=person.pk).exists()


def test_another_countys_value_is_not_there_whatever_the_method(client_for, office):
    other = category("复员军人", county_for_tests("另一县"))
    client = client_for(office)
    for name in ("lists_edit", "lists_move", "lists_retire", "lists_reinstate", "lists_delete"):
        url = reverse(f"administration:{name}", args=[CATEGORIES, other.pk])
        assert client.get(url).status_code == 404, name
        assert client.post(url, {"name": "x", "direction": "up"}).status_code == 404, name
    other.refresh_from_db()
    assert (other.name, other.retired) == ("复员军人", False)
    assert client.get(reverse("administration:lists_values", args=[99])).status_code == 404


RATINGS = 5


def test_a_ratings_score_is_edited_within_0_to_100_and_the_assessment_uses_it(
    client_for, office, inspection_a
):
    from campaign.models import InspectionRating

    good = InspectionRating.objects.get(county=county_for_tests(), code="good")
    inspection = inspection_a
    assert inspection.rating == good and inspection.score == 85
    client = client_for(office)
    url = reverse("administration:lists_edit", args=[RATINGS, good.pk])
    seen = client.get(url).context["form"]["seen"].value()
    response = client.post(url, {"name": "良好", "score": "101", "seen": seen})
    assert response.status_code == 200 and "100" in str(response.context["form"].errors)
    response = client.post(url, {"name": "良", "score": "80", "seen": seen})
    assert response.status_code == 302
    inspection.refresh_from_db()
    assert (inspection.rating.name, inspection.score) == ("良", 80)
    page = client.get(values_url(RATINGS))
    [row] = [v for v in page.context["page_obj"].object_list if v.pk == good.pk]
    assert row.extras == [80] and row.usages == [1]


KINDS = 4


def test_the_administrator_adds_a_kind_under_a_workstream_with_its_own_code(
    client_for, office, plan, activity_a
):
    from campaign.models import Workstream
    from outreach.models import ActivityKind

    client = client_for(office)
    culture = Workstream.objects.get(number=5)
    url = reverse("administration:lists_add", args=[KINDS])
    taken = client.post(url, {"name": "双拥晚会", "workstream": culture.pk, "code": "joint_gala"})
    assert taken.status_code == 200 and "列表中已有代码“joint_gala”" in taken.content.decode()
    response = client.post(url, {"name": "双拥晚会", "workstream": culture.pk, "code": "gala-2"})
    assert response.status_code == 302
    added = ActivityKind.objects.get(county=county_for_tests(), code="gala-2")
    # After the plan's 35 kinds.
    assert (added.name, added.workstream, added.order) == ("双拥晚会", culture, 36)
    page = client.get(values_url(KINDS), {"page": 1})
    rows = {v.code: v for v in page.context["page_obj"].object_list}
    assert rows["condolence_visit"].usages == [1] and rows["condolence_visit"].named


def test_a_kind_goes_under_a_workstream_of_the_countys_own_campaigns(client_for, office, plan):
    from campaign.services import plan_load
    from outreach.models import ActivityKind
    from tests.campaigns import add_next_campaign

    second = add_next_campaign()
    foreign = plan_load(county=county_for_tests("另一县")).campaign.workstreams.get(number=5)
    client = client_for(office)
    url = reverse("administration:lists_add", args=[KINDS])
    offered = client.get(url).context["form"].fields["workstream"]
    assert {w.campaign_id for w in offered.queryset} == {plan.pk, second.pk}
    labels = dict(offered.choices)
    assert labels[second.workstreams.get(number=4).pk] == f"{second.name} · 4. 军民共建"
    refused = client.post(url, {"name": "外县晚会", "workstream": foreign.pk, "code": "x-gala"})
    assert refused.status_code == 200
    assert not ActivityKind.objects.filter(code="x-gala").exists()
    client.post(
        url, {"name": "创建晚会", "workstream": second.workstreams.get(number=4).pk, "code": "g2"}
    )
    added = ActivityKind.objects.get(county=county_for_tests(), code="g2")
    assert added.workstream.campaign == second
