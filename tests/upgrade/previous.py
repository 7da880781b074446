"""A database built by an earlier version of the app, for upgrade tests: that commit's code is
taken from git, its own `manage.py` builds the database, and this checkout then migrates it.

Every command runs in a subprocess, so two versions of the same modules never share a process.
The database is a scratch one beside the suite's: a SQLite file, or on PostgreSQL a database of
its own on the same server, dropped afterwards. The earlier code runs on this checkout's
interpreter, which holds as long as the requirements have not changed since that commit."""

import json
import os
import secrets
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = Path(__file__).resolve().parent / "scripts"
PYTHON = ROOT / ".venv" / "bin" / "python"
MARKER = "UPGRADE-READ "
TIMEOUT = 900  # seconds for one command; the demo county takes well under a minute


def code_at(commit: str, dest: Path) -> Path:
    """That commit's tree, extracted into dest (no .git): the code of the earlier version."""
    known = subprocess.run(
        ["git", "-C", str(ROOT), "cat-file", "-e", f"{commit}^{{commit}}"],
        capture_output=True,
        text=True,
    )
    if known.returncode:
        pytest.fail(
            f"Commit {commit} is not in the repository at {ROOT}: the upgrade test builds its "
            "database with that commit's code, so it needs the full history "
            "(git fetch --unshallow)."
        )
    archive = dest.with_suffix(".tar")
    subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--output", str(archive), commit], check=True
    )
    with tarfile.open(archive) as tar:
        tar.extractall(dest, filter="data")
    archive.unlink()
    return dest


@contextmanager
def scratch_database(tmp_dir: Path) -> Iterator[str]:
    """The DATABASE_URL of an empty database of the suite's kind, gone after the block."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_dir / 'upgrade.sqlite3'}"
        return
    assert connection.vendor == "postgresql", connection.vendor
    params = connection.get_connection_params()
    server = {k: v for k, v in params.items() if k in ("host", "port", "user", "password")}
    name = f"sy_upgrade_{secrets.token_hex(4)}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        user = quote(server.get("user") or "", safe="")
        password = f":{quote(server['password'], safe='')}" if server.get("password") else ""
        host = server.get("host") or "127.0.0.1"
        yield f"postgres://{user}{password}@{host}:{server.get('port') or 5432}/{name}"
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(code: Path, url: str, *args: str, env: dict | None = None) -> str:
    """Run that code's `manage.py` on the database at url; its output, or fail showing why."""
    environ = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "shuangyong.settings",
        "DATABASE_URL": url,
        **(env or {}),
    }
    python = PYTHON if PYTHON.exists() else Path(sys.executable)
    done = subprocess.run(
        [str(python), "manage.py", *args],
        cwd=code,
        env=environ,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    if done.returncode:
        pytest.fail(
            f"manage.py {args[0]} of {code} exited with {done.returncode}:\n"
            f"{done.stdout[-2000:]}\n{done.stderr[-6000:]}",
            pytrace=False,
        )
    return done.stdout


def run(code: Path, url: str, script: str, env: dict | None = None) -> str:
    """Run one of scripts/ through that code's `manage.py shell`."""
    return manage(code, url, "shell", "-v0", "-c", (SCRIPTS / script).read_text(), env=env)


def read(code: Path, url: str, script: str, env: dict | None = None) -> dict:
    """What one of scripts/ printed on its MARKER line, run through that code."""
    output = run(code, url, script, env=env)
    lines = [line for line in output.splitlines() if line.startswith(MARKER)]
    assert len(lines) == 1, f"{script} printed no {MARKER.strip()} line:\n{output[-2000:]}"
    return json.loads(lines[0].removeprefix(MARKER))
