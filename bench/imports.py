"""The Excel import of a 20,000-row template, against reading the same file and bulk-creating the
same rows: each run in a fresh process (bench.isolated), the two alternating. The measured
county's first township's clerk imports into its township."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.stats import summary


def workdir() -> Path:
    path = Path(os.environ.get("BENCH_WORKDIR") or tempfile.mkdtemp(prefix="bench-"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def isolated(*args: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "bench.isolated", *args],
        capture_output=True,
        text=True,
        env=os.environ,
    )
    if result.returncode:
        raise RuntimeError(f"bench.isolated {args[0]} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def template_file() -> Path:
    from bench.import_file import ROWS, build

    path = workdir() / f"import-{ROWS}.xlsx"
    if not path.exists():
        build(path)
    return path


def combine(runs: list[dict]) -> dict:
    return {
        **summary([r["seconds"] for r in runs]),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
        "start_rss_mb": min(r["start_rss_mb"] for r in runs),
        "rows": runs[0].get("rows"),
    }


def measure_import(runs: int) -> dict:
    from bench.county import measured_county

    path = str(template_file())
    clerk = measured_county().clerk  # imports into its township, the county's first
    page, baseline = [], []
    for _ in range(runs):
        page.append(isolated("import", path, clerk))
        baseline.append(isolated("import-baseline", path, clerk))
    return {
        "file": path,
        "size_kb": os.path.getsize(path) // 1024,
        "page": {"name": "import 20,000 rows", **combine(page)},
        "baseline": {"name": "read + bulk_create", **combine(baseline)},
    }
