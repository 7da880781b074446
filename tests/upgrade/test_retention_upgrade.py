"""Archive days: a database built by the version before them, with households archived (one
dated 2016-02-01 in its history), restored and never archived, migrates forward with every
row kept and each archived household and person given the day its history shows."""

import pytest

from tests.upgrade import previous

# main where archive days and retention branched off.
BASE = "d525931bf1e8b4f6d31da4afd42c4c80b40b5d41"
TODAY = "2016-03-15"


@pytest.fixture(scope="module")
def upgrade(tmp_path_factory):
    old = previous.code_at(BASE, tmp_path_factory.mktemp("base") / "code")
    with previous.scratch_database(tmp_path_factory.mktemp("retention-upgrade")) as url:
        env = {"TODAY": TODAY}
        previous.manage(old, url, "migrate", "--noinput", env=env)
        before = previous.read(old, url, "archive_households.py", env=env)
        previous.manage(previous.ROOT, url, "migrate", "--noinput", env=env)
        after = previous.read(previous.ROOT, url, "archive_days.py", env=env)
        yield before, after


def test_every_row_and_history_row_is_kept(upgrade):
    before, after = upgrade
    assert after["counts"] == before["counts"]
    assert after["history"] == before["history"]
    assert after["anonymised"] == 0


def test_archived_records_take_the_day_their_history_shows(upgrade):
    before, after = upgrade
    ids = before["households"]
    assert after["households"][str(ids["archived"])] == "2016-02-01"
    assert after["households"][str(ids["restored"])] is None
    assert after["households"][str(ids["active"])] is None
    persons = before["persons"]
    assert {after["persons"][str(pk)] for pk in persons["archived"]} == {"2016-02-01"}
    assert {after["persons"][str(pk)] for pk in persons["restored"] + persons["active"]} == {None}
