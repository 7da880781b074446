"""python -m bench.measure SIZE OUT.json [--runs N] [--only NAME,…]: every in-process measurement
at one size, against the database DATABASE_URL names. Each measurement is a function; those
whose code has not landed yet (an import fails) are reported as skipped."""

import argparse
import json
import sys
import time
import traceback


def pages(runs: int) -> list[dict]:
    from bench.pages import detail_pages, ledger_pages, measure

    return [measure(page, runs) for page in ledger_pages() + detail_pages()]


def reports(runs: int) -> list[dict]:
    from bench.reports import report_measurements

    return report_measurements(runs)


def workbook(runs: int) -> dict:
    from bench.workbook import measure_workbook

    return measure_workbook(max(2, runs // 2))


def imports(runs: int) -> dict:
    from bench.imports import measure_import

    return measure_import(max(2, runs // 2))


MEASUREMENTS = {"pages": pages, "reports": reports, "workbook": workbook, "import": imports}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("size")
    parser.add_argument("out")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", default="")
    args = parser.parse_args()

    import django

    django.setup()
    chosen = [name for name in MEASUREMENTS if not args.only or name in args.only.split(",")]
    results = {"size": args.size, "measurements": {}, "skipped": {}}
    for name in chosen:
        started = time.perf_counter()
        print(f"  [{args.size}] {name} …", file=sys.stderr, flush=True)
        try:
            results["measurements"][name] = MEASUREMENTS[name](args.runs)
        except ModuleNotFoundError as exc:
            results["skipped"][name] = f"not available: {exc}"
        except Exception as exc:  # one failed measurement must not lose the others
            traceback.print_exc()
            results["skipped"][name] = f"failed: {exc!r}"
        print(
            f"  [{args.size}] {name} done in {time.perf_counter() - started:.0f} s",
            file=sys.stderr,
            flush=True,
        )
    with open(args.out, "w") as handle:
        json.dump(results, handle, ensure_ascii=False, indent=1, default=str)


if __name__ == "__main__":
    main()
