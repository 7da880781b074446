"""The URL sweep across counties: the office, a clerk and a member unit of the first county
against the objects of a second county under the same city (404, nothing changed, nothing of
it on any page or in any export), and the city's office against every POST (nothing changed)."""

import pytest
from django.urls import reverse

from tests.exports import export
from tests.other_county import MARKERS, build_other_county
from tests.test_url_sweep import (
    ACTIONS,
    EXPECTED,
    LIST_URLS,
    OBJECT_URLS,
    READ_ONLY,
    READS_RECORDED,
    _all_rows,
    named_patterns,
)

pytestmark = pytest.mark.django_db

COUNTY_A_ROLES = ["office", "clerk_a", "member"]
# Signing in or out, and turning to a county, change the session, not the records; and every
# user, the city's office too, keeps its own password (its own account, in no county's records).
SESSION_URLS = {"login", "logout", "campaign:look_at_county", "password_change", "password_set"}
SESSION_URLS |= {"campaign:choose_campaign"}
POSTED = {"note": "x", "status": "done", "name": "x", "title": "x", "reason": "x", "county": "1"}


# The POSTs that ask for a workbook, which a reader of the county may send.
ASKS_FOR_A_FILE = {reverse("reports:summary_workbook"), reverse("grievances:ledger_export")}


@pytest.fixture
def other_county(plan, cast):
    return build_other_county()


def page_text(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def leaked(text: str) -> list[str]:
    return [marker for marker in MARKERS if marker in text]


def _excel_text(response) -> str:
    """Every cell of an exported workbook, so a marker in any sheet is found."""
    import io

    from openpyxl import load_workbook

    content = b"".join(response.streaming_content) if response.streaming else response.content
    book = load_workbook(io.BytesIO(content), read_only=True)
    return "\n".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


@pytest.mark.parametrize("role", COUNTY_A_ROLES)
@pytest.mark.parametrize("name", sorted(OBJECT_URLS))
def test_another_countys_objects_answer_404(name, role, request, client, other_county):
    _fixture, kwarg, _expected = OBJECT_URLS[name]
    obj = other_county.objects[_fixture]
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse(name, kwargs={kwarg: obj.pk}))
    assert response.status_code == (405 if name.endswith(("_archive", "evidence_add")) else 404)
    assert leaked(page_text(response)) == []


@pytest.mark.parametrize("role", COUNTY_A_ROLES)
@pytest.mark.parametrize("name", sorted(OBJECT_URLS))
def test_posting_to_another_countys_objects_changes_nothing(
    name, role, request, client, other_county
):
    _fixture, kwarg, _expected = OBJECT_URLS[name]
    obj = other_county.objects[_fixture]
    client.force_login(request.getfixturevalue(role))
    before = _all_rows()
    response = client.post(reverse(name, kwargs={kwarg: obj.pk}), POSTED)
    assert response.status_code == (405 if name in READ_ONLY else 404)
    assert leaked(page_text(response)) == []
    assert _all_rows() == before


@pytest.mark.parametrize("role", COUNTY_A_ROLES)
def test_case_actions_on_another_countys_case_answer_404(role, request, client, other_county):
    case = other_county.objects["assigned_case"]
    client.force_login(request.getfixturevalue(role))
    before = _all_rows()
    for action in ACTIONS:
        response = client.post(reverse("grievances:case_action", args=[case.pk, action]), {})
        assert response.status_code == 404, action
    assert _all_rows() == before


@pytest.mark.parametrize("second", [False, True], ids=["one campaign", "second chosen"])
@pytest.mark.parametrize("role", COUNTY_A_ROLES)
def test_no_page_or_export_shows_anything_of_another_county(
    role, second, request, client, other_county
):
    request.getfixturevalue("assigned_case")  # the first county's own ledger is not empty
    client.force_login(request.getfixturevalue(role))
    year = 2015
    if second:
        # Both counties run a second campaign; the first county's is chosen.
        from tests.campaigns import add_next_campaign

        add_next_campaign(county=other_county.township.area)
        chosen = add_next_campaign()
        client.post(reverse("campaign:choose_campaign"), {"campaign": chosen.pk})
        year = 2017
    opened = 0
    for name, answers in sorted(EXPECTED.items()):
        if answers.get(role) != 200:
            continue
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        text = page_text(response)
        if response.get("Content-Type", "").startswith("application/vnd.openxml"):
            text = _excel_text(client.get(reverse(name)))
        assert leaked(text) == [], name
        opened += 1
    assert opened >= 10
    if role == "office":
        workbook = export(client, reverse("reports:workbook", args=[year]))
        assert workbook.status_code == 200
        assert leaked(_excel_text(workbook)) == []


def test_the_county_office_does_not_count_another_countys_rows(client, office, other_county):
    from grievances.models import Case
    from outreach.models import Household

    assert Household.objects.visible_to(office).filter(head_name="丙户主").count() == 0
    assert Case.objects.visible_to(office).filter(description="丙户危房待修").count() == 0
    assert Household.objects.visible_to(other_county.office).filter(head_name="丙户主").count() == 1


def _every_post(objects_of):
    """(url, data) for every URL the resolver knows, with the objects of both counties."""
    for name in sorted(EXPECTED):
        if name not in SESSION_URLS:
            yield reverse(name), POSTED
    for name, (fixture, kwarg, _expected) in sorted(OBJECT_URLS.items()):
        for obj in objects_of(fixture):
            yield reverse(name, kwargs={kwarg: obj.pk}), POSTED


def test_every_url_is_posted_to_by_the_city(other_county):
    covered = {*EXPECTED, *OBJECT_URLS, "grievances:case_action"}
    with_args = {"reports:workbook", "reports:assessment_weights", "reports:assessment_unit"}
    with_args |= {"reports:sign_off", "reports:assessment_item_delete", "reports:counties_workbook"}
    # The lists' URLs answer 404 to the city before anything else (tests/administration).
    assert {name for name, _ in named_patterns()} == covered | with_args | LIST_URLS


def test_the_city_changes_nothing_anywhere(request, client, city, other_county, assigned_case):
    """Every POST the app answers, as the city's office, at the objects of both counties and
    while looking at either: nothing is created, changed or deleted."""
    from reports.models import AssessmentItem

    client.force_login(city)
    item = AssessmentItem.objects.create(
        campaign=assigned_case.campaign,
        unit=assigned_case.lead_unit,
        year=2015,
        kind="bonus",
        points=1,
        reason="好",
        created_by=request.getfixturevalue("office"),
    )

    mine = {fixture: request.getfixturevalue(fixture) for fixture, _k, _e in OBJECT_URLS.values()}

    def objects_of(fixture):
        return [mine[fixture], other_county.objects[fixture]]

    before = _all_rows(ignoring=READS_RECORDED)
    for county_case in (assigned_case, other_county.objects["assigned_case"]):
        client.post(reverse("campaign:look_at_county"), {"county": county_case.campaign.county_id})
        for url, data in _every_post(objects_of):
            response = client.post(url, data)
            if url in ASKS_FOR_A_FILE:
                # Reading, not changing: the city may have the county's workbook written.
                assert response.status_code == 302, url
                assert response["Location"].startswith(reverse("jobs:jobs")), url
                continue
            assert response.status_code in (400, 403, 404, 405), url
        for action in ACTIONS:
            response = client.post(
                reverse("grievances:case_action", args=[county_case.pk, action]), {}
            )
            assert response.status_code in (403, 404), action
        for url in (
            reverse("reports:sign_off", args=[2015]),
            reverse("reports:assessment_weights", args=[2015]),
            reverse("reports:assessment_unit", args=[2015, county_case.lead_unit_id]),
            reverse("reports:assessment_item_delete", args=[item.pk]),
        ):
            response = client.post(url, {"confirm": "yes", "kind": "bonus", "points": "1"})
            assert response.status_code in (403, 404), url
    rows = _all_rows(ignoring=READS_RECORDED)
    assert rows == before


def test_the_city_turns_to_each_county_and_reads_its_ledger(client, city, other_county, case):
    client.force_login(city)
    first = client.get(reverse("grievances:ledger")).content.decode()
    assert case.description in first and "丙户危房待修" not in first
    response = client.post(
        reverse("campaign:look_at_county"),
        {"county": other_county.township.area_id, "next": reverse("grievances:ledger")},
    )
    assert response.status_code == 302 and response["Location"] == reverse("grievances:ledger")
    second = client.get(reverse("grievances:ledger")).content.decode()
    assert "丙户危房待修" in second and case.description not in second
    # The first county's case is now out of view: 404, as any record not in view.
    assert client.get(reverse("grievances:case", args=[case.pk])).status_code == 404
    b_case = other_county.objects["assigned_case"]
    assert client.get(reverse("grievances:case", args=[b_case.pk])).status_code == 200


@pytest.mark.parametrize("role", COUNTY_A_ROLES)
def test_another_countys_campaign_cannot_be_chosen(role, request, client, other_county):
    from campaign.models import Campaign

    theirs = Campaign.objects.get(county=other_county.township.area)
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("campaign:choose_campaign"), {"campaign": theirs.pk})
    assert response.status_code == 404
    assert "campaign_in_view" not in client.session
    assert leaked(page_text(client.get(reverse("home")))) == []


def test_a_county_office_cannot_turn_to_another_county(client, office, other_county):
    client.force_login(office)
    response = client.post(
        reverse("campaign:look_at_county"), {"county": other_county.township.area_id}
    )
    assert response.status_code == 404
    assert "丙户危房待修" not in client.get(reverse("grievances:ledger")).content.decode()
