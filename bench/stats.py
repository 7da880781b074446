"""Summaries of repeated runs: the median and the spread (min–max), in milliseconds."""

import math
import statistics


def summary(seconds: list[float]) -> dict:
    ms = sorted(s * 1000 for s in seconds)
    return {
        "runs": len(ms),
        "median_ms": round(statistics.median(ms), 1),
        "min_ms": round(ms[0], 1),
        "max_ms": round(ms[-1], 1),
        "samples_ms": [round(m, 2) for m in ms],
    }


def pooled(results: list[dict]) -> dict:
    """One summary of several rounds' summaries, from all their samples."""
    return summary([m / 1000 for r in results for m in r["samples_ms"]])


def spread(result: dict) -> str:
    """“±12%”: half the min–max range relative to the median."""
    if not result.get("median_ms"):
        return ""
    half = (result["max_ms"] - result["min_ms"]) / 2
    return f"±{100 * half / result['median_ms']:.0f}%"


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    rank = math.ceil(q / 100 * len(sorted_values))  # nearest rank
    return sorted_values[min(len(sorted_values), max(1, rank)) - 1]
