"""Walk every URL the resolver knows, as every role. A view added later fails here until
someone says what each role should get from it."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.roles import (  # noqa: F401 (other sweeps import them from here)
    EVERYONE_SIGNED_IN,
    KEEPERS,
    OFFICE_AND_LEADER,
    REGISTRY,
    ROLES,
    administrators,
    importers,
)
from tests.sweeps import PIECES

pytestmark = pytest.mark.django_db

# url name -> expected GET status per role (anonymous is always sent to the login page
# unless listed).
EXPECTED = {
    "home": EVERYONE_SIGNED_IN,
    # 系统管理: the office's administrators only (tests/administration walk it GET and POST).
    "administration:index": administrators(200),
    "administration:accounts": administrators(200),
    "administration:accounts_add": administrators(200),
    "administration:accounts_import": administrators(200),
    "administration:accounts_import_template": administrators(200),
    # with no sheet waiting, back to the upload
    "administration:accounts_import_preview": administrators(302),
    "administration:accounts_import_confirm": administrators(405),
    "administration:accounts_import_cancel": administrators(405),
    "administration:units": administrators(200),
    "administration:units_add": administrators(200),
    "administration:units_merge": administrators(200),
    "administration:units_merge_confirm": administrators(405),
    "administration:privacy": administrators(200),
    "administration:privacy_edit": administrators(200),
    "administration:plans": administrators(200),
    "administration:plan_workbook": administrators(200),
    # Everyone's own password; setting one is for those who logged in with a one-time code.
    "password_change": EVERYONE_SIGNED_IN,
    "password_set": {role: 302 for role in ROLES},
    "campaign:units": EVERYONE_SIGNED_IN,
    # Only an office above the counties turns to one of them (a POST).
    "campaign:look_at_county": {role: 404 for role in ROLES if role != "anonymous"} | {"city": 405},
    # Anyone signed in turns to another campaign of the county in view (a POST).
    "campaign:choose_campaign": {role: 405 for role in ROLES if role != "anonymous"},
    "login": {role: 200 for role in ROLES} | {"anonymous": 200},
    "logout": {role: 405 for role in ROLES},
    "outreach:households": REGISTRY,
    "outreach:household_add": {"office": 200, "clerk_a": 200, "clerk_b": 200}
    | {"leader": 403, "member": 403, "liaison": 403, "city": 403},
    "outreach:visits": REGISTRY,
    "outreach_import:start": importers(200),
    "outreach_import:template": importers(200),
    # with no upload waiting, back to the start page
    "outreach_import:preview": importers(302),
    "outreach_import:errors": importers(302),
    "outreach_import:confirm": importers(405),
    "outreach_import:cancel": importers(405),
    "grievances:ledger": EVERYONE_SIGNED_IN,
    "grievances:ledger_print": EVERYONE_SIGNED_IN,
    "grievances:ledger_export": EVERYONE_SIGNED_IN,
    "grievances:inbox": EVERYONE_SIGNED_IN,
    "grievances:intake": {"office": 200, "clerk_a": 200, "clerk_b": 200}
    | {"leader": 403, "member": 403, "liaison": 403, "city": 403},
    "grievances:case_add": {"office": 200, "clerk_a": 200, "clerk_b": 200}
    | {"leader": 403, "member": 403, "liaison": 403, "city": 403},
    # 结转与收尾: the county office's writers settle a campaign's end; others are refused.
    "grievances:carry_over": {"office": 200} | dict.fromkeys(ROLES[2:], 403),
    "grievances:carry_preview": {"office": 405} | dict.fromkeys(ROLES[2:], 403),
    "grievances:carry_confirm": {"office": 405} | dict.fromkeys(ROLES[2:], 403),
    "outreach:activities": EVERYONE_SIGNED_IN,
    "outreach:activity_add": EVERYONE_SIGNED_IN | {"leader": 403, "city": 403},
    "outreach:plaques": REGISTRY,
    "campaign:five_ones": EVERYONE_SIGNED_IN,
    "campaign:inspections": EVERYONE_SIGNED_IN,
    "campaign:inspection_add": EVERYONE_SIGNED_IN | dict.fromkeys(ROLES[2:], 403),
    "campaign:recognition": EVERYONE_SIGNED_IN,
    # The small registries: every signed-in user reads them; the office's writers keep them.
    "campaign:figures": EVERYONE_SIGNED_IN,
    "campaign:commendations": EVERYONE_SIGNED_IN,
    "campaign:organisations": EVERYONE_SIGNED_IN,
    "campaign:figure_add": KEEPERS,
    "campaign:commendation_add": KEEPERS,
    "campaign:organisation_add": KEEPERS,
    "audit:trail": EVERYONE_SIGNED_IN | dict.fromkeys(ROLES[2:], 403),
    # The county's figures: office and leaders; a unit sees its own progress row and the
    # records its figures count, through each model's visible_to.
    "reports:dashboard": OFFICE_AND_LEADER,
    "reports:special_actions": OFFICE_AND_LEADER,
    "reports:assessment": OFFICE_AND_LEADER,
    "reports:yearend": OFFICE_AND_LEADER,
    # The campaign as a whole: a unit reads its own rows beside the county's totals; the
    # workbook is the county's, like the year-end workbook.
    "reports:summary": EVERYONE_SIGNED_IN | {"liaison": 404},
    # Asked for by a POST, which starts a job (tests/jobs); a GET is refused as such.
    "reports:summary_workbook": OFFICE_AND_LEADER | {"office": 405, "leader": 405, "city": 405},
    "reports:progress": EVERYONE_SIGNED_IN | {"liaison": 404},
    "reports:cases": EVERYONE_SIGNED_IN | {"liaison": 404},
    "reports:findings": EVERYONE_SIGNED_IN | {"liaison": 404},
    "reports:activities": EVERYONE_SIGNED_IN | {"liaison": 404},
    "reports:five_ones": EVERYONE_SIGNED_IN | {"liaison": 404},
    "reports:inspections": EVERYONE_SIGNED_IN | {"liaison": 404},
    # The counties compared: for an office above them only.
    "reports:counties": {role: 404 for role in ROLES if role != "anonymous"} | {"city": 200},
}


def registry_urls():
    """A record's page (read by everyone signed in), its edit and remove pages (the office's
    writers), and an organisation's two buttons (POST only)."""
    urls = {}
    for key, fixture in (
        ("figure", "model_figure_a"),
        ("commendation", "commendation_a"),
        ("organisation", "support_organisation_a"),
    ):
        urls[f"campaign:{key}"] = (fixture, "pk", EVERYONE_SIGNED_IN)
        urls[f"campaign:{key}_edit"] = (fixture, "pk", KEEPERS)
        urls[f"campaign:{key}_remove"] = (fixture, "pk", KEEPERS)
    for name in ("campaign:organisation_deactivate", "campaign:organisation_reactivate"):
        urls[name] = ("support_organisation_a", "pk", KEEPERS | {"office": 405})
    return urls


# url name -> (object fixture owned by township A, kwarg name) and expected GET per role
OBJECT_URLS = {
    "outreach:household": ("household", "pk", {"office": 200, "leader": 200, "clerk_a": 200}),
    "outreach:household_edit": (
        "household",
        "pk",
        {"office": 200, "leader": 403, "clerk_a": 200},
    ),
    "outreach:household_archive": ("household", "pk", {r: 405 for r in ROLES}),
    "outreach:person_add": (
        "household",
        "household_pk",
        {"office": 200, "leader": 403, "clerk_a": 200},
    ),
    "outreach:person_edit": ("person", "pk", {"office": 200, "leader": 403, "clerk_a": 200}),
    # Who looked at a person, what a user looked at, a person's own data: the county office's.
    # Who may see the record but not its looks gets 403 (as the operation log), the rest 404.
    "outreach:person_looks": ("person", "pk", {"office": 200, "leader": 403, "clerk_a": 403}),
    "outreach:person_copy": ("person", "pk", {"office": 405, "leader": 403, "clerk_a": 403}),
    "outreach:user_looks": (
        "clerk_a",
        "pk",
        {"office": 200, "leader": 403, "clerk_a": 403, "city": 403},
    ),
    "outreach:visit_household": (
        "household",
        "household_pk",
        {"office": 200, "leader": 403, "clerk_a": 200},
    ),
    "outreach:visit_garrison": (
        "garrison_unit",
        "garrison_pk",
        {
            "office": 200,
            "leader": 403,
            "clerk_a": 200,
            "clerk_b": 200,
            "member": 403,
            "liaison": 403,
            "city": 403,
        },
    ),
    "outreach:visit": ("visit", "pk", {"office": 200, "leader": 200, "clerk_a": 200}),
    "grievances:case": (
        "assigned_case",
        "pk",
        {"office": 200, "leader": 200, "clerk_a": 200, "member": 200, "city": 200},
    ),
    "grievances:case_edit": (
        "assigned_case",
        "pk",
        {"office": 200, "leader": 403, "clerk_a": 403, "member": 403, "city": 403},
    ),
    "grievances:case_close_at_end": (
        "assigned_case",
        "pk",
        {"office": 200, "leader": 403, "clerk_a": 403, "member": 403, "city": 403},
    ),
}
OBJECT_URLS |= {
    "administration:accounts_detail": ("clerk_a", "pk", {"office": 200}),
    "administration:accounts_edit": ("clerk_a", "pk", {"office": 200}),
    "administration:accounts_deactivate": ("clerk_a", "pk", {"office": 405}),
    "administration:accounts_reactivate": ("clerk_a", "pk", {"office": 405}),
    "administration:accounts_unlock": ("clerk_a", "pk", {"office": 405}),
    "administration:accounts_reset": ("clerk_a", "pk", {"office": 405}),
    "administration:units_detail": ("township_a", "pk", {"office": 200}),
    "administration:units_edit": ("township_a", "pk", {"office": 200}),
    "administration:units_deactivate": ("township_a", "pk", {"office": 405}),
    "administration:units_reactivate": ("township_a", "pk", {"office": 405}),
}
# What an anonymisation run did: read in the operation log by the county office only.
OBJECT_URLS["audit:anonymisation_run"] = ("anonymisation_run_a", "pk", {"office": 200})
OBJECT_URLS |= registry_urls()
# Posted to as every role; answers for roles not listed are 404.
ACTION_URLS = {"grievances:case_action"}
# Year- or item-scoped report pages: tests/reports/test_access.py walks them as every role.
REPORT_URLS_WITH_ARGS = {
    "reports:workbook",
    "reports:assessment_weights",
    "reports:assessment_unit",
    "reports:sign_off",
    "reports:assessment_item_delete",
    "reports:counties_workbook",
}
# The reference lists of 系统管理 take a list's number (and a value): walked as every
# non-administrator, GET and POST, by tests/administration/test_access.py, as the office and
# against another county's values by tests/administration/test_lists.py.
LIST_URLS = {
    "administration:lists_values",
    "administration:lists_add",
    "administration:lists_edit",
    "administration:lists_move",
    "administration:lists_retire",
    "administration:lists_reinstate",
    "administration:lists_delete",
}
EXPECTED["administration:lists"] = administrators(200)
OBJECT_URLS |= {
    "outreach:activity": (
        "activity_a",
        "pk",
        {"office": 200, "leader": 200, "clerk_a": 200, "city": 200},
    ),
    "outreach:activity_edit": (
        "activity_a",
        "pk",
        {"office": 200, "leader": 403, "clerk_a": 200, "city": 403},
    ),
    "outreach:evidence_add": ("activity_a", "pk", {r: 405 for r in ROLES}),
    "outreach:evidence": ("evidence_a", "pk", {"office": 200, "leader": 200, "clerk_a": 200}),
    "outreach:plaque_event": (
        "household",
        "household_pk",
        {"office": 200, "leader": 403, "clerk_a": 200},
    ),
    "campaign:five_ones_unit": (
        "township_a",
        "pk",
        {"office": 200, "leader": 200, "clerk_a": 200, "city": 200},
    ),
    "campaign:five_ones_evidence": (
        "five_ones_a",
        "pk",
        {"office": 200, "leader": 200, "clerk_a": 200, "city": 200},
    ),
    "campaign:inspection": (
        "inspection_a",
        "pk",
        {"office": 200, "leader": 200, "clerk_a": 200, "city": 200},
    ),
    "grievances:case_from_inspection": (
        "inspection_finding_a",
        "finding_pk",
        {"office": 200, "leader": 403, "clerk_a": 403, "city": 403},
    ),
}


# Each piece of the campaign's work keeps its own entries in tests/sweeps/<piece>.py.
for piece in PIECES:
    EXPECTED |= piece.EXPECTED
    OBJECT_URLS |= piece.OBJECT_URLS
    ACTION_URLS |= piece.ACTION_URLS


def named_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue  # Django's admin guards itself (staff only); tested separately
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def test_every_url_is_in_the_sweep():
    assert sorted(name for name, _ in named_patterns()) == sorted(
        {*EXPECTED, *OBJECT_URLS, *ACTION_URLS, *REPORT_URLS_WITH_ARGS, *LIST_URLS}
    )
    assert READ_ONLY <= set(OBJECT_URLS)


ACTIONS = ["assign", "accept", "progress", "resolve", "close", "return"]
ACTIONS += ["request_extension", "decide_extension", "revisit", "decline"]


@pytest.mark.parametrize("role", ["leader", "clerk_a", "clerk_b", "member", "liaison", "city"])
def test_case_actions_answer_404_or_403_to_those_who_may_not_act(
    role, request, client, assigned_case
):
    from grievances.models import CaseEvent

    client.force_login(request.getfixturevalue(role))
    visible = role in ("leader", "clerk_a", "member", "city")
    before = CaseEvent.objects.count()
    for action in ACTIONS:
        if role == "member" and action in ("accept", "decline"):
            continue  # the lead unit may accept or decline: their own tests cover them
        response = client.post(
            reverse("grievances:case_action", args=[assigned_case.pk, action]), {}
        )
        assert response.status_code == (403 if visible else 404), action
        assert assigned_case.description not in response.content.decode()
    assert CaseEvent.objects.count() == before


def test_another_townships_export_holds_none_of_its_rows(client, clerk_b, assigned_case):
    import io

    from openpyxl import load_workbook

    client.force_login(clerk_b)
    response = client.get(reverse("grievances:ledger_export"))
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    rows = list(workbook.active.iter_rows(values_only=True))
    assert len(rows) == 2  # title and headers only
    print_page = client.get(reverse("grievances:ledger_print")).content.decode()
    assert assigned_case.description not in print_page


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(OBJECT_URLS))
def test_each_role_reaches_township_a_objects_only_as_it_should(name, role, request, client, plan):
    fixture, kwarg, expected_by_role = OBJECT_URLS[name]
    obj = request.getfixturevalue(fixture)
    request.getfixturevalue("person")  # a name that could leak
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.get(reverse(name, kwargs={kwarg: obj.pk}))
    expected = 302 if role == "anonymous" else expected_by_role.get(role, 404)
    assert response.status_code == expected
    if expected in (403, 404):
        assert "张成员" not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_role_gets_what_it_should(name, role, request, client, plan):
    expected = EXPECTED[name].get(role, 302)
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.get(reverse(name))
    assert response.status_code == expected
    if expected == 302 and role == "anonymous":
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ROLES[1:])
def test_each_role_gets_what_it_should_with_a_second_campaign_chosen(role, request, client, plan):
    """The same walk with a second campaign beside the first and chosen with the switcher (its
    years, 2017 on, are the ones offered)."""
    from tests.campaigns import add_next_campaign

    second = add_next_campaign()
    client.force_login(request.getfixturevalue(role))
    assert (
        client.post(reverse("campaign:choose_campaign"), {"campaign": second.pk}).status_code == 302
    )
    assert client.get(reverse("home")).wsgi_request.user._campaigns_chosen == {
        str(second.county_id): second.pk
    }
    for name in sorted(EXPECTED):
        response = client.get(reverse(name))
        assert response.status_code == EXPECTED[name].get(role, 302), name
        if name == "reports:dashboard" and response.status_code == 200:
            assert response.context["year"] == 2017


@pytest.mark.parametrize("role", ["leader", "clerk_a", "member", "liaison", "city"])
def test_only_office_staff_reach_the_admin(role, request, client):
    client.force_login(request.getfixturevalue(role))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_office_staff_reach_the_admin_in_chinese(client, office):
    office.is_superuser = True
    office.save()
    client.force_login(office)
    page = client.get("/admin/campaign/unit/").content.decode()
    assert "选择 单位 来修改" in page


# What a POST answers for the roles that may not change township A's objects.
POST_ONLY_REFUSALS = {
    "outreach:household_archive": {"leader": 403},
    "outreach:evidence_add": {"leader": 403, "city": 403},
}
# Registry pages are none of the city's business whatever the method (404 before 405).
REGISTRY_PAGES = {"outreach:household", "outreach:visit"}
# Pages that only show: a POST is refused (405) before any object is looked up, whoever sends
# it, so it tells nobody whether the object exists.
READ_ONLY = {
    "campaign:five_ones_evidence",
    "campaign:inspection",
    "grievances:case",
    "outreach:activity",
    "outreach:evidence",
    "outreach:household",
    "outreach:visit",
}
for piece in PIECES:
    POST_ONLY_REFUSALS |= piece.POST_ONLY_REFUSALS
    READ_ONLY |= piece.READ_ONLY


# What a read leaves behind: the session, the record that personal data was exported, the job
# that writes a workbook (with its queue's rows) and the working-day calendar it fills in.
READS_RECORDED = {"outreach.IdNumberView", "jobs.Job", "reports.Workday"}


def _all_rows(*, ignoring=frozenset()):
    from django.apps import apps

    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if not model._meta.proxy
        and model._meta.label != "sessions.Session"
        and model._meta.label not in ignoring
        and model._meta.app_label != "django_q"
    }


def _refusals():
    for name in sorted(OBJECT_URLS):
        expected_by_role = OBJECT_URLS[name][2]
        for role in ["leader", "clerk_b", "member", "liaison", "city"]:
            if name in READ_ONLY:
                yield name, role, 404 if role == "city" and name in REGISTRY_PAGES else 405
                continue
            expected = POST_ONLY_REFUSALS.get(name, expected_by_role).get(role, 404)
            if expected != 200:
                yield name, role, expected


@pytest.mark.parametrize("name, role, expected", list(_refusals()))
def test_posting_to_township_a_objects_changes_nothing(name, role, expected, request, client, plan):
    fixture, kwarg, _expected = OBJECT_URLS[name]
    obj = request.getfixturevalue(fixture)
    request.getfixturevalue("person")
    client.force_login(request.getfixturevalue(role))
    before = _all_rows()
    response = client.post(reverse(name, kwargs={kwarg: obj.pk}), {"note": "x", "status": "done"})
    assert response.status_code == expected
    assert "张成员" not in response.content.decode()
    assert _all_rows() == before
