"""The year-end workbook against raw openpyxl write-only writing the same cell values (read back
from the workbook itself): each run in a fresh process (bench.isolated), the two alternating."""

from bench.baselines import dump_values
from bench.imports import combine, isolated, workdir

YEAR = "2015"  # the campaign's full year: the longest ledger sheet


def measure_workbook(runs: int) -> dict:
    import reports.yearend  # noqa: F401  (skipped until the reports code lands)

    folder = workdir()
    out, values, raw = folder / "yearend.xlsx", folder / "yearend.values", folder / "raw.xlsx"
    page = [isolated("yearend", YEAR, str(out))]
    shape = dump_values(out, values)
    baseline = [isolated("yearend-baseline", str(values), str(raw))]
    for _ in range(runs - 1):
        page.append(isolated("yearend", YEAR, str(out)))
        baseline.append(isolated("yearend-baseline", str(values), str(raw)))
    return {
        "year": YEAR,
        **shape,
        "size_kb": out.stat().st_size // 1024,
        "page": {"name": f"year-end workbook {YEAR}", **combine(page)},
        "baseline": {"name": "raw openpyxl write-only", **combine(baseline)},
    }
