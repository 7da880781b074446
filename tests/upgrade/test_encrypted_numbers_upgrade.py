"""ID numbers and phones encrypted at rest: a database built by the previous version (the
numbers in the clear, in the rows and in their history) migrates forward with every number
kept, and afterwards neither it nor a freshly built demo county holds a number in the clear:
the raw SQLite file, or on PostgreSQL a `pg_dump` of the database, is searched for each one.

Both databases are of the suite's kind: SQLite by default, PostgreSQL when DATABASE_URL names
one (the dump needs pg_dump, which `make test` installs)."""

import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.upgrade import previous

# main just before the numbers were encrypted.
BASE = "d525931bf1e8b4f6d31da4afd42c4c80b40b5d41"
TODAY = "2016-03-15"
ENV = {"TODAY": TODAY}


def stored_bytes(url: str) -> bytes:
    """What the database holds as bytes: its file (with any WAL beside it), or its dump."""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed (make test installs postgresql-client)")
    dump = subprocess.run(
        ["pg_dump", "--no-owner", "--dbname", url], capture_output=True, check=True, timeout=300
    )
    return dump.stdout


def clear_numbers(numbers: dict) -> set[str]:
    return {value for rows in numbers.values() for _pk, value in rows if value}


def found_in(raw: bytes, numbers: set[str]) -> list[str]:
    return sorted(n for n in numbers if n.encode() in raw)


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory):
    old = previous.code_at(BASE, tmp_path_factory.mktemp("base") / "code")
    with previous.scratch_database(tmp_path_factory.mktemp("numbers-upgrade")) as url:
        previous.manage(old, url, "migrate", "--noinput", env=ENV)
        previous.manage(old, url, "load_plan", env=ENV)
        previous.manage(old, url, "seed_demo", env=ENV)
        before = previous.read(old, url, "numbers.py", env=ENV)
        previous.manage(previous.ROOT, url, "migrate", "--noinput", env=ENV)
        after = previous.read(previous.ROOT, url, "numbers.py", env=ENV)
        yield SimpleNamespace(url=url, before=before, after=after, raw=stored_bytes(url))


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    with previous.scratch_database(tmp_path_factory.mktemp("numbers-fresh")) as url:
        previous.manage(previous.ROOT, url, "migrate", "--noinput", env=ENV)
        previous.manage(previous.ROOT, url, "load_plan", env=ENV)
        previous.manage(previous.ROOT, url, "seed_demo", env=ENV)
        numbers = previous.read(previous.ROOT, url, "numbers.py", env=ENV)
        yield SimpleNamespace(url=url, numbers=numbers, raw=stored_bytes(url))


def test_the_old_database_held_numbers_in_rows_and_history(upgraded):
    sizes = {label: sum(1 for _pk, v in rows if v) for label, rows in upgraded.before.items()}
    for label in (
        "outreach.Person.id_number",
        "outreach.HistoricalPerson.id_number",
        "outreach.Person.phone",
        "outreach.Household.phone",
        "outreach.HistoricalHousehold.phone",
        "grievances.Case.responsible_phone",
    ):
        assert sizes[label] > 100, label
    # The old version kept them in the clear: the search below can find a number.
    assert len(clear_numbers(upgraded.before)) > 10_000


def test_every_number_and_every_row_is_kept(upgraded):
    assert upgraded.after.keys() == upgraded.before.keys()
    for label, rows in upgraded.before.items():
        assert upgraded.after[label] == rows, label


def test_the_upgraded_database_holds_no_number_in_the_clear(upgraded):
    numbers = clear_numbers(upgraded.before)
    assert found_in(upgraded.raw, numbers) == []
    # The search does find what is there: the household numbers and names stay in the clear.
    assert "示范县".encode() in upgraded.raw


def test_a_freshly_built_demo_county_holds_no_number_in_the_clear(fresh):
    numbers = clear_numbers(fresh.numbers)
    assert len(numbers) > 10_000
    assert found_in(fresh.raw, numbers) == []
