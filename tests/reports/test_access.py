"""Every reports URL as every role: the county's figures for the office and leaders (a leader
changes nothing: 403), a unit's own progress row, nothing for garrison units (404), and the
login page for anonymous visitors. Refusals leak no figures."""

import pytest
from django.urls import reverse

from reports.models import AssessmentItem, YearSignOff

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "office", "leader", "clerk_a", "clerk_b", "member", "liaison"]
COUNTY = {"office": 200, "leader": 200}
UNITS = {"office": 200, "leader": 200, "clerk_a": 200, "clerk_b": 200, "member": 200}

# (url name, args) -> expected GET status per role; 404 where a role is not listed.
GETS = {
    ("reports:dashboard", ()): COUNTY,
    ("reports:progress", ()): UNITS,
    ("reports:special_actions", ()): COUNTY,
    ("reports:assessment", ()): COUNTY,
    ("reports:assessment_weights", (2015,)): {"office": 200, "leader": 403},
    ("reports:assessment_unit", (2015, "township_a")): COUNTY,
    ("reports:yearend", ()): COUNTY,
    # Asked for by a POST (a job writes it); for those who may, a GET is refused as such.
    ("reports:workbook", (2015,)): {"office": 405, "leader": 405},
    ("reports:cases", ()): UNITS,
    ("reports:findings", ()): UNITS,
    ("reports:activities", ()): UNITS,
    ("reports:five_ones", ()): UNITS,
    ("reports:inspections", ()): UNITS,
    ("reports:sign_off", (2015,)): {"office": 405, "leader": 403},
    ("reports:assessment_item_delete", ("item",)): {"office": 405, "leader": 403},
}


@pytest.fixture
def item(county, plan, office, township_a):
    return AssessmentItem.objects.create(
        campaign=plan,
        unit=township_a,
        year=2015,
        kind="bonus",
        points=2,
        reason="好",
        created_by=office,
    )


def resolve_args(args, request):
    resolved = []
    for arg in args:
        if arg == "township_a":
            resolved.append(request.getfixturevalue("township_a").pk)
        elif arg == "item":
            resolved.append(request.getfixturevalue("item").pk)
        else:
            resolved.append(arg)
    return resolved


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name, args", sorted(GETS))
def test_each_role_gets_what_it_should(name, args, role, request, client, county):
    expected = GETS[(name, args)].get(role, 404)
    if role == "anonymous":
        expected = 302
    else:
        client.force_login(request.getfixturevalue(role))
    response = client.get(reverse(name, args=resolve_args(args, request)))
    assert response.status_code == expected
    if expected == 302:
        assert response["Location"].startswith(reverse("login"))
    if expected in (403, 404):
        page = response.content.decode()
        for leak in ["县合计", "问题late", "6,500.50", "优抚对象户数"]:
            assert leak not in page


@pytest.mark.parametrize(
    "role, status",
    [("leader", 403), ("clerk_a", 404), ("member", 404), ("liaison", 404), ("anonymous", 302)],
)
def test_those_who_may_not_change_the_reports_cannot(role, status, request, client, item):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    posts = [
        reverse("reports:sign_off", args=[2015]),
        reverse("reports:assessment_item_delete", args=[item.pk]),
        reverse("reports:assessment_unit", args=[2015, item.unit_id]),
        reverse("reports:assessment_weights", args=[2015]),
    ]
    for url in posts:
        response = client.post(url, {"kind": "veto", "points": "0", "reason": "x"})
        assert response.status_code == status, url
    assert not YearSignOff.objects.exists()
    assert list(AssessmentItem.objects.all()) == [item]


def test_a_unit_counts_only_what_it_may_see(county, client_for, clerk_b, clerk_a, member):
    url = reverse("reports:cases") + "?year=2015"
    seen_by_b = {c.number for c in client_for(clerk_b).get(url).context["object_list"]}
    assert seen_by_b == {county.cases["returned"].number, county.cases["unassigned"].number}
    a_led = reverse("reports:cases") + f"?year=2015&lead_unit={clerk_a.unit_id}"
    assert client_for(clerk_b).get(a_led).context["paginator"].count == 0
    activities = reverse("reports:activities") + "?year=2015"
    listed = client_for(member).get(activities).context["object_list"]
    assert {a.organiser_id for a in listed} == {member.unit_id}


def test_a_year_outside_the_campaign_is_not_found(county, client_for, office):
    client = client_for(office)
    assert client.get(reverse("reports:workbook", args=[2030])).status_code == 404
    assert client.get(reverse("reports:dashboard") + "?year=abc").status_code == 404
