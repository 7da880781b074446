"""python -m bench.load OUT.json [--users 300] [--seconds 300] [--servers 1]: start gunicorn on
127.0.0.1 (2 × cores + 1 sync workers each, DEBUG off, the bench database) and a job worker
beside each server, log every simulated user in through the login form (CSRF and all), then let
them work for a while, each pausing 5–15 s between clicks (bench.load_users: clerks, member
units, offices and leaders in counties over the province), and stop everything. With two
servers each user's requests alternate between them, on one database: a session started on
one is checked to work on the other first. Loopback only; bounded in time; every request has a
timeout."""

import argparse
import contextlib
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
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

from bench.db import ROOT
from bench.stats import percentile

HOST = "127.0.0.1"
TIMEOUT = 30
MAX_REQUESTS = 200_000  # a bound on the count as well as on the time
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Session:
    """Cookies kept by hand (the server sets them Secure, as in production); each request goes
    to the next of the ports, so a user's clicks alternate between the app servers."""

    def __init__(self, ports: list[int], cookies: dict | None = None):
        self.ports, self.cookies, self.turn = list(ports), dict(cookies or {}), 0

    def request(self, method: str, path: str, body: dict | None = None, port: int | None = None):
        if port is None:
            port = self.ports[self.turn % len(self.ports)]
            self.turn += 1
        conn = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT)
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

    def login(self, username: str, password: str, port: int | None = None) -> None:
        port = port or self.ports[0]
        status, content = self.request("GET", "/accounts/login/", port=port)
        token = TOKEN.search(content.decode())
        if status != 200 or not token:
            raise RuntimeError(f"login page answered {status}")
        form = {"username": username, "password": password, "csrfmiddlewaretoken": token[1]}
        status, _ = self.request("POST", "/accounts/login/", form, port=port)
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"login as {username} failed ({status})")


def session_shared(ports: list[int], username: str, password: str) -> dict:
    """Log in on the first server and use the session on every one: the home page answers 200
    on each (a stranger is sent to the login page on each)."""
    stranger = Session(ports)
    found = {}
    for port in ports:
        found[f"{port} without a session"] = stranger.request("GET", "/", port=port)[0]
    user = Session(ports)
    user.login(username, password, port=ports[0])
    for port in ports:
        found[f"{port} with the session of {ports[0]}"] = user.request("GET", "/", port=port)[0]
    ok = all(
        status == (200 if "with the session" in name else 302) for name, status in found.items()
    )
    if not ok:
        raise RuntimeError(f"a session does not carry from one server to the other: {found}")
    return found


def log_in_all(ports, users, password) -> dict[str, Session]:
    """Every user's session, logged in a few at a time before the clock starts."""

    def one(numbered):
        n, user = numbered
        session = Session(ports)
        session.login(user.username, password, port=ports[n % len(ports)])
        return user.username, session

    with ThreadPoolExecutor(max_workers=8) as pool:
        return dict(pool.map(one, enumerate(users)))


def user_loop(user, session, deadline, rng, record, think):
    """One user: arrives within the first pause, then clicks, reads for 5–15 s, clicks …"""
    low, high = think
    time.sleep(min(rng.uniform(0, high), max(0.0, deadline - time.monotonic())))
    kinds, weights = zip(*user.pages(), strict=True)
    while time.monotonic() < deadline:
        kind = rng.choices(kinds, weights)[0]
        method, path, body, expect = user.request(kind, rng, session.cookies.get("csrftoken", ""))
        started = time.monotonic()
        try:
            status, _ = session.request(method, path, body)
            error = None if status == expect else f"{method} {path} answered {status}"
        except (OSError, http.client.HTTPException) as exc:
            error = f"{method} {path}: {exc!r}"
        if not record(kind, started, time.monotonic() - started, error):
            return
        time.sleep(min(rng.uniform(low, high), max(0.0, deadline - time.monotonic())))


def sessions_for(ports, users, password, path: str | None) -> dict[str, Session]:
    """Every user's session: those a previous load test on the same database kept in path
    (sessions live in the database, so they serve on any server), else logged in now (300
    logins take minutes of password hashing on 2 cores) and kept there."""
    if path and os.path.exists(path):
        with open(path) as handle:
            kept = json.load(handle)
        if all(u.username in kept for u in users):
            sessions = {u.username: Session(ports, kept[u.username]) for u in users}
            # Kept under another SECRET_KEY they would send everyone to the login page.
            if all(s.request("GET", "/", port=ports[0])[0] == 200 for s in sessions.values()):
                return sessions
    sessions = log_in_all(ports, users, password)
    if path:
        with open(path, "w") as handle:
            json.dump({name: s.cookies for name, s in sessions.items()}, handle)
    return sessions


def run_load(ports, users, seconds: float, think=(5.0, 15.0), kept: str | None = None) -> dict:
    from bench.dataset import PASSWORD

    sessions = sessions_for(ports, users, PASSWORD, kept)
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
            target=user_loop,
            args=(user, sessions[user.username], deadline, random.Random(n), record, think),
            daemon=True,
        )
        for n, user in enumerate(users)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()) + TIMEOUT + 10)
    wall = time.monotonic() - begin
    return summarise(samples, errors, seconds, wall, len(users), deadline)


def summarise(samples, errors, seconds, wall, users, deadline) -> dict:
    """Latencies of every request started in the window; throughput of those it completed
    (requests still running at the deadline finish, and count in the latencies only)."""
    latencies = sorted(s[2] * 1000 for s in samples)
    by_kind = defaultdict(list)
    for kind, _started, elapsed, error in samples:
        by_kind[kind].append((elapsed * 1000, error))
    failed = [s for s in samples if s[3]]
    return {
        "users": users,
        "seconds": seconds,
        "wall_s": round(wall, 1),
        "requests": len(samples),
        "throughput_rps": round(sum(1 for s in samples if s[1] + s[2] <= deadline) / seconds, 1),
        "p50_ms": round(percentile(latencies, 50), 1),
        "p95_ms": round(percentile(latencies, 95), 1),
        "p99_ms": round(percentile(latencies, 99), 1),
        "max_ms": round(latencies[-1], 1) if latencies else None,
        "errors": len(failed),
        "error_kinds": dict(errors),
        "error_samples": sorted({s[3] for s in failed})[:5],
        "by_kind": {
            kind: {
                "requests": len(rows),
                "p50_ms": round(percentile(sorted(r[0] for r in rows), 50), 1),
                "p95_ms": round(percentile(sorted(r[0] for r in rows), 95), 1),
                "max_ms": round(max(r[0] for r in rows), 1),
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
            if Session([port]).request("GET", "/accounts/login/")[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.1)
    stop_server(server)
    raise RuntimeError(f"gunicorn did not answer within 30 s; see {log_path}")


def start_worker(log_path: str) -> subprocess.Popen:
    """A job worker (manage.py qcluster, as make run starts it) on the same database."""
    log = open(log_path, "w")  # noqa: SIM115  (closed with the worker)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    worker.log = log
    time.sleep(1)
    if worker.poll() is not None:
        raise RuntimeError(f"the job worker exited ({worker.returncode}); see {log_path}")
    return worker


def stop_server(server: subprocess.Popen) -> None:
    """Stop a server or worker this module started, and the processes it started (its own
    session's process group)."""
    if server.poll() is None:
        # To the first process only: gunicorn's master and the job cluster each stop their own
        # processes. A job cluster whose children are signalled with it hangs until killed.
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGKILL)  # whatever it left behind
    server.wait()
    server.log.close()


def main() -> None:
    import django

    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--think", default="5-15", help="a user's pause between clicks, s")
    parser.add_argument("--servers", type=int, default=1, help="app servers (and job workers)")
    parser.add_argument("--log", default=os.devnull, help="gunicorn's log; N is added per server")
    parser.add_argument("--visit-day", default="2016-03-15", help="the day visits are dated")
    parser.add_argument("--sessions", help="a file keeping the users' sessions between runs")
    args = parser.parse_args()
    think = tuple(float(t) for t in args.think.split("-"))
    django.setup()
    from bench.dataset import PASSWORD
    from bench.load_users import ROLES, counts, simulated_users

    users = simulated_users(args.users, args.visit_day)
    workers = 2 * (os.cpu_count() or 1) + 1
    ports = [free_port() for _ in range(args.servers)]
    started = []
    try:
        for n, port in enumerate(ports):
            log = args.log if n == 0 or args.log == os.devnull else f"{args.log}.{n + 1}"
            started.append(start_server(port, workers, log))
            started.append(start_worker(os.devnull))
        shared = session_shared(ports, users[0].username, PASSWORD)
        begin = time.monotonic()
        result = run_load(ports, users, args.seconds, think, args.sessions)
    finally:
        for process in reversed(started):
            stop_server(process)
    result.update(
        servers=args.servers,
        workers_per_server=workers,
        job_workers=args.servers,
        server="gunicorn (sync)",
        think_s=list(think),
        counties=len({u.county for u in users}),
        roles=counts(args.users),
        pages={role: dict(pages) for role, (_share, pages) in ROLES.items()},
        session_shared=shared,
        setup_s=round(time.monotonic() - begin - result["wall_s"], 1),
    )
    with open(args.out, "w") as handle:
        json.dump(result, handle, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
