"""Real workers (`manage.py qcluster`, django-q2 on the database) on a database of their own:
one killed in the middle of a 3,000-row import, whose job a second worker runs again to the
end, once; two clusters of workers racing for the same 24 jobs, each run once. On SQLite and
on PostgreSQL, as the test run's database is."""

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


class WorkerDatabase:
    def __init__(self, tmp_path: Path):
        self.postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
        if self.postgres:
            self.name = f"shuangyong_worker_{uuid.uuid4().hex[:10]}"
            with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{self.name}"')
            self.url = f"postgres://postgres@127.0.0.1:5432/{self.name}"
        else:
            self.path = tmp_path / "worker.sqlite3"
            self.url = f"sqlite:///{self.path}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "shuangyong.settings",
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": self.url,
            "MEDIA_ROOT": str(tmp_path / "media"),
            "TODAY": "2015-06-15",
            # A job not acknowledged within JOB_RETRY seconds is handed out again.
            "JOB_TIMEOUT": "40",
            "JOB_RETRY": "45",
            "JOB_POLL": "0.2",
        }
        self.env.pop("JOBS_RUN_INLINE", None)
        self.clusters = []

    def manage(self, *args) -> str:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def seed(self, command: str, count: int) -> list[int]:
        out = subprocess.run(
            [sys.executable, "-m", "tests.jobs.worker_setup", command, str(count)],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return [int(line) for line in out.split()]

    def cluster(self, workers: int, log: Path) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            cwd=ROOT,
            env={**self.env, "JOB_WORKERS": str(workers)},
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, to be killed whole
        )
        self.clusters.append(process)
        return process

    def rows(self, sql: str) -> list[tuple]:
        if self.postgres:
            with psycopg.connect(self.url.replace("postgres://", "postgresql://")) as db:
                return db.execute(sql).fetchall()
        with sqlite3.connect(self.path, timeout=30) as db:
            return db.execute(sql).fetchall()

    def jobs(self) -> list[dict]:
        columns = ["id", "status", "attempts", "done", "total", "stage", "error"]
        found = self.rows(f"SELECT {', '.join(columns)} FROM jobs_job ORDER BY id")
        return [dict(zip(columns, row, strict=True)) for row in found]

    def wait(self, until, seconds: float, what: str):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            found = until()
            if found:
                return found
            time.sleep(0.2)
        raise AssertionError(f"waited {seconds} s for {what}: {json.dumps(self.jobs())}")

    def close(self):
        # SIGTERM to the cluster's first process only, as `make run` and systemd's
        # KillMode=mixed send it: the cluster then stops its own processes in about a second.
        # Sent to the whole group, its children die at once and it hangs waiting on them.
        for process in self.clusters:
            if process.poll() is None:
                process.terminate()
        for process in self.clusters:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                pass
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # whatever it left behind
        if self.postgres:
            with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture
def worker_db(tmp_path):
    database = WorkerDatabase(tmp_path)
    try:
        database.manage("migrate", "--noinput")
        yield database
    finally:
        database.close()


def test_a_job_whose_worker_is_killed_runs_again_to_the_end_once(worker_db, tmp_path):
    [job_id] = worker_db.seed("import", 3000)
    first = worker_db.cluster(1, tmp_path / "first.log")
    # Killed as soon as it has started: reading, checking and writing 3,000 rows take seconds.
    worker_db.wait(
        lambda: worker_db.jobs()[0]["status"] == "running",
        120,
        "the first worker to start the import",
    )
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    [job] = worker_db.jobs()
    assert job["status"] == "running" and job["attempts"] == 1
    assert worker_db.rows("SELECT COUNT(*) FROM outreach_household") == [(0,)]

    worker_db.cluster(1, tmp_path / "second.log")
    [job] = worker_db.wait(
        lambda: [j for j in worker_db.jobs() if j["status"] in ("done", "failed")],
        240,
        "the second worker to finish the import",
    )
    assert (job["status"], job["attempts"]) == ("done", 2), job
    assert worker_db.rows("SELECT COUNT(*) FROM outreach_household") == [(1000,)]
    assert worker_db.rows("SELECT COUNT(*) FROM outreach_person") == [(3000,)]


def test_two_clusters_racing_for_the_same_jobs_run_each_once(worker_db, tmp_path):
    ids = worker_db.seed("exports", 24)
    worker_db.cluster(2, tmp_path / "a.log")
    worker_db.cluster(2, tmp_path / "b.log")
    jobs = worker_db.wait(
        lambda: (found := worker_db.jobs()) and all(j["status"] == "done" for j in found) and found,
        240,
        "both clusters to run every job",
    )
    assert [j["id"] for j in jobs] == ids
    assert {j["attempts"] for j in jobs} == {1}
    # One result per job in the queue's own record, and nothing left queued. A cluster's monitor
    # writes the result and acknowledges the task just after the job has marked itself done.
    settled = worker_db.wait(
        lambda: (
            worker_db.rows("SELECT COUNT(*) FROM django_q_ormq") == [(0,)]
            and worker_db.rows("SELECT COUNT(*) FROM django_q_task WHERE success") == [(24,)]
        ),
        60,
        "every result recorded and the queue empty",
    )
    assert settled
    assert worker_db.rows("SELECT COUNT(*) FROM django_q_task WHERE success") == [(24,)]
