"""系统管理 is for the county office's administrators: every one of its URLs, GET and POST,
answers 403 to the rest of the office, 404 to everyone else and the login page to a stranger,
and changes nothing for them."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from campaign.models import Campaign, InspectionRating, Phase, Topic, Unit, User
from outreach.models import ActivityKind, BeneficiaryCategory

pytestmark = pytest.mark.django_db

REFUSED = {
    "office_staff": 403,
    "leader": 404,
    "clerk_a": 404,
    "member": 404,
    "liaison": 404,
    "city": 404,
}


def administration_urls():
    """Every URL of the administration namespace, with 1 for each number it takes."""
    [resolver] = [
        p
        for p in get_resolver().url_patterns
        if isinstance(p, URLResolver) and p.namespace == "administration"
    ]
    urls = []
    for pattern in resolver.url_patterns:
        assert isinstance(pattern, URLPattern)
        names = list(pattern.pattern.regex.groupindex)
        urls.append(reverse(f"administration:{pattern.name}", kwargs=dict.fromkeys(names, 1)))
    return urls


@pytest.fixture
def everything_kept(db):
    def snapshot():
        return (
            list(User.objects.values_list("pk", "username", "unit_id", "is_active", "password")),
            list(Unit.objects.values_list("pk", "name", "is_active")),
            list(Campaign.objects.values_list("pk", "name", "starts_on", "ends_on")),
            list(Phase.objects.values_list("pk", "name", "starts_on", "ends_on")),
            list(Topic.objects.values_list("pk", "name", "campaign_id")),
            *(
                list(model.objects.values_list("pk", "name", "order", "retired"))
                for model in (BeneficiaryCategory, ActivityKind, InspectionRating)
            ),
        )

    return snapshot


@pytest.mark.parametrize(("role", "status"), REFUSED.items())
def test_no_one_but_an_administrator_reaches_any_administration_url(
    role, status, request, client, cast, office_staff, everything_kept
):
    client.force_login(request.getfixturevalue(role))
    before = everything_kept()
    urls = administration_urls()
    assert urls
    for url in urls:
        assert client.get(url).status_code == status, url
        assert client.post(url, {"name": "x", "username": "x"}).status_code == status, url
    assert everything_kept() == before


def test_a_stranger_is_sent_to_log_in(client, office):
    for url in administration_urls():
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_administrator_opens_the_index_and_the_menu_shows_it_only_to_them(
    client_for, office, office_staff
):
    page = client_for(office).get(reverse("administration:index"))
    assert page.status_code == 200 and "系统管理" in page.content.decode()
    home = client_for(office_staff).get(reverse("home")).content.decode()
    assert reverse("administration:index") not in home


def test_the_walk_finds_every_section_url():
    found = set(administration_urls())
    for name, args in [
        ("units", []),
        ("units_add", []),
        ("units_detail", [1]),
        ("units_edit", [1]),
        ("units_deactivate", [1]),
        ("units_reactivate", [1]),
        ("units_merge", []),
        ("units_merge_confirm", []),
    ]:
        assert reverse(f"administration:{name}", args=args) in found, name
