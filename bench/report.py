"""The one table the bench prints, the targets of issue 8 checked against it, and the JSON."""

from bench.stats import spread

MAX_QUERIES = 15
MAX_SCALE = 1.5
TARGET_MB = 300


def _ratio(a, b):
    return round(a / b, 2) if a and b else None


def rows(results: dict) -> list[dict]:
    """One row per measurement and size: page figures, baseline, ratios."""
    table = []
    by_key = {}
    for size, result in results.items():
        for entry in _entries(result):
            page, base = entry["page"], entry.get("baseline") or {}
            row = {
                "key": entry["key"],
                "kind": entry["kind"],
                "size": size,
                "name": page["name"],
                "median_ms": page["median_ms"],
                "spread": spread(page),
                "queries": page.get("queries"),
                "peak_mb": page.get("peak_rss_mb"),
                "baseline": base.get("name", ""),
                "baseline_ms": base.get("median_ms"),
                "baseline_queries": base.get("queries"),
                "baseline_peak_mb": base.get("peak_rss_mb"),
                "vs_baseline": _ratio(page["median_ms"], base.get("median_ms")),
                "vs_county": None,
            }
            by_key[(entry["key"], size)] = row
            table.append(row)
    for row in table:
        county = by_key.get((row["key"], "county"))
        if row["size"] != "county" and county:
            row["vs_county"] = _ratio(row["median_ms"], county["median_ms"])
    return table


def _entries(result: dict):
    measured = result.get("measurements", {})
    for entry in measured.get("pages", []):
        yield {"key": _key(entry["page"]["name"]), "kind": "page", **entry}
    for entry in measured.get("reports", []):
        yield {"key": _key(entry["page"]["name"]), "kind": "page", **entry}
    for name in ("workbook", "import"):
        if name in measured:
            yield {"key": name, "kind": name, **measured[name]}


def _key(name: str) -> str:
    # "ledger, deep page 1029" and "ledger, deep page 103" are the same measurement.
    return name.rsplit(" ", 1)[0] if name.startswith("ledger, deep page") else name


def targets(table: list[dict], load: dict | None) -> list[dict]:
    province = [r for r in table if r["size"] == "province"]
    checks = []

    def check(what, met, figure):
        checks.append({"target": what, "met": bool(met), "figure": figure})

    for row in province:
        if row["kind"] != "page":
            continue
        check(
            f"{row['name']}: ≤ {MAX_QUERIES} queries",
            row["queries"] is not None and row["queries"] <= MAX_QUERIES,
            f"{row['queries']} queries",
        )
    for row in province:
        if row["vs_county"] is not None and row["kind"] == "page":
            check(
                f"{row['name']}: province ≤ {MAX_SCALE}× county",
                row["vs_county"] <= MAX_SCALE,
                f"{row['vs_county']}×",
            )
    for row in province:
        if row["key"].startswith("ledger") and row["vs_baseline"] is not None:
            check(
                f"{row['name']}: ≤ its admin baseline",
                row["vs_baseline"] <= 1.0,
                f"{row['vs_baseline']}× admin",
            )
        if row["key"] == "progress table":
            check("progress table: ≤ 2× SQL baseline", _le(row["vs_baseline"], 2), _x(row))
        if row["kind"] == "workbook":
            check("workbook: ≤ 1.5× raw openpyxl", _le(row["vs_baseline"], 1.5), _x(row))
            check(f"workbook: < {TARGET_MB} MB peak", _lt(row["peak_mb"], TARGET_MB), _mb(row))
        if row["kind"] == "import":
            check("import: ≤ 3× baseline", _le(row["vs_baseline"], 3), _x(row))
            check(f"import: < {TARGET_MB} MB peak", _lt(row["peak_mb"], TARGET_MB), _mb(row))
    if load:
        check("load test: zero errors", load["errors"] == 0, f"{load['errors']} errors")
        check("load test: p95 < 500 ms", load["p95_ms"] < 500, f"p95 {load['p95_ms']} ms")
    return checks


def _le(value, limit):
    return value is not None and value <= limit


def _lt(value, limit):
    return value is not None and value < limit


def _x(row):
    return f"{row['vs_baseline']}× ({row['median_ms']:.0f} vs {row['baseline_ms']:.0f} ms)"


def _mb(row):
    return f"{row['peak_mb']} MB"


def _fmt(value, suffix=""):
    if value is None or value == "":
        return "–"
    if isinstance(value, float):
        return f"{value:,.0f}{suffix}" if value >= 100 else f"{value:.1f}{suffix}"
    return f"{value}{suffix}"


def render(table: list[dict], load: dict | None, checks: list[dict], skipped: dict) -> str:
    head = [
        "measurement",
        "size",
        "median ms",
        "spread",
        "queries",
        "peak MB",
        "baseline",
        "base ms",
        "base q",
        "×base",
        "×county",
    ]
    lines = [head]
    for r in table:
        lines.append(
            [
                r["name"],
                r["size"],
                _fmt(r["median_ms"]),
                r["spread"],
                _fmt(r["queries"]),
                _fmt(r["peak_mb"]),
                r["baseline"],
                _fmt(r["baseline_ms"]),
                _fmt(r["baseline_queries"]),
                _fmt(r["vs_baseline"], "×"),
                _fmt(r["vs_county"], "×"),
            ]
        )
    if load:
        lines.append(
            [
                f"load: {load['clients']} clients × {load['seconds']:.0f} s",
                "province",
                f"p50 {_fmt(load['p50_ms'])}",
                f"p95 {_fmt(load['p95_ms'])}",
                f"p99 {_fmt(load['p99_ms'])}",
                "",
                f"{load['throughput_rps']} req/s",
                f"{load['requests']} req",
                f"{load['errors']} err",
                "",
                "",
            ]
        )
    widths = [max(_width(line[i]) for line in lines) for i in range(len(head))]
    out = []
    for n, line in enumerate(lines):
        out.append("  ".join(_pad(str(cell), widths[i], i) for i, cell in enumerate(line)))
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    out.append("")
    out.append("Targets (issue 8, at province scale):")
    for c in checks:
        out.append(f"  [{'met' if c['met'] else 'MISSED'}] {c['target']} — {c['figure']}")
    for name, why in skipped.items():
        out.append(f"  [skipped] {name}: {why}")
    return "\n".join(out)


def _width(text) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in str(text))


def _pad(text: str, width: int, index: int) -> str:
    gap = " " * (width - _width(text))
    return text + gap if index in (0, 1, 3, 6) else gap + text
