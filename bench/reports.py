"""The progress-by-unit table and the dashboard of one county (bench.county), for its campaign's
full year, and its city office's comparison of the city's counties, each against one
hand-written SQL statement computing the same aggregates (PostgreSQL): the campaigns' cases, the
households of the townships, the activities and 五个一 of the units. Each baseline's figures are
compared with what the page's own code computes, so the two are known to count the same thing."""

from datetime import date

from django.db import connection, transaction

from bench.pages import Page, measure

YEAR = 2015
UNRESOLVED = "('registered', 'assigned', 'in_progress', 'returned')"

PROGRESS_SQL = f"""
WITH led AS (
  -- Cases in hand during the year: registered in it, or registered earlier and not closed
  -- off by its first day (reports.selectors.in_hand_q); "cases" counts the year's own.
  SELECT c.lead_unit_id AS unit_id,
    count(*) FILTER (WHERE c.year = %(year)s) AS cases,
    count(*) FILTER (WHERE c.year < %(year)s) AS carried_in,
    count(*) AS in_hand,
    count(*) FILTER (WHERE c.status = 'closed') AS closed,
    count(*) FILTER (WHERE c.status IN {UNRESOLVED} AND c.deadline < %(today)s) AS overdue,
    count(*) FILTER (WHERE c.status = 'closed' AND (c.resolved_on <= c.deadline
      OR (c.resolved_on IS NULL AND c.closed_on <= c.deadline))) AS on_time,
    sum(e.ordinal - s.ordinal) FILTER (WHERE c.status = 'closed') AS workdays_sum,
    count(e.ordinal - s.ordinal) FILTER (WHERE c.status = 'closed') AS workdays_n
  FROM grievances_case c
  LEFT JOIN reports_workday s ON s.day = c.registered_on
  LEFT JOIN reports_workday e ON e.day = c.closed_on
  WHERE c.campaign_id = %(campaign)s AND (c.year = %(year)s
    OR (c.year < %(year)s AND (c.closed_on IS NULL OR c.closed_on >= %(start)s)))
  GROUP BY c.lead_unit_id
), households AS (
  SELECT h.township_id AS unit_id, count(*) AS households,
    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM outreach_visit v WHERE v.household_id = h.id))
      AS visited
  FROM outreach_household h JOIN campaign_unit t ON t.id = h.township_id
  WHERE t.area_id = %(county)s AND NOT h.archived GROUP BY h.township_id
), activities AS (
  SELECT a.organiser_id AS unit_id, count(*) AS activities
  FROM outreach_activity a JOIN campaign_unit o ON o.id = a.organiser_id
  WHERE o.area_id = %(county)s AND a.held_on BETWEEN %(start)s AND %(end)s
  GROUP BY a.organiser_id
), five AS (
  SELECT f.unit_id, count(*) AS five_ones
  FROM campaign_fiveonesitem f JOIN campaign_unit fu ON fu.id = f.unit_id
  WHERE fu.area_id = %(county)s AND f.status = 'done'
  GROUP BY f.unit_id
)
SELECT u.id, u.name, u.short_name, u.kind,
  coalesce(h.households, 0), coalesce(h.visited, 0), coalesce(l.cases, 0),
  coalesce(l.carried_in, 0), coalesce(l.in_hand, 0), coalesce(l.closed, 0),
  coalesce(l.overdue, 0), coalesce(l.on_time, 0),
  coalesce(l.workdays_sum, 0), coalesce(l.workdays_n, 0), coalesce(a.activities, 0),
  coalesce(f.five_ones, 0)
FROM campaign_unit u
LEFT JOIN led l ON l.unit_id = u.id
LEFT JOIN households h ON h.unit_id = u.id
LEFT JOIN activities a ON a.unit_id = u.id
LEFT JOIN five f ON f.unit_id = u.id
WHERE u.area_id = %(county)s AND u.kind IN ('township', 'member') AND u.is_active
ORDER BY u.kind <> 'township', u.code
"""
PROGRESS_COLUMNS = [
    "households",
    "visited",
    "cases",
    "carried_in",
    "in_hand",
    "closed",
    "overdue",
    "on_time",
    "workdays_sum",
    "workdays_n",
    "activities",
    "five_ones",
]

DASHBOARD_SQL = f"""
WITH yc AS (
  SELECT * FROM grievances_case WHERE campaign_id = %(campaign)s AND year = %(year)s
),
-- The cases in hand during the year: registered in it, or carried in (not closed off by
-- its first day); the totals count these, the charts the year's own (reports.selectors).
ih AS (
  SELECT * FROM grievances_case WHERE campaign_id = %(campaign)s AND (year = %(year)s
    OR (year < %(year)s AND (closed_on IS NULL OR closed_on >= %(start)s)))
),
case_totals AS (
  SELECT count(*) FILTER (WHERE year = %(year)s) AS registered,
    count(*) FILTER (WHERE year < %(year)s) AS carried_in,
    count(*) AS in_hand,
    count(*) FILTER (WHERE status = 'registered') AS unassigned,
    count(*) FILTER (WHERE status IN {UNRESOLVED}) AS open,
    count(*) FILTER (WHERE status = 'resolved') AS resolved,
    count(*) FILTER (WHERE status = 'closed') AS closed,
    count(*) FILTER (WHERE status IN {UNRESOLVED} AND deadline < %(today)s) AS overdue,
    count(*) FILTER (WHERE status = 'closed' AND (resolved_on <= deadline
      OR (resolved_on IS NULL AND closed_on <= deadline))) AS on_time,
    count(*) FILTER (WHERE year = %(year)s AND registered_on <= %(phase3_end)s
      AND (closed_on IS NULL OR closed_on > %(phase3_end)s)) AS carried_over,
    count(*) FILTER (WHERE year = %(year)s AND priority) AS priority,
    sum(e.ordinal - s.ordinal) FILTER (WHERE status = 'closed') AS workdays_sum,
    count(e.ordinal - s.ordinal) FILTER (WHERE status = 'closed') AS workdays_n
  FROM ih
  LEFT JOIN reports_workday s ON s.day = ih.registered_on
  LEFT JOIN reports_workday e ON e.day = ih.closed_on
), topic_status AS (
  SELECT json_agg(json_build_array(topic_id, status, n)) AS v
  FROM (SELECT topic_id, status, count(*) AS n FROM yc GROUP BY 1, 2) t
), registered_months AS (
  SELECT json_agg(json_build_array(m, n)) AS v
  FROM (SELECT date_trunc('month', registered_on) AS m, count(*) AS n FROM yc GROUP BY 1) t
), closed_months AS (
  SELECT json_agg(json_build_array(m, n)) AS v
  FROM (SELECT date_trunc('month', closed_on) AS m, count(*) AS n FROM yc
        WHERE status = 'closed' GROUP BY 1) t
), year_activities AS (
  SELECT a.* FROM outreach_activity a JOIN campaign_unit o ON o.id = a.organiser_id
  WHERE o.area_id = %(county)s AND a.held_on BETWEEN %(start)s AND %(end)s
), activity_totals AS (
  SELECT count(*) AS activities, sum(amount) AS amount, sum(people_reached) AS people
  FROM year_activities
), activity_months AS (
  SELECT json_agg(json_build_array(workstream_id, m, n)) AS v
  FROM (SELECT workstream_id, date_trunc('month', held_on) AS m, count(*) AS n
        FROM year_activities GROUP BY 1, 2) t
), by_township AS (
  SELECT h.township_id, count(*) AS households,
    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM outreach_visit v WHERE v.household_id = h.id))
      AS visited
  FROM outreach_household h JOIN campaign_unit t ON t.id = h.township_id
  WHERE t.area_id = %(county)s AND NOT h.archived GROUP BY h.township_id
), survey AS (
  SELECT sum(households) AS households, sum(visited) AS visited,
    json_agg(json_build_array(township_id, households, visited)) AS v
  FROM by_township
), five_totals AS (
  SELECT count(DISTINCT u.id) AS units, count(f.id) FILTER (WHERE f.status = 'done') AS done
  FROM campaign_unit u LEFT JOIN campaign_fiveonesitem f ON f.unit_id = u.id
  WHERE u.area_id = %(county)s AND u.kind IN ('township', 'member') AND u.is_active
)
SELECT json_build_object(
  'cases', row_to_json(case_totals), 'topic_status', topic_status.v,
  'registered_months', registered_months.v, 'closed_months', closed_months.v,
  'activities', row_to_json(activity_totals), 'activity_months', activity_months.v,
  'households', survey.households, 'visited', survey.visited, 'survey', survey.v,
  'five_ones', row_to_json(five_totals))
FROM case_totals, topic_status, registered_months, closed_months, activity_totals,
  activity_months, survey, five_totals
"""


CITY_COUNTED = [
    "households",
    "visited",
    "registered",
    "closed",
    "on_time",
    "overdue",
    "activities",
]

# The comparison's counted columns (reports.city.COUNTED) for every county of the city, each by
# its campaign covering the year; its rates follow from these. Its assessment column, a score
# reports.assessment computes from each unit's figures, is not part of this baseline.
CITY_SQL = f"""
WITH counties AS (
  SELECT a.id, a.path FROM campaign_area a JOIN campaign_area city ON city.id = %(city)s
  WHERE a.level = 'county' AND a.path LIKE city.path || '%%'
), chosen AS (
  -- Each county's campaign covering the year, the latest to start should two share it
  -- (reports.city.campaigns_covering).
  SELECT DISTINCT ON (c.county_id) c.county_id, c.id AS campaign_id
  FROM campaign_campaign c JOIN counties k ON k.id = c.county_id
  WHERE extract(year FROM c.starts_on) <= %(year)s AND %(year)s <= extract(year FROM c.ends_on)
  ORDER BY c.county_id, c.starts_on DESC, c.id DESC
), households AS (
  -- Households are visited anew in each campaign: only the county's campaign's visits count.
  SELECT t.area_id AS county_id, count(*) AS households,
    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM outreach_visit v
      WHERE v.household_id = h.id AND v.campaign_id = ch.campaign_id)) AS visited
  FROM outreach_household h JOIN campaign_unit t ON t.id = h.township_id
  JOIN counties k ON k.id = t.area_id
  LEFT JOIN chosen ch ON ch.county_id = t.area_id
  WHERE NOT h.archived GROUP BY t.area_id
), cases AS (
  -- The cases in hand during the year (registered in it, or carried in: not closed off by
  -- its first day); "registered" counts the year's own, the rest what became of all in hand.
  SELECT ch.county_id,
    count(*) FILTER (WHERE c.year = %(year)s) AS registered,
    count(*) FILTER (WHERE c.status = 'closed') AS closed,
    count(*) FILTER (WHERE c.status = 'closed' AND (c.resolved_on <= c.deadline
      OR (c.resolved_on IS NULL AND c.closed_on <= c.deadline))) AS on_time,
    count(*) FILTER (WHERE c.status IN {UNRESOLVED} AND c.deadline < %(today)s) AS overdue
  FROM grievances_case c JOIN chosen ch ON ch.campaign_id = c.campaign_id
  WHERE c.year = %(year)s
    OR (c.year < %(year)s AND (c.closed_on IS NULL OR c.closed_on >= %(start)s))
  GROUP BY ch.county_id
), activities AS (
  SELECT o.area_id AS county_id, count(*) AS activities
  FROM outreach_activity a JOIN campaign_unit o ON o.id = a.organiser_id
  JOIN chosen ch ON ch.county_id = o.area_id AND ch.campaign_id = a.campaign_id
  WHERE a.held_on BETWEEN %(start)s AND %(end)s
  GROUP BY o.area_id
)
SELECT k.id, ch.campaign_id,
  coalesce(h.households, 0), coalesce(h.visited, 0), coalesce(c.registered, 0),
  coalesce(c.closed, 0), coalesce(c.on_time, 0), coalesce(c.overdue, 0),
  coalesce(a.activities, 0)
FROM counties k
LEFT JOIN chosen ch ON ch.county_id = k.id
LEFT JOIN households h ON h.county_id = k.id
LEFT JOIN cases c ON c.county_id = k.id
LEFT JOIN activities a ON a.county_id = k.id
ORDER BY k.path
"""


def _params() -> dict:
    from bench.county import measured_county
    from campaign import clock
    from campaign.models import Area, Phase

    county = measured_county()
    today = clock.today()
    phase3_end = (
        Phase.objects.filter(campaign=county.campaign, carries_over=True)
        .values_list("ends_on", flat=True)
        .first()
    )
    if phase3_end is not None and today <= phase3_end:
        phase3_end = None  # nothing is carried over before phase 3 ends (grievances.states)
    return {
        "county": county.area,
        "city": Area.objects.values_list("parent_id", flat=True).get(pk=county.area),
        "campaign": county.campaign,
        "year": YEAR,
        "today": today,
        "start": date(YEAR, 1, 1),
        "end": date(YEAR, 12, 31),
        "phase3_end": phase3_end,
    }


class Sql:
    """A baseline that is one SQL statement, run and fetched whole. It runs with PostgreSQL's
    JIT off: on by default, the JIT compiles a statement whose cost estimate is high, and
    spends more on compiling these aggregates (over a second) than on computing them. The
    app's own queries run with the options its settings give the connection."""

    def __init__(self, name: str, sql: str):
        self.name, self.sql, self.url = name, sql, "one SQL statement"
        self.params = None

    def get(self):
        if self.params is None:
            self.params = _params()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")
            cursor.execute(self.sql, self.params)
            return cursor.fetchall()


def _period():
    from bench.county import measured_county
    from campaign import clock
    from campaign.models import Campaign
    from reports.selectors import Period

    campaign = Campaign.objects.prefetch_related("phases").get(pk=measured_county().campaign)
    return Period(year=YEAR, today=clock.today(), campaign=campaign)


def progress_matches() -> bool:
    """Does the baseline count what the page counts? Row by row, figure by figure."""
    from reports.selectors import COUNTED, progress

    page = {r["unit_id"]: r for r in progress(_period())["rows"]}
    mine = {
        row[0]: dict(zip(PROGRESS_COLUMNS, row[4:], strict=True))
        for row in Sql("", PROGRESS_SQL).get()
    }
    if page.keys() != mine.keys():
        return False
    shown = [k for k in COUNTED if k not in ("workdays_sum", "workdays_n", "households", "visited")]
    return all(
        all(page[u][k] == mine[u][k] for k in shown)
        and (page[u]["households"] in (None, mine[u]["households"]))
        for u in page
    )


def dashboard_matches() -> bool:
    """Does the dashboard's baseline count the county's headline figures as the dashboard
    does (reports.selectors.summary)?"""
    from reports.selectors import FIVE_ONES, summary

    page = summary(_period())
    ((mine,),) = Sql("", DASHBOARD_SQL).get()
    cases, activities, five = mine["cases"], mine["activities"], mine["five_ones"]
    counted = ["registered", "unassigned", "open", "resolved", "closed", "overdue", "on_time"]
    counted += ["carried_in", "in_hand", "carried_over", "priority"]
    pairs = [(page[key], cases[key]) for key in counted]
    pairs += [
        (page["households"], mine["households"]),
        (page["visited"], mine["visited"]),
        (page["activities"], activities["activities"]),
        (page["people"], activities["people"] or 0),
        (page["five_ones_done"], five["done"]),
        (page["five_ones_possible"], five["units"] * FIVE_ONES),
    ]
    return all(theirs == ours for theirs, ours in pairs)


def city_office() -> str:
    """The username of the office of the measured county's city."""
    from bench.county import measured_county
    from campaign.models import Area, Unit, User

    city = Area.objects.values_list("parent_id", flat=True).get(pk=measured_county().area)
    office = (
        User.objects.filter(unit__area=city, unit__kind=Unit.Kind.HIGHER_OFFICE, is_active=True)
        .order_by("username")
        .first()
    )
    if office is None:
        raise RuntimeError("No office for the measured county's city.")
    return office.username


def city_comparison() -> dict:
    """The comparison as the city office's page computes it (reports.city_views)."""
    from campaign import access, clock
    from campaign.models import User
    from reports.city import campaigns_covering, compare, county_campaigns

    counties = access.counties_in_reach(User.objects.get(username=city_office()))
    campaigns = campaigns_covering(county_campaigns(counties), YEAR)
    return compare(counties, campaigns, year=YEAR, today=clock.today())


def city_comparison_matches() -> bool:
    """Does the comparison's baseline count each county's figures as the page does? County by
    county, figure by figure, and each county by the same campaign."""
    page = {row.county.pk: row for row in city_comparison()["rows"]}
    mine = {row[0]: row for row in Sql("", CITY_SQL).get()}
    if page.keys() != mine.keys():
        return False
    for county, row in page.items():
        figures = dict(zip(CITY_COUNTED, mine[county][2:], strict=True))
        campaign = row.campaign.pk if row.campaign else None
        if campaign != mine[county][1] or any(row.figures[k] != figures[k] for k in CITY_COUNTED):
            return False
    return True


def report_measurements(runs: int) -> list[dict]:
    from bench.county import measured_county
    from campaign import clock
    from reports.workcal import ensure_calendar

    ensure_calendar(clock.today())
    office = measured_county().office
    pages = [
        Page(
            "progress table",
            f"/reports/progress/?year={YEAR}",
            office,
            Sql("SQL, same aggregates", PROGRESS_SQL),
        ),
        Page(
            "dashboard",
            f"/reports/?year={YEAR}",
            office,
            Sql("SQL, same aggregates", DASHBOARD_SQL),
        ),
        Page(
            "city comparison",
            f"/reports/counties/?year={YEAR}",
            city_office(),
            Sql("SQL, same aggregates", CITY_SQL),
        ),
    ]
    results = [measure(page, runs) for page in pages]
    results[0]["baseline_matches"] = progress_matches()
    results[1]["baseline_matches"] = dashboard_matches()
    results[2]["baseline_matches"] = city_comparison_matches()
    return results
