"""Nothing falls off a list: every paged list, with more rows than a page, says how many rows it
holds in all and links to its last page, whose rows are there. The pages are shrunk to two rows
so a handful of rows makes several pages."""

from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from outreach.models import AnonymisationRun
from tests.factories import (
    ActivityFactory,
    CaseFactory,
    CommendationFactory,
    FindingFactory,
    FiveOnesItemFactory,
    HonourPlaqueFactory,
    HouseholdFactory,
    InspectionFactory,
    ModelFigureFactory,
    SupportOrganisationFactory,
    UnitFactory,
    VisitFactory,
)
from tests.markup import unlabelled
from tests.sweeps import PIECES

pytestmark = pytest.mark.django_db

ROWS = 5
PER_PAGE = 2
# The lists' arguments, where they take any: the policies, ten of them in a new county.
ARGS = {"administration:lists_values": [3]}

# url name, query, the view class's dotted path
LISTS = [
    ("grievances:ledger", {}, "grievances.views.LedgerView"),
    ("grievances:ledger_print", {}, "grievances.views.LedgerPrintView"),
    ("grievances:inbox", {"queue": "unassigned"}, "grievances.views.InboxView"),
    ("grievances:intake", {}, "grievances.views.IntakeView"),
    ("outreach:households", {}, "outreach.views.HouseholdListView"),
    ("outreach:visits", {}, "outreach.views.VisitListView"),
    ("outreach:activities", {}, "outreach.activity_views.ActivityListView"),
    ("outreach:plaques", {"status": "hung"}, "outreach.plaque_views.PlaqueListView"),
    ("campaign:units", {}, "campaign.views.UnitListView"),
    ("campaign:inspections", {}, "campaign.inspection_views.InspectionListView"),
    ("campaign:figures", {}, "campaign.registry_views.RegistryListView"),
    ("campaign:commendations", {}, "campaign.registry_views.RegistryListView"),
    ("campaign:organisations", {}, "campaign.registry_views.RegistryListView"),
    ("audit:trail", {}, "audit.views.TrailView"),
    ("administration:accounts", {}, "administration.accounts.views.AccountListView"),
    ("administration:units", {}, "administration.units.views.UnitListView"),
    ("administration:lists_values", {}, "administration.lists.views.ValueListView"),
    ("administration:privacy", {}, "administration.privacy.views.RetentionView"),
    ("reports:cases", {"year": 2015}, "reports.figure_views.CaseFigureView"),
    ("reports:findings", {"year": 2015}, "reports.figure_views.FindingFigureView"),
    ("reports:activities", {"year": 2015}, "reports.figure_views.ActivityFigureView"),
    ("reports:five_ones", {"year": 2015}, "reports.figure_views.FiveOnesFigureView"),
    ("reports:inspections", {"year": 2015}, "reports.figure_views.InspectionFigureView"),
]
for piece in PIECES:
    LISTS += piece.LISTS


@pytest.fixture
def many(plan, office, township_a, clerk_a):
    for _ in range(ROWS):
        household = HouseholdFactory(township=township_a)
        visit = VisitFactory(household=household, created_by=clerk_a)
        FindingFactory(visit=visit, needs_action=True)
        CaseFactory(household=household)
        ActivityFactory(organiser=township_a, held_on=date(2015, 6, 1))
        HonourPlaqueFactory(household=household)
        InspectionFactory(unit=township_a)
        UnitFactory()
        FiveOnesItemFactory(unit=UnitFactory(kind=township_a.kind))
        ModelFigureFactory(unit=township_a)
        CommendationFactory(unit=township_a)
        SupportOrganisationFactory(unit=township_a)
        AnonymisationRun.objects.create(
            county=township_a.area,
            as_of=date(2021, 1, 1),
            months=60,
            archived_by=date(2015, 12, 31),
            households=1,
        )
        for piece in PIECES:
            piece.make_rows(township_a, office, clerk_a)


def view_class(dotted: str):
    module, name = dotted.rsplit(".", 1)
    return getattr(__import__(module, fromlist=[name]), name)


@pytest.mark.parametrize(("name", "query", "view"), LISTS, ids=[row[0] for row in LISTS])
def test_a_list_longer_than_a_page_says_its_total_and_reaches_its_last_row(
    name, query, view, client_for, office, many, monkeypatch
):
    cls = view_class(view)
    attribute = "per_batch" if hasattr(cls, "per_batch") else "paginate_by"
    monkeypatch.setattr(cls, attribute, PER_PAGE)
    client = client_for(office)
    url = reverse(name, args=ARGS.get(name))
    first = client.get(url, query)
    assert first.status_code == 200
    paginator = first.context["page_obj"].paginator
    assert paginator.count > PER_PAGE, "the fixture makes more rows than a page"
    page = first.content.decode()
    assert f'data-total="{paginator.count}"' in page
    assert f"共{paginator.count}条" in page.replace(",", "")
    assert 'data-testid="last-page"' in page
    last = client.get(url, {**query, "page": paginator.num_pages})
    assert last.context["page_obj"].number == paginator.num_pages
    shown = len(last.context["page_obj"].object_list)
    assert shown == paginator.count - PER_PAGE * (paginator.num_pages - 1)


def paged_views():
    """Every view in the URL conf that pages its rows."""
    found = set()

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns)
            elif isinstance(pattern, URLPattern):
                cls = getattr(pattern.callback, "view_class", None)
                if cls and (getattr(cls, "paginate_by", None) or hasattr(cls, "per_batch")):
                    found.add(f"{cls.__module__}.{cls.__qualname__}")

    walk(get_resolver().url_patterns)
    return found


# The open cases at a campaign's end, listed once the county has a later campaign.
CARRY_OVER_VIEW = "grievances.carry_views.CarryOverView"


def test_the_open_cases_at_a_campaigns_end_say_their_total_and_reach_their_last_row(
    client_for, office, plan, monkeypatch
):
    from tests.campaigns import add_next_campaign

    for _ in range(ROWS):
        CaseFactory()
    add_next_campaign()
    monkeypatch.setattr(view_class(CARRY_OVER_VIEW), "paginate_by", PER_PAGE)
    client = client_for(office)
    url = reverse("grievances:carry_over")
    first = client.get(url, {"campaign": plan.pk})
    paginator = first.context["page_obj"].paginator
    assert paginator.count == ROWS
    page = first.content.decode()
    assert f'data-total="{ROWS}"' in page and f"共{ROWS}条" in page
    assert 'data-testid="last-page"' in page
    last = client.get(url, {"campaign": plan.pk, "page": paginator.num_pages})
    assert len(last.context["page_obj"].object_list) == ROWS - PER_PAGE * (paginator.num_pages - 1)


def test_every_paged_list_is_walked_above():
    walked = {view for _, _, view in LISTS} | {view for _, _, view in RECORD_LISTS}
    walked.add(CARRY_OVER_VIEW)
    assert paged_views() - walked == set()


# A reference list's values with their usage counts: session, user, the count for the pages,
# the values with every usage counted in the same query, the county's campaigns for the switcher.
LIST_QUERIES = 5


@pytest.mark.parametrize("rows", [1, 3])
def test_a_reference_list_takes_the_same_queries_at_1_and_3_rows(
    rows, client_for, office, django_assert_max_num_queries
):
    from outreach.models import Policy
    from tests.factories import county_for_tests

    Policy.objects.filter(county=county_for_tests()).delete()
    for n in range(rows):
        Policy.objects.create(county=county_for_tests(), name=f"政策{n}", order=n)
    client = client_for(office)
    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get(reverse("administration:lists_values", args=[3]))
    page = response.content.decode()
    assert all(f"政策{n}" in page for n in range(rows))
    assert len(response.context["page_obj"].object_list) == rows


# Lists of one record's rows: url name, the fixture whose pk the URL takes, the view class.
RECORD_LISTS = [
    ("outreach:person_looks", "person", "outreach.look_views.PersonLooksView"),
    ("outreach:user_looks", "clerk_a", "outreach.look_views.UserLooksView"),
]


def _looks(person, user, n):
    """n looks at the person by the user: full views and a file with the person in it."""
    from outreach.models import IdNumberView
    from outreach.services import log_personal_file, persons_log_full_view

    for i in range(n):
        if i % 2:
            log_personal_file(
                user=user,
                kind=IdNumberView.Kind.EXPORT,
                source=IdNumberView.Source.LEDGER_EXPORT,
                person_ids=[person.pk],
            )
        else:
            persons_log_full_view(user=user, persons=[person])


@pytest.mark.parametrize(
    ("name", "fixture", "view"), RECORD_LISTS, ids=[r[0] for r in RECORD_LISTS]
)
def test_a_records_list_longer_than_a_page_says_its_total_and_reaches_its_last_row(
    name, fixture, view, request, client_for, office, clerk_a, person, monkeypatch
):
    monkeypatch.setattr(view_class(view), "paginate_by", PER_PAGE)
    _looks(person, clerk_a, ROWS)
    url = reverse(name, args=[request.getfixturevalue(fixture).pk])
    client = client_for(office)
    first = client.get(url)
    paginator = first.context["page_obj"].paginator
    assert paginator.count == ROWS
    page = first.content.decode()
    assert f'data-total="{ROWS}"' in page and f"共{ROWS}条" in page
    assert 'data-testid="last-page"' in page
    last = client.get(url, {"page": paginator.num_pages})
    assert len(last.context["page_obj"].object_list) == ROWS - PER_PAGE * (paginator.num_pages - 1)


@pytest.mark.parametrize("rows", [1, 3])
@pytest.mark.parametrize(
    ("name", "fixture", "view"), RECORD_LISTS, ids=[r[0] for r in RECORD_LISTS]
)
def test_a_records_list_keeps_its_query_count(
    rows,
    name,
    fixture,
    view,
    request,
    client_for,
    office,
    clerk_a,
    person,
    django_assert_max_num_queries,
):
    _looks(person, clerk_a, rows)
    client = client_for(office)
    url = reverse(name, args=[request.getfixturevalue(fixture).pk])
    # five for the page and its looks, one for the county's campaigns in the switcher
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert len(response.context["looks"]) == rows
    page = response.content.decode()
    assert unlabelled(page).count('<td class="text-nowrap">') == rows
