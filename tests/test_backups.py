"""A backup restores into a fresh database with every record."""

import sqlite3
import uuid

import psycopg
import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def table_counts(count):
    return {
        model._meta.db_table: count(model._meta.db_table)
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


@pytest.fixture
def records(person, case):
    """A household with its person, a visit, its finding and the case it opened."""


def test_a_backup_restores_every_record(records, tmp_path):
    def here(table):
        with connection.cursor() as cursor:
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
            return cursor.fetchone()[0]

    expected = table_counts(here)
    assert expected["grievances_case"] == 1 and expected["outreach_person"] == 1
    dump = tmp_path / "backup.dump"
    call_command("backup", "-o", str(dump), stdout=open("/dev/null", "w"))

    if connection.vendor == "sqlite":
        restored = tmp_path / "restored.sqlite3"
        call_command(
            "restore", str(dump), "--into", f"sqlite:///{restored}", stdout=open("/dev/null", "w")
        )
        with sqlite3.connect(restored) as copy:
            counts = table_counts(
                lambda t: copy.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
            )
        assert counts == expected
        return

    params = connection.get_connection_params()
    name = f"restore_{uuid.uuid4().hex[:8]}"
    admin = {k: v for k, v in params.items() if k in ("host", "port", "user", "password")}
    with psycopg.connect(dbname="postgres", autocommit=True, **admin) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        user, host = admin.get("user", ""), admin.get("host", "")
        url = f"postgres://{user}@{host}:{admin.get('port', 5432)}/{name}"
        call_command("restore", str(dump), "--into", url, stdout=open("/dev/null", "w"))
        with psycopg.connect(dbname=name, **admin) as copy:
            counts = table_counts(
                lambda t: copy.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
            )
        assert counts == expected
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **admin) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_restoring_over_a_database_that_is_not_empty_is_refused(tmp_path, records):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite guard; pg_restore refuses existing tables by itself")
    dump = tmp_path / "backup.sqlite3"
    call_command("backup", "-o", str(dump), stdout=open("/dev/null", "w"))
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(dump), "--into", f"sqlite:///{dump}")
