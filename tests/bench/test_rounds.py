"""The bench measures the pages in rounds, the sizes taking turns, and pools each page's
samples across the rounds (bench.__main__.merge_rounds)."""

from bench.__main__ import merge_rounds
from bench.stats import summary


def entry(page_seconds, base_seconds, queries=5, matches=True):
    return {
        "url": "/reports/",
        "page": {"name": "dashboard", "queries": queries, **summary(page_seconds)},
        "baseline": {"name": "SQL", "queries": 4, **summary(base_seconds)},
        "baseline_matches": matches,
    }


def test_the_rounds_samples_are_pooled_into_one_median():
    merged = merge_rounds(
        [
            [entry([0.010, 0.011], [0.005, 0.005])],
            [entry([0.030, 0.031], [0.015, 0.016])],
            [entry([0.012, 0.013], [0.006, 0.007])],
        ]
    )
    (dashboard,) = merged
    assert dashboard["page"]["runs"] == 6
    assert dashboard["page"]["median_ms"] == 12.5
    assert (dashboard["page"]["min_ms"], dashboard["page"]["max_ms"]) == (10.0, 31.0)
    assert dashboard["baseline"]["median_ms"] == 6.5
    assert dashboard["page"]["name"] == "dashboard" and dashboard["url"] == "/reports/"


def test_the_highest_query_count_and_every_rounds_match_are_kept():
    merged = merge_rounds(
        [[entry([0.01], [0.01], queries=5)], [entry([0.01], [0.01], queries=6, matches=False)]]
    )
    assert merged[0]["page"]["queries"] == 6
    assert merged[0]["baseline_matches"] is False
