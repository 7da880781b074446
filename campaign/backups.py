"""Back up and restore the whole database: pg_dump/pg_restore for PostgreSQL, SQLite's own
online backup for the embedded file. Both produce one file that restores into an empty
database."""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import environ
from django.db import connection


class BackupError(Exception):
    pass


def _pg_env(settings_dict) -> dict:
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return env


def _pg_args(settings_dict) -> list[str]:
    args = []
    for flag, key in (("-h", "HOST"), ("-p", "PORT"), ("-U", "USER")):
        if settings_dict.get(key):
            args += [flag, str(settings_dict[key])]
    return args


def _run(command, env):
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client).")
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(result.stderr.strip() or f"{command[0]} failed")


def backup(path: Path) -> Path:
    """Write the database the app is using now to `path`."""
    path = Path(path)
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        # The live connection's database name covers the test database as well.
        name = connection.get_connection_params().get("dbname") or settings_dict["NAME"]
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file",
                str(path),
                *_pg_args(settings_dict),
                name,
            ],
            _pg_env(settings_dict),
        )
    elif connection.vendor == "sqlite":
        if path.exists():
            raise BackupError(f"{path} exists; choose a new file.")
        # VACUUM INTO writes a consistent, compacted copy while the app keeps running.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(path)])
    else:
        raise BackupError(f"No backup method for {connection.vendor}.")
    return path


def restore(path: Path, database_url: str) -> None:
    """Restore a backup file into the empty database that `database_url` names."""
    target = environ.Env.db_url_config(database_url)
    engine = target["ENGINE"]
    if "postgresql" in engine:
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                "--dbname",
                target["NAME"],
                *_pg_args(target),
                str(path),
            ],
            _pg_env(target),
        )
    elif "sqlite3" in engine:
        destination = Path(target["NAME"])
        if destination.exists() and destination.stat().st_size:
            raise BackupError(f"{destination} is not empty; restore into a new file.")
        source = sqlite3.connect(path)
        copy = sqlite3.connect(destination)
        try:
            source.backup(copy)
        finally:
            source.close()
            copy.close()
    else:
        raise BackupError(f"No restore method for {engine}.")
