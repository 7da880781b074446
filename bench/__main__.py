"""python -m bench (make bench): recreate the bench databases, generate a county and a province
(areas, two campaigns per county, then the rows), measure one county's pages in both, load-test
the province with its users in many counties, on one app server and then on two, print the
table and write it as JSON under bench/results/.

Options: --sizes county,province  --runs 7  --reuse (keep the generated databases)
         --users 300  --seconds 300  --think 5-15 (a user's pause between clicks, s)
         --servers 1,2 (a load test for each number of app servers)  --no-load"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from bench import db, stats
from bench.report import render, rows, targets

RESULTS = Path(__file__).resolve().parent / "results"


class Clock:
    def __init__(self):
        self.started = time.monotonic()
        self.steps = {}

    def step(self, name: str, work):
        print(f"[{time.monotonic() - self.started:6.0f} s] {name} …", file=sys.stderr, flush=True)
        began = time.monotonic()
        result = work()
        self.steps[name] = round(time.monotonic() - began, 1)
        return result


def prepare(size: str, key: str, clock: Clock) -> dict:
    env = db.environment(size, key)
    clock.step(f"{size}: create database {db.db_name(size)}", lambda: db.recreate(db.db_name(size)))
    clock.step(f"{size}: migrate", lambda: db.run(["manage.py", "migrate", "--noinput"], env))
    out = clock.step(f"{size}: generate", lambda: db.run(["-m", "bench.generate", size], env))
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(size: str, key: str, runs: int, workdir: str, clock: Clock, only: str = "") -> dict:
    env = db.environment(size, key, BENCH_WORKDIR=workdir)
    out = Path(workdir) / f"measure-{size}.json"
    args = ["-m", "bench.measure", size, str(out), "--runs", str(runs), "--only", only]
    clock.step(f"{size}: measure {only or 'all'}", lambda: db.run(args, env, quiet=False))
    return json.loads(out.read_text())


# The pages are measured in rounds, the sizes taking turns, so that a slower spell of the
# machine (it is shared) falls on both sizes alike rather than on whichever ran then: the
# province ÷ county ratios are the targets most open to it.
ROUNDS = 3
PAGES = "pages,reports"
HEAVY = "workbook,import"


def measure_all(sizes, key, runs, workdir, clock) -> dict:
    per_round = max(2, -(-runs // ROUNDS))
    rounds = [
        {size: measure(size, key, per_round, workdir, clock, PAGES) for size in sizes}
        for _ in range(ROUNDS)
    ]
    results = {size: measure(size, key, runs, workdir, clock, HEAVY) for size in sizes}
    for size in sizes:
        measured, skipped = results[size]["measurements"], results[size]["skipped"]
        for name in PAGES.split(","):
            runs_of = [r[size]["measurements"].get(name) for r in rounds]
            if all(runs_of):
                measured[name] = merge_rounds(runs_of)
            for r in rounds:
                skipped.update(r[size]["skipped"])
    return results


def merge_rounds(rounds: list[list[dict]]) -> list[dict]:
    """The rounds of one size's page measurements as one: each page's and baseline's samples
    pooled; its query count the highest any round counted."""
    merged = []
    for entries in zip(*rounds, strict=True):
        entry = dict(entries[-1])
        for part in ("page", "baseline"):
            if part in entry:
                entry[part] = {
                    **entries[-1][part],
                    **stats.pooled([e[part] for e in entries]),
                    "queries": max(e[part]["queries"] for e in entries),
                }
        if "baseline_matches" in entry:
            entry["baseline_matches"] = all(e["baseline_matches"] for e in entries)
        merged.append(entry)
    return merged


def load_test(key: str, args, servers: int, workdir: str, clock: Clock) -> dict:
    env = db.environment("province", key)
    out = Path(workdir) / f"load-{servers}.json"
    log = RESULTS / f"gunicorn-latest-{servers}.log"
    command = ["-m", "bench.load", str(out), "--users", str(args.users), "--servers", str(servers)]
    command += ["--seconds", str(args.seconds), "--think", args.think, "--log", str(log)]
    # The users log in once (minutes of password hashing); the next load test reuses them.
    command += ["--sessions", str(Path(workdir) / "sessions.json")]
    # A unit records one visit a household a day: each load test's visits on a day of its own.
    command += ["--visit-day", (date.fromisoformat(db.TODAY) - timedelta(servers - 1)).isoformat()]
    try:
        clock.step(
            f"load test: {args.users} users, {args.seconds:.0f} s, {servers} app server(s)",
            lambda: db.run(command, env),
        )
    except SystemExit as failed:  # the table measured so far is still printed and kept
        return {"servers": servers, "users": args.users, "failed": str(failed)}
    return json.loads(out.read_text())


def machine() -> dict:
    version = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=db.ROOT
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
        cwd=db.ROOT,
    ).stdout.strip()
    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "commit": version + ("+changes" if dirty else ""),
        "load_average": os.getloadavg(),
        "pgoptions": os.environ.get("PGOPTIONS", ""),
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--sizes", default="county,province")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--reuse", action="store_true", help="keep the generated databases")
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--think", default="5-15", help="load test: a user's pause, s")
    parser.add_argument("--servers", default="1,2", help="load test: app servers, each run")
    parser.add_argument("--no-load", action="store_true")
    args = parser.parse_args()
    sizes = args.sizes.split(",")
    clock, key = Clock(), db.new_secret_key()
    started = datetime.now().astimezone()
    report = {"started": started.isoformat(timespec="seconds"), "machine": machine()}
    workdir = tempfile.mkdtemp(prefix="shuangyong-bench-")
    try:
        if not args.reuse:
            report["generated"] = {size: prepare(size, key, clock) for size in sizes}
        env = db.environment(sizes[-1], key)
        clock.step(
            "collectstatic", lambda: db.run(["manage.py", "collectstatic", "--noinput"], env)
        )
        results = measure_all(sizes, key, args.runs, workdir, clock)
        load = None
        if not args.no_load and "province" in sizes:
            load = [load_test(key, args, int(n), workdir, clock) for n in args.servers.split(",")]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    table = rows(results)
    checks = targets(table, load)
    skipped = {
        f"{size}: {name}": why for size, r in results.items() for name, why in r["skipped"].items()
    }
    report.update(
        finished=datetime.now().astimezone().isoformat(timespec="seconds"),
        steps_s=clock.steps,
        table=table,
        load=load,
        targets=checks,
        skipped=skipped,
        results=results,
    )
    report["machine"]["load_average_after"] = os.getloadavg()
    text = render(table, load, checks, skipped)
    print("\n" + text)
    RESULTS.mkdir(exist_ok=True)
    name = RESULTS / f"bench-{started:%Y%m%d-%H%M%S}.json"
    name.write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str))
    (RESULTS / "latest.json").write_text(name.read_text())
    print(f"\nWritten to {name.relative_to(db.ROOT)} and bench/results/latest.json", flush=True)
    print(f"Total {time.monotonic() - clock.started:.0f} s.", flush=True)


if __name__ == "__main__":
    main()
