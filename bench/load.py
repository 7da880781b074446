"""python -m bench.load OUT.json [--clients 50] [--seconds 60]: start gunicorn on 127.0.0.1
(2 × cores + 1 sync workers, DEBUG off, the bench database), log in through the login form
(CSRF and all), then let the clients request a mix of ledger, dashboard, household and case
pages and post progress reports for a while, and stop everything. Loopback only; bounded in
time; every request has a timeout."""

import argparse
import http.client
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from datetime import date
from urllib.parse import urlencode

from bench.stats import percentile

HOST = "127.0.0.1"
TIMEOUT = 30
MAX_REQUESTS = 100_000  # a bound on the count as well as on the time
MIX = [  # (kind, weight)
    ("ledger", 30),
    ("case", 25),
    ("household", 25),
    ("dashboard", 10),
    ("progress post", 10),
]
STATUSES = ["registered", "assigned", "in_progress", "resolved", "returned", "closed"]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Session:
    """Cookies kept by hand (the server sets them Secure, as in production)."""

    def __init__(self, port: int, cookies: dict | None = None):
        self.port, self.cookies = port, dict(cookies or {})

    def request(self, method: str, path: str, body: dict | None = None):
        conn = http.client.HTTPConnection(HOST, self.port, timeout=TIMEOUT)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=data, headers=headers)
            response = conn.getresponse()
            content = response.read()
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
            return response.status, content
        finally:
            conn.close()

    def login(self, username: str, password: str) -> None:
        status, content = self.request("GET", "/accounts/login/")
        token = TOKEN.search(content.decode())
        if status != 200 or not token:
            raise RuntimeError(f"login page answered {status}")
        form = {"username": username, "password": password, "csrfmiddlewaretoken": token[1]}
        status, _ = self.request("POST", "/accounts/login/", form)
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"login as {username} failed ({status})")


def targets() -> dict:
    """Who logs in and which ids to request, read from the bench database: the measured
    county's office and member units, its households and cases (the generator gives a county's
    rows consecutive ids)."""
    import django

    django.setup()
    from django.db.models import Max, Min

    from bench.county import measured_county
    from campaign.models import User
    from grievances.models import Case
    from outreach.models import Household

    county = measured_county()
    households = Household.objects.in_county(county.area).aggregate(lo=Min("pk"), hi=Max("pk"))
    cases = Case.objects.filter(campaign=county.campaign).aggregate(lo=Min("pk"), hi=Max("pk"))
    posters = {}
    for user in User.objects.filter(username__in=county.members[:10]).order_by("username"):
        mine = Case.objects.filter(lead_unit_id=user.unit_id, status="in_progress")
        posters[user.username] = list(mine.values_list("pk", flat=True)[:200])
    return {"office": county.office, "households": households, "cases": cases, "posters": posters}


def client_loop(port, office, posters, ids, deadline, rng, record, think):
    sessions = {"office": Session(port, office)}
    sessions.update({name: Session(port, cookies) for name, (cookies, _) in posters.items()})
    kinds, weights = zip(*MIX, strict=True)
    while time.monotonic() < deadline:
        kind = rng.choices(kinds, weights)[0]
        session, method, body, expect = sessions["office"], "GET", None, 200
        if kind == "ledger":
            path = f"/ledger/?status={rng.choice(STATUSES)}&page={rng.randint(1, 20)}"
        elif kind == "case":
            path = f"/ledger/cases/{rng.randint(ids['cases']['lo'], ids['cases']['hi'])}/"
        elif kind == "household":
            pk = rng.randint(ids["households"]["lo"], ids["households"]["hi"])
            path = f"/outreach/households/{pk}/"
        elif kind == "dashboard":
            path = "/reports/"
        else:
            name = rng.choice(sorted(posters))
            session, method, expect = sessions[name], "POST", 302
            path = f"/ledger/cases/{rng.choice(posters[name][1])}/progress/"
            body = {
                "csrfmiddlewaretoken": session.cookies["csrftoken"],
                "progress-on": date(2016, 3, 15).isoformat(),
                "progress-note": "负载测试：已电话回访，正在协调落实。",
            }
        started = time.monotonic()
        try:
            status, _ = session.request(method, path, body)
            error = None if status == expect else f"{method} {path} answered {status}"
        except (OSError, http.client.HTTPException) as exc:
            status, error = None, f"{method} {path}: {exc!r}"
        if not record(kind, started, time.monotonic() - started, error):
            return
        if think:  # a user reading the page before the next click
            time.sleep(min(rng.expovariate(1 / think), max(0.0, deadline - time.monotonic())))


def run_load(port: int, clients: int, seconds: float, ids: dict, think: float = 0) -> dict:
    from bench.dataset import PASSWORD

    office = Session(port)
    office.login(ids["office"], PASSWORD)
    posters = {}
    for name, cases in ids["posters"].items():
        if cases:
            session = Session(port)
            session.login(name, PASSWORD)
            posters[name] = (session.cookies, cases)
    lock, samples, errors = threading.Lock(), [], defaultdict(int)

    def record(kind, started, elapsed, error):
        with lock:
            samples.append((kind, started, elapsed, error))
            if error:
                errors[error.split(" answered ")[-1] if " answered " in error else "exception"] += 1
            return len(samples) < MAX_REQUESTS

    begin = time.monotonic()
    deadline = begin + seconds
    threads = [
        threading.Thread(
            target=client_loop,
            args=(port, office.cookies, posters, ids, deadline, random.Random(n), record, think),
            daemon=True,
        )
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + TIMEOUT + 10)
    wall = time.monotonic() - begin
    return summarise(samples, errors, seconds, wall, clients, deadline)


def summarise(samples, errors, seconds, wall, clients, deadline) -> dict:
    """Latencies of every request started in the window; throughput of those it completed
    (requests still running at the deadline finish, and count in the latencies only)."""
    latencies = sorted(s[2] * 1000 for s in samples)
    by_kind = defaultdict(list)
    for kind, _started, elapsed, error in samples:
        by_kind[kind].append((elapsed * 1000, error))
    failed = [s for s in samples if s[3]]
    return {
        "clients": clients,
        "seconds": seconds,
        "wall_s": round(wall, 1),
        "requests": len(samples),
        "throughput_rps": round(sum(1 for s in samples if s[1] + s[2] <= deadline) / seconds, 1),
        "p50_ms": round(percentile(latencies, 50), 1),
        "p95_ms": round(percentile(latencies, 95), 1),
        "p99_ms": round(percentile(latencies, 99), 1),
        "errors": len(failed),
        "error_kinds": dict(errors),
        "error_samples": sorted({s[3] for s in failed})[:5],
        "by_kind": {
            kind: {
                "requests": len(rows),
                "p50_ms": round(percentile(sorted(r[0] for r in rows), 50), 1),
                "p95_ms": round(percentile(sorted(r[0] for r in rows), 95), 1),
                "errors": sum(1 for r in rows if r[1]),
            }
            for kind, rows in sorted(by_kind.items())
        },
    }


def start_server(port: int, workers: int, log_path: str) -> subprocess.Popen:
    log = open(log_path, "w")  # noqa: SIM115  (closed with the server)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "shuangyong.wsgi:application"]
        + ["--bind", f"{HOST}:{port}", "--workers", str(workers), "--timeout", "60"]
        + ["--no-control-socket"],
        env={**os.environ, "ALLOWED_HOSTS": HOST},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server.log = log
    for _ in range(300):
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({server.returncode}); see {log_path}")
        try:
            if Session(port).request("GET", "/accounts/login/")[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.1)
    stop_server(server)
    raise RuntimeError(f"gunicorn did not answer within 30 s; see {log_path}")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)  # the master stops its workers
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    server.log.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=0, help="mean pause between requests")
    parser.add_argument("--log", default=os.devnull)
    args = parser.parse_args()
    ids = targets()
    workers = 2 * (os.cpu_count() or 1) + 1
    port = free_port()
    server = start_server(port, workers, args.log)
    try:
        result = run_load(port, args.clients, args.seconds, ids, args.think)
    finally:
        stop_server(server)
    result.update(workers=workers, server="gunicorn (sync)", think_s=args.think, mix=dict(MIX))
    with open(args.out, "w") as handle:
        json.dump(result, handle, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
