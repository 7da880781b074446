"""The year-end workbook against the fastest raw writer of the same styled cells: XlsxWriter in
constant-memory mode writing the cells (values and formats) read back from the workbook itself.
Raw openpyxl write-only writing the same values plain, the first bench's baseline, is measured
alongside. Each run in a fresh process (bench.isolated), the three alternating."""

import statistics

from bench.baselines import dump_values
from bench.imports import combine, isolated, workdir

YEAR = "2015"  # the campaign's full year: the longest ledger sheet


def _median_ms(runs: list[dict], key: str) -> float:
    return round(statistics.median(r[key] for r in runs) * 1000, 1)


def measure_workbook(runs: int) -> dict:
    import reports.yearend  # noqa: F401  (skipped until the reports code lands)

    folder = workdir()
    out, cells, raw = folder / "yearend.xlsx", folder / "yearend.cells", folder / "raw.xlsx"
    page = [isolated("yearend", YEAR, str(out))]
    shape = dump_values(out, cells)
    baseline = [isolated("yearend-baseline", str(cells), str(raw))]
    plain = [isolated("yearend-plain", str(cells), str(raw))]
    for _ in range(runs - 1):
        page.append(isolated("yearend", YEAR, str(out)))
        baseline.append(isolated("yearend-baseline", str(cells), str(raw)))
        plain.append(isolated("yearend-plain", str(cells), str(raw)))
    return {
        "year": YEAR,
        **shape,
        "size_kb": out.stat().st_size // 1024,
        "page": {
            "name": f"year-end workbook {YEAR}",
            **combine(page),
            "reading_ms": _median_ms(page, "reading_s"),
            "writing_ms": _median_ms(page, "writing_s"),
        },
        "baseline": {
            "name": "raw XlsxWriter constant_memory, same styled cells",
            **combine(baseline),
        },
        "openpyxl_plain": {"name": "raw openpyxl write-only, values plain", **combine(plain)},
    }
