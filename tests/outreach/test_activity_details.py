"""What an activity reached and left behind: the groups it helped, its media coverage and the
merit notices (立功喜报) it delivered."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaign.models import Unit
from outreach.activity_details import merit_notice_add
from outreach.models import Activity, MediaCoverage, MeritNotice, TargetGroup
from tests.exports import export
from tests.factories import HouseholdFactory, UnitFactory, county_for_tests, kind_of
from tests.fixtures.activities import PNG_BYTES, merit_activity_in

pytestmark = pytest.mark.django_db


def group(code):
    return TargetGroup.objects.get(code=code)


# Target groups.


def test_the_plan_names_the_groups_help_goes_to():
    names = set(TargetGroup.objects.values_list("name", flat=True))
    assert {"城乡低保对象", "残疾人家庭", "空巢老人", "留守儿童"} <= names


def test_a_help_activity_records_its_groups_shows_them_and_is_found_by_them(
    client_for, clerk_a, plan
):
    client = client_for(clerk_a)
    response = client.post(
        reverse("outreach:activity_add"),
        {
            "kind": "volunteer",
            "held_on": "2015-05-20",
            "title": "关爱留守儿童",
            "people_reached": 12,
            "amount": "0",
            "target_groups": [group("left_behind_children").pk, group("empty_nest_elderly").pk],
        },
    )
    activity = Activity.objects.get()
    assert response["Location"] == activity.get_absolute_url()
    assert set(activity.target_groups.values_list("code", flat=True)) == {
        "left_behind_children",
        "empty_nest_elderly",
    }
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "帮扶群体" in page and "留守儿童" in page and "空巢老人" in page
    other = Activity.objects.create(
        campaign=activity.campaign,
        workstream=activity.workstream,
        kind=activity.kind,
        organiser=activity.organiser,
        held_on=date(2015, 5, 21),
        title="助残日活动",
        created_by=clerk_a,
    )
    other.target_groups.set([group("disabled_family")])
    listed = client.get(
        reverse("outreach:activities"), {"target_group": group("disabled_family").pk}
    )
    assert list(listed.context["object_list"]) == [other]
    listed = client.get(
        reverse("outreach:activities"), {"target_group": group("left_behind_children").pk}
    )
    assert list(listed.context["object_list"]) == [activity]


def test_editing_an_activity_can_clear_its_groups(client_for, clerk_a, activity_a):
    activity_a.target_groups.set([group("disabled_family")])
    client_for(clerk_a).post(
        reverse("outreach:activity_edit", args=[activity_a.pk]),
        {
            "kind": "condolence_visit",
            "held_on": "2015-05-01",
            "title": activity_a.title,
            "people_reached": 0,
            "amount": "100",
            "id_numbers": activity_a.persons.get().id_number,
        },
    )
    assert activity_a.target_groups.count() == 0


# Media coverage.


def add_coverage(client, activity, **overrides):
    data = {
        "outlet": "县电视台",
        "published_on": "2015-05-02",
        "title": "慰问老兵",
        "link": "https://news.example.cn/1",
    } | overrides
    return client.post(reverse("outreach:coverage_add", args=[activity.pk]), data)


def test_a_clerk_adds_coverage_by_link_and_it_is_listed_on_the_activity(
    client_for, clerk_a, activity_a
):
    client = client_for(clerk_a)
    response = add_coverage(client, activity_a)
    assert response["Location"] == activity_a.get_absolute_url()
    coverage = MediaCoverage.objects.get()
    assert (coverage.outlet, coverage.link, coverage.created_by) == (
        "县电视台",
        "https://news.example.cn/1",
        clerk_a,
    )
    assert coverage.history.count() == 1
    page = client.get(activity_a.get_absolute_url()).content.decode()
    assert "县电视台" in page and "https://news.example.cn/1" in page


def test_a_clipping_goes_through_the_evidence_rules_and_is_served_to_readers(
    client_for, clerk_a, leader, activity_a
):
    response = add_coverage(
        client_for(clerk_a),
        activity_a,
        link="",
        file=SimpleUploadedFile("报纸.png", PNG_BYTES, content_type="image/png"),
    )
    assert response.status_code == 302
    coverage = MediaCoverage.objects.get()
    assert (coverage.original_name, coverage.content_type) == ("报纸.png", "image/png")
    download = client_for(leader).get(reverse("outreach:coverage_file", args=[coverage.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PNG_BYTES


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"link": ""}, "请填写报道链接或上传剪报。"),
        (
            {"link": "", "file": SimpleUploadedFile("a.png", b"not a picture at all")},
            "只接受照片",
        ),
        ({"published_on": "2015-04-30"}, "报道日期不能早于活动日期。"),
        ({"published_on": "2015-07-01"}, "日期不能晚于今天。"),
        ({"outlet": ""}, "这个字段是必填项。"),
        ({"link": "not a link"}, "输入一个有效的 URL。"),
    ],
    ids=[
        "neither-link-nor-file",
        "wrong-file",
        "before-the-activity",
        "future",
        "no-outlet",
        "bad-link",
    ],
)
def test_bad_coverage_is_refused_in_chinese_and_nothing_is_stored(
    client_for, clerk_a, activity_a, overrides, message
):
    response = add_coverage(client_for(clerk_a), activity_a, **overrides)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert MediaCoverage.objects.count() == 0


@pytest.mark.parametrize(
    ("role", "status"), [("leader", 403), ("city", 403), ("clerk_b", 404), ("member", 404)]
)
def test_only_those_who_edit_the_activity_add_coverage(
    request, client_for, activity_a, role, status
):
    response = add_coverage(client_for(request.getfixturevalue(role)), activity_a)
    assert response.status_code == status
    assert MediaCoverage.objects.count() == 0


def test_a_member_unit_adds_coverage_to_its_own_activity(client_for, member, member_unit, plan):
    from outreach.activities import activity_save

    activity = activity_save(
        user=member,
        activity=Activity(
            kind=kind_of(member_unit, "publicity_mobilisation"),
            held_on=date(2015, 2, 10),
            title="宣传发动大会",
        ),
    )
    assert add_coverage(client_for(member), activity, published_on="2015-02-11").status_code == 302
    assert MediaCoverage.objects.get().activity == activity


# Merit notices.


def notice_data(**overrides):
    return {
        "soldier_name": "赵立功",
        "level": "third",
        "serving_unit": "某部三连",
        "sent_on": "2015-05-04",
    } | overrides


def post_notice(client, activity, **overrides):
    return client.post(
        reverse("outreach:merit_notice_add", args=[activity.pk]), notice_data(**overrides)
    )


def test_a_clerk_records_a_notice_for_a_household_of_its_township(
    client_for, clerk_a, merit_activity_a, household, garrison_unit
):
    client = client_for(clerk_a)
    form = client.get(reverse("outreach:merit_notice_add", args=[merit_activity_a.pk]))
    assert household.head_name in form.content.decode()
    response = post_notice(
        client, merit_activity_a, household=household.pk, garrison=garrison_unit.pk, serving_unit=""
    )
    assert response["Location"] == merit_activity_a.get_absolute_url()
    notice = MeritNotice.objects.get()
    assert (notice.household, notice.garrison, notice.level) == (household, garrison_unit, "third")
    assert notice.history.count() == 1
    page = client.get(merit_activity_a.get_absolute_url()).content.decode()
    assert "赵立功" in page and "三等功" in page and household.head_name in page
    assert household.phone not in page  # never in full
    listed = client.get(reverse("outreach:merit_notices")).content.decode()
    assert "赵立功" in listed and garrison_unit.name in listed
    assert household.phone not in listed


def test_a_household_of_another_township_is_refused(
    client_for, clerk_a, merit_activity_a, township_b
):
    elsewhere = HouseholdFactory(township=township_b, head_name="乙镇户")
    response = post_notice(client_for(clerk_a), merit_activity_a, household=elsewhere.pk)
    assert "请选择本县您可查看的登记户。" in response.content.decode()
    assert MeritNotice.objects.count() == 0


def test_a_household_of_another_county_is_refused_by_the_service_too(office, merit_activity_a):
    county = county_for_tests("另一县")
    township = UnitFactory(area=county, kind=Unit.Kind.TOWNSHIP, code="other-township")
    elsewhere = HouseholdFactory(township=township)
    with pytest.raises(ValidationError) as caught:
        merit_notice_add(
            user=office,
            activity=merit_activity_a,
            soldier_name="钱",
            level="first",
            sent_on=date(2015, 5, 4),
            serving_unit="某部",
            household=elsewhere,
        )
    assert "请选择本县您可查看的登记户。" in str(caught.value.messages)
    assert MeritNotice.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"serving_unit": ""}, "请选择驻军部队或填写服役单位。"),
        ({"soldier_name": ""}, "这个字段是必填项。"),
        ({"level": "fourth"}, "选择一个有效的选项"),
        ({"sent_on": "2015-07-01"}, "日期不能晚于今天。"),
        ({"sent_on": "2014-06-01"}, "不在“双拥在基层”的起止日期"),
    ],
    ids=["no-unit", "no-name", "bad-level", "future", "before-the-campaign"],
)
def test_a_bad_notice_is_refused_in_chinese_and_nothing_is_stored(
    client_for, clerk_a, merit_activity_a, overrides, message
):
    response = post_notice(client_for(clerk_a), merit_activity_a, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert MeritNotice.objects.count() == 0


def test_a_notice_belongs_to_a_merit_notice_activity(client_for, clerk_a, activity_a):
    response = post_notice(client_for(clerk_a), activity_a)
    assert "立功喜报须记录在“送立功喜报”类活动下。" in response.content.decode()
    assert MeritNotice.objects.count() == 0


@pytest.mark.parametrize(
    ("role", "status"), [("leader", 403), ("city", 403), ("clerk_b", 404), ("member", 404)]
)
def test_only_those_who_edit_the_activity_record_notices(
    request, client_for, merit_activity_a, role, status
):
    response = post_notice(client_for(request.getfixturevalue(role)), merit_activity_a)
    assert response.status_code == status
    assert MeritNotice.objects.count() == 0


def test_readers_see_notices_as_they_see_the_activity(
    client_for, leader, clerk_b, city, merit_notice_a
):
    assert "李立功" in client_for(leader).get(reverse("outreach:merit_notices")).content.decode()
    assert (
        "李立功" not in client_for(clerk_b).get(reverse("outreach:merit_notices")).content.decode()
    )
    # The city reads the activity, not the soldier and his family.
    assert client_for(city).get(reverse("outreach:merit_notices")).status_code == 404
    page = client_for(city).get(merit_notice_a.activity.get_absolute_url()).content.decode()
    assert "李立功" not in page and "张甲" not in page


def test_a_member_unit_sees_no_household_to_choose(
    client_for, member, member_unit, household, plan
):
    activity = merit_activity_in(member_unit, member)
    page = client_for(member).get(reverse("outreach:merit_notice_add", args=[activity.pk]))
    assert page.status_code == 200
    assert household.head_name not in page.content.decode()


def test_the_list_totals_notices_by_level(client_for, office, clerk_a, township_a, plan):
    activity = merit_activity_in(township_a, clerk_a)
    for level in ("first", "third", "third"):
        merit_notice_add(
            user=clerk_a,
            activity=activity,
            soldier_name="孙",
            level=level,
            sent_on=date(2015, 5, 4),
            serving_unit="某部",
        )
    page = client_for(office).get(reverse("outreach:merit_notices"))
    totals = dict(page.context["level_totals"])
    assert (totals["一等功"], totals["二等功"], totals["三等功"]) == (1, 0, 2)
    assert 'data-total="3"' in page.content.decode()


# Query counts: the same at 1 and 3 rows.


@pytest.mark.parametrize("rows", [1, 3])
def test_the_notice_list_keeps_its_query_count(
    client_for, clerk_a, township_a, household, plan, rows, django_assert_max_num_queries
):
    activity = merit_activity_in(township_a, clerk_a)
    for n in range(rows):
        merit_notice_add(
            user=clerk_a,
            activity=activity,
            soldier_name=f"兵{n}",
            level="second",
            sent_on=date(2015, 5, 4),
            serving_unit="某部",
            household=household,
        )
    client = client_for(clerk_a)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("outreach:merit_notices")).content.decode()
    assert all(f"兵{n}" in page for n in range(rows))


@pytest.mark.parametrize("rows", [1, 3])
def test_the_activity_page_keeps_its_query_count(
    client_for,
    clerk_a,
    township_a,
    household,
    garrison_unit,
    plan,
    rows,
    django_assert_max_num_queries,
):
    from outreach.activity_details import coverage_add

    activity = merit_activity_in(township_a, clerk_a)
    for n in range(rows):
        merit_notice_add(
            user=clerk_a,
            activity=activity,
            soldier_name=f"兵{n}",
            level="second",
            sent_on=date(2015, 5, 4),
            garrison=garrison_unit,
            household=household,
        )
        coverage_add(
            user=clerk_a,
            activity=activity,
            outlet=f"媒体{n}",
            published_on=date(2015, 5, 5),
            title="报道",
            link="https://news.example.cn/",
        )
    activity.target_groups.set(TargetGroup.objects.all()[:rows])
    client = client_for(clerk_a)
    # One more for the bulletins that cite the activity.
    with django_assert_max_num_queries(14):
        page = client.get(activity.get_absolute_url()).content.decode()
    assert all(f"兵{n}" in page and f"媒体{n}" in page for n in range(rows))


# The year's activity figures.


def test_the_years_figures_count_groups_helped_coverage_and_notices(
    client_for, office, clerk_a, township_a, activity_a, merit_notice_a, coverage_a
):
    import io

    from openpyxl import load_workbook

    from reports.breakdowns import activity_statistics
    from reports.selectors import Period

    activity_a.people_reached = 7
    activity_a.save()
    activity_a.target_groups.set([group("empty_nest_elderly"), group("disabled_family")])
    merit_notice_a.activity.target_groups.set([group("empty_nest_elderly")])
    figures = activity_statistics(
        Period(year=2015, today=date(2015, 6, 15), campaign=activity_a.campaign)
    )
    assert [(g["group_label"], g["count"]) for g in figures["groups"]] == [
        ("残疾人家庭", 1),
        ("空巢老人", 2),
    ]
    assert figures["groups"][0]["people"] == 7
    assert (figures["total"]["coverage"], figures["total"]["merit_notices"]) == (1, 1)
    response = export(client_for(office), reverse("reports:workbook", args=[2015]))
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = [list(r) for r in book["活动统计"].iter_rows(values_only=True)]
    assert [None, "帮扶群体", "帮扶：空巢老人", 2, 7, "—"] in rows
    assert [None, "媒体报道", "媒体报道篇数", 1, "—", "—"] in rows
    assert [None, "立功喜报", "送达喜报份数", 1, "—", "—"] in rows
