"""An activity credited to a social support organisation (社会化拥军): offered in the form, shown
on the activity, filtered in the list, counted on the organisation's page."""

import pytest
from django.urls import reverse

from campaign.models import SupportOrganisation
from outreach.models import Activity
from tests.factories import SupportOrganisationFactory, county_for_tests
from tests.outreach.test_activities import post_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(db):
    return SupportOrganisationFactory(name="医疗拥军服务队", kind="medical")


def test_a_clerk_credits_an_activity_to_an_organisation(client_for, clerk_a, office, team, plan):
    client = client_for(clerk_a)
    post_activity(client, support_organisation=team.pk, title="义诊")
    post_activity(client, title="慰问")
    credited = Activity.objects.get(title="义诊")
    assert credited.support_organisation == team
    page = client.get(credited.get_absolute_url()).content.decode()
    assert "医疗拥军服务队" in page and reverse("campaign:organisation", args=[team.pk]) in page

    listed = client.get(reverse("outreach:activities"), {"support_organisation": team.pk})
    assert [a.title for a in listed.context["object_list"]] == ["义诊"]

    for user in (clerk_a, office):
        organisation_page = client_for(user).get(reverse("campaign:organisation", args=[team.pk]))
        [link] = organisation_page.context["record"].record_links
        assert link.label == "记入该组织的活动1项"
        total = client_for(user).get(link.url).context["page_obj"].paginator.count
        assert total == 1


def test_the_count_on_the_organisations_page_is_what_its_reader_sees(
    client_for, clerk_a, clerk_b, team, plan
):
    post_activity(client_for(clerk_a), support_organisation=team.pk, title="甲镇义诊")
    post_activity(client_for(clerk_b), support_organisation=team.pk, title="乙乡义诊")
    page = client_for(clerk_b).get(reverse("campaign:organisation", args=[team.pk]))
    [link] = page.context["record"].record_links
    assert link.label == "记入该组织的活动1项"
    listed = client_for(clerk_b).get(link.url)
    assert [a.title for a in listed.context["object_list"]] == ["乙乡义诊"]


def test_a_deactivated_or_other_countys_organisation_is_not_offered(
    client_for, clerk_a, team, plan
):
    closed = SupportOrganisationFactory(name="已撤销的窗口", active=False)
    elsewhere = SupportOrganisationFactory(name="乙县服务队", county=county_for_tests("乙县"))
    client = client_for(clerk_a)
    form = client.get(reverse("outreach:activity_add")).context["form"]
    assert list(form.fields["support_organisation"].queryset) == [team]
    for refused in (closed, elsewhere):
        response = post_activity(client, support_organisation=refused.pk)
        assert response.status_code == 200
        assert response.context["form"].errors["support_organisation"]
    assert Activity.objects.count() == 0


def test_an_activity_keeps_an_organisation_deactivated_since(client_for, clerk_a, team, plan):
    client = client_for(clerk_a)
    post_activity(client, support_organisation=team.pk, title="义诊")
    activity = Activity.objects.get()
    SupportOrganisation.objects.filter(pk=team.pk).update(active=False)
    form = client.get(reverse("outreach:activity_edit", args=[activity.pk])).context["form"]
    assert team in form.fields["support_organisation"].queryset
    response = client.post(
        reverse("outreach:activity_edit", args=[activity.pk]),
        {
            "kind": "hero_visit",
            "held_on": "2015-05-20",
            "title": "义诊（改）",
            "people_reached": 3,
            "amount": "0",
            "support_organisation": team.pk,
        },
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.support_organisation) == ("义诊（改）", team)


def test_an_organisation_with_activities_is_not_removed_but_offered_deactivation(
    client_for, office, clerk_a, team, plan
):
    post_activity(client_for(clerk_a), support_organisation=team.pk)
    client = client_for(office)
    response = client.post(reverse("campaign:organisation_remove", args=[team.pk]))
    assert response.status_code == 409
    assert response.context["refusal"] == [
        "不能删除：有1条活动记录引用了它。",
        "可改为停用：其记录保留，今后不再供选择。",
    ]
    assert reverse("campaign:organisation_deactivate", args=[team.pk]) in response.content.decode()
    assert SupportOrganisation.objects.filter(pk=team.pk).exists()
