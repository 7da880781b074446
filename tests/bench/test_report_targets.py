"""The bench's targets (issue 20) as bench.report checks them: a county's page on the province
database within 1.2× the same page alone, the year's aggregates within 1.5× and 2× their SQL,
the same query count at both sizes, the load test's p95 and errors for each server count."""

from bench.report import render, rows, targets


def page(name, ms, queries, baseline=None):
    entry = {
        "page": {"name": name, "median_ms": ms, "min_ms": ms, "max_ms": ms, "queries": queries}
    }
    if baseline:
        entry["baseline"] = {"name": "SQL", "median_ms": baseline, "min_ms": 1, "max_ms": 1}
    return entry


def results(case_ms, dashboard_ms, province_queries=12):
    return {
        "county": {
            "measurements": {
                "pages": [page("case page", 100, 12)],
                "reports": [page("dashboard", 100, 12, baseline=80)],
            }
        },
        "province": {
            "measurements": {
                "pages": [page("case page", case_ms, province_queries)],
                "reports": [page("dashboard", dashboard_ms, 12, baseline=80)],
            }
        },
    }


def verdicts(checks):
    return {c["target"]: c["met"] for c in checks}


def test_a_page_may_grow_by_a_fifth_and_an_aggregate_by_half():
    found = verdicts(targets(rows(results(case_ms=119, dashboard_ms=149)), None))
    assert found["case page: province ≤ 1.2× county"]
    assert found["dashboard: province ≤ 1.5× county"]
    assert found["dashboard: ≤ 2× its one-SQL baseline"]
    found = verdicts(targets(rows(results(case_ms=125, dashboard_ms=170)), None))
    assert not found["case page: province ≤ 1.2× county"]
    assert not found["dashboard: province ≤ 1.5× county"]
    assert not found["dashboard: ≤ 2× its one-SQL baseline"]


def test_a_page_must_count_the_same_queries_at_both_sizes():
    found = verdicts(targets(rows(results(100, 100, province_queries=13)), None))
    assert not found["case page: ≤ 15 queries, the same at both sizes"]
    assert found["dashboard: ≤ 15 queries, the same at both sizes"]


def load(servers, p95, errors=0):
    return {
        "users": 300,
        "seconds": 300,
        "servers": servers,
        "p50_ms": 80,
        "p95_ms": p95,
        "max_ms": 900,
        "errors": errors,
        "throughput_rps": 25,
        "requests": 7000,
        "think_s": [5, 15],
        "by_kind": {
            "inbox": {
                "requests": 7000,
                "p50_ms": 80,
                "p95_ms": p95,
                "max_ms": 900,
                "errors": errors,
            }
        },
        "session_shared": {"a": 200} if servers > 1 else {},
    }


def test_the_load_test_is_checked_for_each_number_of_servers():
    table = rows(results(100, 100))
    runs = [load(1, 480), load(2, 520, errors=1)]
    found = verdicts(targets(table, runs))
    assert found["load, 300 users, 1 app server: p95 ≤ 500 ms"]
    assert found["load, 300 users, 1 app server: 0 errors"]
    assert not found["load, 300 users, 2 app servers: p95 ≤ 500 ms"]
    assert not found["load, 300 users, 2 app servers: 0 errors"]
    assert found[
        "load, 300 users, 2 app servers: a session started on one server works on the other"
    ]
    text = render(table, runs, targets(table, runs), {})
    assert "load: 300 users × 300 s, 2 app servers" in text
    assert "Load by page, 1 app server" in text


def test_the_workbook_check_says_which_part_took_the_time():
    workbook = {
        "page": {
            "name": "year-end workbook 2015",
            "median_ms": 400,
            "min_ms": 390,
            "max_ms": 410,
            "peak_rss_mb": 84,
            "reading_ms": 120,
            "writing_ms": 280,
        },
        "baseline": {"name": "raw XlsxWriter", "median_ms": 200, "min_ms": 190, "max_ms": 210},
    }
    measured = {size: {"measurements": {"workbook": workbook}} for size in ("county", "province")}
    checks = {c["target"]: c for c in targets(rows(measured), None)}
    speed = checks["workbook: ≤ 1.5× the fastest raw writer (raw XlsxWriter)"]
    assert not speed["met"]
    assert speed["figure"] == (
        "2.0× (400 vs 200 ms); reading the figures 120 ms, writing the sheets 280 ms"
        " (1.4× the raw writer)"
    )
    assert checks["workbook: ≤ 300 MB peak"]["met"]
