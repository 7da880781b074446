"""The one table the bench prints, the targets of issue 20 checked against it, and the JSON."""

from bench.stats import spread

MAX_QUERIES = 15
# A county's pages on the province database against the same pages on a database of that
# county alone: a county's work must not slow down because 99 others share the database.
MAX_SCALE = 1.2
# The year's aggregates: ≤ 2× their one-SQL baselines and ≤ 1.5× from county to province.
AGGREGATES = ("progress table", "dashboard", "county comparison", "city comparison")
AGGREGATE_SCALE = 1.5
AGGREGATE_VS_SQL = 2
TARGET_MB = 300
LOAD_P95_MS = 500


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
                # The workbook's two parts, so a miss says which one it is.
                "reading_ms": page.get("reading_ms"),
                "writing_ms": page.get("writing_ms"),
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


def targets(table: list[dict], load: list[dict] | None) -> list[dict]:
    province = [r for r in table if r["size"] == "province"]
    by_key = {(r["key"], r["size"]): r for r in table}
    checks = []

    def check(what, met, figure):
        checks.append({"target": what, "met": bool(met), "figure": figure})

    for row in province:
        if row["kind"] != "page":
            continue
        county = by_key.get((row["key"], "county"))
        same = county is None or county["queries"] == row["queries"]
        figure = f"{row['queries']} queries" + (
            f" (county {county['queries']})" if county is not None else ""
        )
        check(
            f"{row['name']}: ≤ {MAX_QUERIES} queries, the same at both sizes",
            row["queries"] is not None and row["queries"] <= MAX_QUERIES and same,
            figure,
        )
    for row in province:
        if row["vs_county"] is None or row["kind"] != "page":
            continue
        limit = AGGREGATE_SCALE if _aggregate(row) else MAX_SCALE
        check(
            f"{row['name']}: province ≤ {limit}× county",
            row["vs_county"] <= limit,
            f"{row['vs_county']}× ({row['median_ms']:.0f} vs "
            f"{by_key[(row['key'], 'county')]['median_ms']:.0f} ms)",
        )
    for row in province:
        if row["key"].startswith("ledger") and row["vs_baseline"] is not None:
            check(
                f"{row['name']}: ≤ 1.0× the admin changelist, same scope",
                row["vs_baseline"] <= 1.0,
                _x(row),
            )
        if _aggregate(row) and row["vs_baseline"] is not None:
            check(
                f"{row['name']}: ≤ {AGGREGATE_VS_SQL}× its one-SQL baseline",
                _le(row["vs_baseline"], AGGREGATE_VS_SQL),
                _x(row),
            )
        if row["kind"] == "workbook":
            check(
                f"workbook: ≤ 1.5× the fastest raw writer ({row['baseline']})",
                _le(row["vs_baseline"], 1.5),
                _x(row) + _parts(row),
            )
            check(f"workbook: ≤ {TARGET_MB} MB peak", _le(row["peak_mb"], TARGET_MB), _mb(row))
        if row["kind"] == "import":
            check("import: ≤ 3× raw read + bulk_create", _le(row["vs_baseline"], 3), _x(row))
            check(f"import: ≤ {TARGET_MB} MB peak", _le(row["peak_mb"], TARGET_MB), _mb(row))
    for run in load or []:
        what = f"load, {run['users']} users, {_servers(run)}"
        if "failed" in run:
            check(f"{what}: ran", False, run["failed"])
            continue
        check(f"{what}: 0 errors", run["errors"] == 0, f"{run['errors']} errors")
        check(
            f"{what}: p95 ≤ {LOAD_P95_MS} ms",
            run["p95_ms"] <= LOAD_P95_MS,
            f"p95 {run['p95_ms']} ms, p50 {run['p50_ms']} ms, max {run['max_ms']} ms",
        )
        if run["servers"] > 1:
            check(
                f"{what}: a session started on one server works on the other",
                bool(run.get("session_shared")),
                ", ".join(f"{k}: {v}" for k, v in run.get("session_shared", {}).items()),
            )
    return checks


def _aggregate(row) -> bool:
    return row["kind"] == "page" and row["key"].startswith(AGGREGATES)


def _servers(run) -> str:
    return "1 app server" if run["servers"] == 1 else f"{run['servers']} app servers"


def _le(value, limit):
    return value is not None and value <= limit


def _lt(value, limit):
    return value is not None and value < limit


def _x(row):
    return f"{row['vs_baseline']}× ({row['median_ms']:.0f} vs {row['baseline_ms']:.0f} ms)"


def _parts(row):
    reading, writing = row.get("reading_ms"), row.get("writing_ms")
    if reading is None or writing is None:
        return ""
    return (
        f"; reading the figures {reading:.0f} ms, writing the sheets {writing:.0f} ms"
        f" ({_ratio(writing, row['baseline_ms'])}× the raw writer)"
    )


def _mb(row):
    return f"{row['peak_mb']} MB"


def _fmt(value, suffix=""):
    if value is None or value == "":
        return "–"
    if isinstance(value, float):
        return f"{value:,.0f}{suffix}" if value >= 100 else f"{value:.1f}{suffix}"
    return f"{value}{suffix}"


def render(table: list[dict], load: list[dict] | None, checks: list[dict], skipped: dict) -> str:
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
    for run in (r for r in load or [] if "failed" not in r):
        lines.append(
            [
                f"load: {run['users']} users × {run['seconds']:.0f} s, {_servers(run)}",
                "province",
                f"p50 {_fmt(run['p50_ms'])}",
                f"p95 {_fmt(run['p95_ms'])}",
                f"max {_fmt(run['max_ms'])}",
                "",
                f"{run['throughput_rps']} req/s",
                f"{run['requests']} req",
                f"{run['errors']} err",
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
    for run in (r for r in load or [] if "failed" not in r):
        out.append("")
        out.append(
            f"Load by page, {_servers(run)} ({run['users']} users, think {run['think_s']} s):"
        )
        for kind, figures in run["by_kind"].items():
            out.append(
                f"  {kind:<16} {figures['requests']:>6} req  p50 {figures['p50_ms']:>7.1f}  "
                f"p95 {figures['p95_ms']:>7.1f}  max {figures['max_ms']:>7.1f} ms  "
                f"{figures['errors']} err"
            )
    out.append("")
    out.append("Targets (issue 20, a county on the province database):")
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
