from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaign.models import Topic
from grievances import services
from grievances.models import Case, CaseFinding
from tests.factories import FindingFactory, HouseholdFactory, VisitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def findings(visit, township_b, clerk_b):
    topic5, topic6 = Topic.objects.filter(number__in=[5, 6]).order_by("number")
    other_visit = VisitFactory(
        household=HouseholdFactory(township=township_b, head_name="李乙"),
        visited_on=date(2015, 4, 2),
        visitors="乙",
        created_by=clerk_b,
    )
    return {
        "a5": FindingFactory(visit=visit, topic=topic5, text="房屋漏雨"),
        "a6": FindingFactory(visit=visit, topic=topic6, text="希望体检", needs_action=False),
        "b5": FindingFactory(visit=other_visit, topic=topic5, text="乙户困难"),
    }


def waiting(response):
    return sorted(f.text for f in response.context["object_list"])


def test_the_office_sees_every_finding_that_needs_action(client_for, office, findings):
    assert waiting(client_for(office).get(reverse("grievances:intake"))) == ["乙户困难", "房屋漏雨"]


def test_a_township_sees_only_its_own_findings(client_for, clerk_a, findings):
    response = client_for(clerk_a).get(reverse("grievances:intake"))
    assert waiting(response) == ["房屋漏雨"]
    assert "乙户困难" not in response.content.decode()


def test_registering_each_keeps_provenance(client_for, office, findings):
    client_for(office).post(
        reverse("grievances:intake"),
        {"finding": [findings["a5"].pk, findings["b5"].pk], "merge": "0"},
    )
    cases = list(Case.objects.order_by("sequence"))
    assert [c.number for c in cases] == ["2015-0001", "2015-0002"]
    assert [list(c.findings.all()) for c in cases] == [[findings["a5"]], [findings["b5"]]]
    assert cases[0].household == findings["a5"].visit.household
    assert waiting(client_for(office).get(reverse("grievances:intake"))) == []


def test_a_township_cannot_register_another_townships_finding(client_for, clerk_a, findings):
    client_for(clerk_a).post(reverse("grievances:intake"), {"finding": [findings["b5"].pk]})
    assert Case.objects.count() == 0


def test_findings_about_one_problem_merge_onto_one_case(client_for, office, visit, findings):
    again = FindingFactory(
        visit=VisitFactory(
            household=visit.household, visited_on=date(2015, 4, 20), created_by=visit.created_by
        ),
        topic=findings["a5"].topic,
        text="房屋漏雨加重",
    )
    client_for(office).post(
        reverse("grievances:intake"), {"finding": [findings["a5"].pk, again.pk], "merge": "1"}
    )
    case = Case.objects.get()
    assert set(case.findings.all()) == {findings["a5"], again}
    assert case.description == "房屋漏雨\n房屋漏雨加重"


def test_findings_about_different_subjects_do_not_merge(client_for, office, findings):
    response = client_for(office).post(
        reverse("grievances:intake"),
        {"finding": [findings["a5"].pk, findings["b5"].pk], "merge": "1"},
        follow=True,
    )
    assert "只有同一对象、同一专题的情况才能合并为一个问题" in response.content.decode()
    assert Case.objects.count() == 0


def test_a_finding_opens_at_most_one_case(office, findings):
    services.case_register_findings(user=office, findings=[findings["a5"]], merge=False)
    with pytest.raises(ValidationError) as raised:
        services.case_register_findings(user=office, findings=[findings["a5"]], merge=False)
    assert raised.value.messages == ["该情况已列入台账，编号2015-0001。"]
    assert Case.objects.count() == 1 and CaseFinding.objects.count() == 1


def test_numbers_are_gapless_and_restart_each_year(office, findings, settings):
    first = services.case_register_findings(user=office, findings=[findings["a5"]], merge=False)
    settings.SHUANGYONG_TODAY = date(2016, 1, 5)
    second = services.case_register_findings(user=office, findings=[findings["b5"]], merge=False)
    assert [c.number for c in first + second] == ["2015-0001", "2016-0001"]
    assert second[0].registered_phase.number == 5


@pytest.mark.parametrize("role", ["leader", "member", "liaison"])
def test_other_roles_cannot_reach_the_intake(role, request, client, findings):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("grievances:intake")).status_code == 403
    assert (
        client.post(reverse("grievances:intake"), {"finding": [findings["a5"].pk]}).status_code
        == 403
    )
    assert Case.objects.count() == 0


def test_a_case_is_registered_by_hand_from_a_household(client_for, clerk_a, household, plan):
    client = client_for(clerk_a)
    page = client.get(reverse("grievances:case_add"), {"household": household.pk})
    assert page.context["household"] == household
    response = client.post(
        reverse("grievances:case_add"),
        {
            "topic": Topic.objects.get(number=7).pk,
            "source": "walk_in",
            "household": household.pk,
            "description": "来访反映宅基地纠纷",
        },
    )
    case = Case.objects.get()
    assert response["Location"] == case.get_absolute_url()
    assert (case.source, case.priority, case.township) == ("walk_in", True, household.township)


def test_a_household_topic_without_a_household_is_refused(client_for, office, plan, township_a):
    response = client_for(office).post(
        reverse("grievances:case_add"),
        {
            "topic": Topic.objects.get(number=5).pk,
            "source": "letter",
            "township": township_a.pk,
            "description": "来信",
        },
    )
    assert "该专题针对优抚对象户" in response.content.decode()
    assert Case.objects.count() == 0


@pytest.mark.parametrize("rows", [1, 3])
def test_the_intake_keeps_its_query_count(
    rows, client_for, office, household, garrison_unit, clerk_a, plan, django_assert_max_num_queries
):
    pending = []
    for _ in range(rows):
        pending.append(FindingFactory(visit=VisitFactory(household=household, created_by=clerk_a)))
        garrison_visit = VisitFactory(
            garrison_visit=True,
            garrison=garrison_unit,
            township=clerk_a.unit,
            created_by=clerk_a,
        )
        pending.append(FindingFactory(visit=garrison_visit))
    client = client_for(office)
    # 7, and the campaign in view with its phases, whose topics the page counts and offers.
    with django_assert_max_num_queries(9):
        response = client.get(reverse("grievances:intake"))
    assert waiting(response) == sorted(f.text for f in pending)
    page = response.content.decode()
    for finding in pending:
        assert f'value="{finding.pk}"' in page and finding.text in page
    assert household.head_name in page and garrison_unit.name in page


def test_every_waiting_finding_is_reachable_newest_first_with_true_totals(
    client_for, office, clerk_a, household, plan, monkeypatch
):
    monkeypatch.setattr("grievances.views.IntakeView.paginate_by", 2)
    topics = {n: Topic.objects.get(number=n) for n in (5, 6, 7)}
    made = [
        FindingFactory(visit=VisitFactory(household=household, created_by=clerk_a), topic=topics[n])
        for n in (5, 5, 6, 7, 7)
    ]
    client = client_for(office)
    response = client.get(reverse("grievances:intake"))
    assert [f.pk for f in response.context["object_list"]] == [made[4].pk, made[3].pk]
    page = response.content.decode()
    assert "共5条" in page and 'data-testid="last-page"' in page
    counts = {t.number: n for t, n in response.context["topics"]}
    assert (counts[5], counts[6], counts[7]) == (2, 1, 2)
    assert 'data-topic="7" data-count="2"' in page
    last = client.get(reverse("grievances:intake"), {"page": 3})
    assert [f.pk for f in last.context["object_list"]] == [made[0].pk]
    chosen = client.get(reverse("grievances:intake"), {"topic": topics[7].pk})
    assert waiting(chosen) == sorted(f.text for f in made[3:])
    assert "共2条" in chosen.content.decode()


def test_the_office_filters_by_township_and_counts_follow(client_for, office, findings, township_b):
    response = client_for(office).get(reverse("grievances:intake"), {"township": township_b.pk})
    assert waiting(response) == ["乙户困难"]
    assert {t.number: n for t, n in response.context["topics"]}[5] == 1
    bad = client_for(office).get(reverse("grievances:intake"), {"township": "abc", "topic": "9x"})
    assert bad.status_code == 200


def test_a_post_with_nothing_ticked_or_a_finding_gone_says_so(client_for, office, findings):
    client = client_for(office)
    response = client.post(reverse("grievances:intake"), {"finding": []}, follow=True)
    assert "请先勾选要列入台账的问题" in response.content.decode()
    services.case_register_findings(user=office, findings=[findings["a5"]], merge=False)
    response = client.post(
        reverse("grievances:intake"),
        {"finding": [findings["a5"].pk, findings["b5"].pk], "merge": "0"},
        follow=True,
    )
    assert Case.objects.count() == 1
    assert response.redirect_chain[-1][0] == reverse("grievances:intake")
