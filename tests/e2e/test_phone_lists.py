"""In Chromium at 360 px: every list shows its rows as cards, each value behind its column's
name, and nothing makes the page wider than the phone; at a desk's 1280 px the same page keeps
its table. One browser, one live server; a context per role and width, signed in afresh for
each test by its session cookie (the database is emptied between tests)."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

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
    PersonFactory,
    SupportOrganisationFactory,
    VisitFactory,
)
from tests.sweeps import PIECES

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 740}
DESK = {"width": 1280, "height": 900}
YEAR = {"year": 2015}

# url name, who looks, its arguments (fixture names, or literals), its query, and how its rows
# show: "cards" for a table whose rows become cards, "list" for a list that is cards already,
# "page" for a form page beside the lists (it only has to fit).
PAGES = [
    ("home", "office", [], {}, "cards"),
    ("grievances:ledger", "office", [], {}, "cards"),
    ("grievances:inbox", "office", [], {"queue": "unassigned"}, "cards"),
    ("grievances:cases_led", "leader", [], {}, "cards"),
    ("grievances:intake", "office", [], {}, "list"),
    ("grievances:carry_over", "office", [], {}, "cards"),
    ("outreach:households", "clerk_a", [], {}, "list"),
    ("outreach:household", "clerk_a", ["household"], {}, "cards"),
    ("outreach:visits", "clerk_a", [], {}, "cards"),
    ("outreach:activities", "clerk_a", [], {}, "cards"),
    ("outreach:plaques", "office", [], {"status": "hung"}, "list"),
    ("outreach:merit_notices", "office", [], {}, "cards"),
    ("outreach:needs", "liaison", [], {}, "cards"),
    ("outreach:person_looks", "office", ["person"], {}, "cards"),
    ("outreach:user_looks", "office", ["office"], {}, "cards"),
    ("campaign:units", "office", [], {}, "cards"),
    ("campaign:five_ones", "office", [], {}, "cards"),
    ("campaign:five_ones_unit", "clerk_a", ["township_a"], {}, "page"),
    ("outreach:visit_household", "clerk_a", ["household"], {}, "page"),
    ("campaign:inspections", "office", [], {}, "cards"),
    ("campaign:figures", "office", [], {}, "cards"),
    ("campaign:commendations", "office", [], {}, "cards"),
    ("campaign:organisations", "office", [], {}, "cards"),
    ("audit:trail", "office", [], {}, "cards"),
    ("administration:accounts", "office", [], {}, "cards"),
    ("administration:accounts_detail", "office", ["clerk_a"], {}, "cards"),
    ("administration:units", "office", [], {}, "cards"),
    ("administration:units_detail", "office", ["township_a"], {}, "cards"),
    ("administration:lists", "office", [], {}, "cards"),
    ("administration:lists_values", "office", [3], {}, "cards"),
    ("administration:privacy", "office", [], {}, "cards"),
    ("administration:plans", "office", [], {}, "cards"),
    ("agenda:meetings", "office", [], {}, "cards"),
    ("agenda:tasks", "office", [], {}, "cards"),
    ("agenda:mechanisms", "office", [], {}, "cards"),
    ("bulletins:bulletins", "office", [], {}, "cards"),
    ("jobs:jobs", "office", [], {}, "cards"),
    ("notifications:list", "office", [], {}, "list"),
    ("notifications:robots", "office", [], {}, "cards"),
    ("notifications:deliveries", "office", [], {}, "cards"),
    ("submissions:requests", "office", [], {}, "cards"),
    ("submissions:submissions", "city", [], {}, "cards"),
    ("reports:dashboard", "office", [], YEAR, "cards"),
    ("reports:progress", "office", [], YEAR, "cards"),
    ("reports:assessment", "office", [], YEAR, "cards"),
    ("reports:assessment_unit", "office", [2015, "township_a"], {}, "cards"),
    ("reports:special_actions", "office", [], YEAR, "cards"),
    ("reports:special_action_list", "office", [], {}, "cards"),
    ("reports:summary", "office", [], {}, "cards"),
    ("reports:counties", "city", [], YEAR, "cards"),
    ("reports:cases", "office", [], YEAR, "cards"),
    ("reports:findings", "office", [], YEAR, "cards"),
    ("reports:activities", "office", [], YEAR, "cards"),
    ("reports:five_ones", "office", [], YEAR, "cards"),
    ("reports:inspections", "office", [], YEAR, "cards"),
]


@pytest.fixture(scope="module")
def contexts(browser, browser_context_args):
    """(role, viewport) -> a browser context kept for the module."""
    opened = {}

    def context_for(role, viewport):
        key = (role, viewport["width"])
        if key not in opened:
            opened[key] = browser.new_context(**browser_context_args, viewport=viewport)
        return opened[key]

    context_for.opened = opened
    yield context_for
    for context in opened.values():
        context.close()


def quiet(contexts):
    """Leave every open page for a blank one, so that no page of a test still asks the server
    (the bell's polling) while the database is written to or emptied."""
    for context in contexts.opened.values():
        for page in context.pages:
            page.goto("about:blank")


@pytest.fixture(autouse=True)
def _quiet_after(transactional_db, contexts):
    yield
    quiet(contexts)


@pytest.fixture
def rows(plan, office, township_a, clerk_a, leader, liaison, city, garrison_unit):
    """One row of each list (two where a page shows only what the first leads to)."""
    household = HouseholdFactory(township=township_a, head_name="张一一")
    person = PersonFactory(household=household, name="张成员")
    visit = VisitFactory(household=household, created_by=clerk_a)
    FindingFactory(visit=visit, needs_action=True)
    CaseFactory(household=household, leader=leader)
    ActivityFactory(organiser=township_a, held_on=date(2015, 6, 1))
    HonourPlaqueFactory(household=household)
    InspectionFactory(unit=township_a)
    FiveOnesItemFactory(unit=township_a)
    ModelFigureFactory(unit=township_a)
    CommendationFactory(unit=township_a)
    SupportOrganisationFactory(unit=township_a)
    from campaign.models import Topic
    from outreach.field_units import needs_report

    topic = Topic.objects.get(campaign=plan, number=1)
    needs_report(user=liaison, findings=[{"topic": topic, "text": "训练器材不足"}])
    AnonymisationRun.objects.create(
        county=township_a.area,
        as_of=date(2021, 1, 1),
        months=60,
        archived_by=date(2015, 12, 31),
        households=1,
    )
    for piece in PIECES:
        piece.make_rows(township_a, office, clerk_a)
    from outreach.services import persons_log_full_view

    persons_log_full_view(user=office, persons=[person])
    return {
        "household": household,
        "person": person,
        "plan": plan,
        "office": office,
        "clerk_a": clerk_a,
        "township_a": township_a,
        "roles": {
            "office": office,
            "clerk_a": clerk_a,
            "leader": leader,
            "liaison": liaison,
            "city": city,
        },
    }


def open_page(contexts, live_server, user, role, viewport, url):
    """The page at url, seen by the user in the role's context at this width."""
    quiet(contexts)
    client = Client()
    client.force_login(user)
    context = contexts(role, viewport)
    context.clear_cookies()
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.pages[0] if context.pages else context.new_page()
    response = page.goto(live_server.url + url)
    assert response.status == 200, url
    return page


# The facts the assertions read, in one round trip.
MEASURE = """() => {
  const main = document.querySelector('main');
  const tables = [...main.querySelectorAll('table')].filter(t => t.offsetParent !== null);
  const cards = tables.filter(t => t.classList.contains('table-cards'));
  const row = cards.map(t => t.querySelector('tbody > tr:not(:has([colspan]))')).find(r => r);
  const labelled = row ? [...row.querySelectorAll('td[data-label], th[data-label]')]
    .filter(c => getComputedStyle(c).display !== 'none') : [];
  return {
    scrollWidth: document.documentElement.scrollWidth,
    tables: tables.length,
    plain: tables.filter(t => !t.classList.contains('table-cards')).length,
    cards: cards.length,
    rowDisplay: row ? getComputedStyle(row).display : null,
    labels: labelled.map(c => getComputedStyle(c, '::before').content),
    headVisible: cards.some(t => t.tHead && t.tHead.getBoundingClientRect().height > 2),
    overflowing: [...main.querySelectorAll('*')].filter(e =>
      e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible' &&
      e.clientWidth > 2).map(e => e.tagName + '.' + e.className).slice(0, 3),
    wide: [...main.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right >
      document.documentElement.clientWidth + 1 && e.offsetParent !== null)
      .map(e => e.tagName + '.' + e.className).slice(0, 3),
    listItems: main.querySelectorAll('.list-group-item, [data-testid=notification]').length,
  };
}"""


@pytest.mark.parametrize(
    ("name", "role", "args", "query", "shows"), PAGES, ids=[page[0] for page in PAGES]
)
def test_a_list_is_cards_on_a_phone_and_a_table_at_a_desk(
    name, role, args, query, shows, rows, live_server, contexts
):
    if name == "grievances:carry_over":
        from tests.campaigns import add_next_campaign

        add_next_campaign()
        query = {"campaign": rows["plan"].pk}
    url = reverse(name, args=[rows[a].pk if isinstance(a, str) else a for a in args])
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    user = rows["roles"][role]

    phone = open_page(contexts, live_server, user, role, PHONE, url).evaluate(MEASURE)
    assert phone["scrollWidth"] <= PHONE["width"], phone
    assert phone["wide"] == [], phone
    assert phone["overflowing"] == [], phone
    assert phone["plain"] == 0, phone
    if shows == "page":
        return
    if shows == "list":
        assert phone["listItems"] >= 1, phone
        return
    assert phone["cards"] >= 1, phone
    assert phone["rowDisplay"] == "block", phone
    assert phone["labels"] and all(label not in ("none", '""') for label in phone["labels"]), phone
    assert not phone["headVisible"], phone

    desk = open_page(contexts, live_server, user, role, DESK, url).evaluate(MEASURE)
    assert desk["rowDisplay"] == "table-row", desk
    assert desk["headVisible"], desk
    assert all(label == "none" for label in desk["labels"]), desk


def test_the_dashboards_charts_and_figures_read_at_360_px(
    live_server, contexts, plan, office, township_a
):
    from decimal import Decimal

    ActivityFactory(organiser=township_a, held_on=date(2015, 6, 1), amount=Decimal("233000"))
    for _ in range(3):
        CaseFactory(household=HouseholdFactory(township=township_a))
    page = open_page(contexts, live_server, office, "office", PHONE, "/reports/?year=2015")
    page.wait_for_function("document.querySelector('canvas[data-chart=chart-topics]').chart")
    charts = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('canvas[data-chart]')].map(c => {
          const chart = c.chart, horizontal = chart.options.indexAxis === 'y';
          const category = chart.scales[horizontal ? 'y' : 'x'];
          const value = chart.scales[horizontal ? 'x' : 'y'];
          return [c.dataset.chart, {
            labels: chart.data.labels.length,
            named: category.ticks.length,
            tickLabels: category.ticks.map(t => [].concat(t.label).join('')),
            values: value.ticks.map(t => t.label),
            legend: chart.legend.position,
            legendBottom: chart.legend.top > chart.chartArea.bottom,
            height: c.getBoundingClientRect().height,
          }];
        }))"""
    )
    topics = charts["chart-topics"]
    assert topics["labels"] == 7 and topics["named"] == 7, topics
    assert all(len(label) <= 15 for label in topics["tickLabels"]), topics
    for chart in charts.values():
        assert chart["legend"] == "bottom" and chart["legendBottom"], chart
        assert len(chart["values"]) <= 5, chart
        assert all("/" not in v for v in chart["values"]), chart
        assert chart["height"] >= 200, chart
    # The full topic name is kept for the tooltip.
    full = page.evaluate(
        "document.querySelector('canvas[data-chart=chart-topics]').chart.data.labels[3]"
    )
    assert full.startswith("4. ") and len(full) > 15
    money = page.get_by_test_id("figure-amount").locator(".figure-value")
    assert money.inner_text() == "233,000.00"
    box = money.bounding_box()
    line = money.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
    assert box["height"] < line * 1.5, "the figure stays on one line"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_checkboxes_and_their_labels_are_44_px_targets_on_a_phone(
    live_server, contexts, plan, clerk_a, township_a
):
    household = HouseholdFactory(township=township_a)
    url = reverse("outreach:visit_household", args=[household.pk])
    page = open_page(contexts, live_server, clerk_a, "clerk_a", PHONE, url)
    checks = page.locator("main .form-check")
    assert checks.count() >= 20  # needs action per topic, and two answers per policy
    sizes = checks.evaluate_all(
        """rows => rows.map(row => {
          const box = e => e.getBoundingClientRect();
          const input = row.querySelector('input'), label = row.querySelector('label');
          return {row: box(row).height, label: box(label).height, input: box(input).height,
                  inputWidth: box(input).width, text: label.textContent.trim()};
        })"""
    )
    for size in sizes:
        assert size["row"] >= 44 and size["label"] >= 44, size
        assert size["input"] >= 24 and size["inputWidth"] >= 24, size
    # The label is the target: a tap on it ticks its box.
    first = page.locator("[data-topic='4'] [data-policy] .form-check").first
    first.locator("label").click()
    assert first.locator("input").is_checked()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
