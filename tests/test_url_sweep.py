"""Walk every URL the resolver knows, as every role. A view added later fails here until
someone says what each role should get from it."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "office", "leader", "clerk_a", "clerk_b", "member", "liaison"]
EVERYONE_SIGNED_IN = {role: 200 for role in ROLES if role != "anonymous"}

# url name -> expected GET status per role (anonymous is always sent to the login page
# unless listed).
EXPECTED = {
    "home": EVERYONE_SIGNED_IN,
    "campaign:units": EVERYONE_SIGNED_IN,
    "login": {role: 200 for role in ROLES} | {"anonymous": 200},
    "logout": {role: 405 for role in ROLES},
}


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
    assert sorted(name for name, _ in named_patterns()) == sorted(EXPECTED)


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


@pytest.mark.parametrize("role", ["leader", "clerk_a", "member", "liaison"])
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
