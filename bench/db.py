"""The bench's own PostgreSQL databases and the environment its processes run in. Only databases
named shuangyong_bench_* are ever dropped or created; BENCH_PREFIX (itself shuangyong_bench_…)
keeps two runs on one server apart."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
BASE = "shuangyong_bench"
PREFIX = os.environ.get("BENCH_PREFIX", BASE)
if not PREFIX.startswith(BASE):
    raise SystemExit(f"BENCH_PREFIX must start with {BASE}")
TODAY = "2016-03-15"


def db_name(size: str) -> str:
    return f"{PREFIX}_{size}"


def db_url(size: str) -> str:
    return f"{SERVER}/{db_name(size)}"


def recreate(name: str) -> None:
    import psycopg
    from psycopg import sql

    if not name.startswith(BASE + "_"):
        raise ValueError(f"refusing to touch {name!r}: not a bench database")
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def field_keys() -> dict[str, str]:
    """The keys that encrypt the generated ID numbers and phones. Fixed, so a database kept
    with --reuse reads in a later run; the rows are fictitious."""
    import base64
    import hashlib

    def key(purpose: str) -> str:
        return base64.b64encode(hashlib.sha256(f"bench {purpose}".encode()).digest()).decode()

    return {"FIELD_KEYS": f"bench:{key('field')}", "FIELD_HASH_KEY": key("field hash")}


def environment(size: str, secret_key: str, **extra) -> dict[str, str]:
    """Production-like settings: DEBUG off, a generated key, loopback only."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "shuangyong.settings",
        "DATABASE_URL": db_url(size),
        "DEBUG": "False",
        "SECRET_KEY": secret_key,
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "SECURE_SSL_REDIRECT": "False",
        "TODAY": TODAY,
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
        **field_keys(),
    }
    env.update(extra)
    return env


def new_secret_key() -> str:
    return secrets.token_urlsafe(64)


def run(args: list[str], env: dict, *, quiet: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        text=True,
        capture_output=quiet,
    )
    if result.returncode:
        if quiet:
            sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(f"failed: {' '.join(args)}")
    return result
