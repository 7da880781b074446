"""The beneficiary categories, priority-care marks, policies, activity kinds and inspection
ratings become each county's own: a
database built by the version before, holding two counties, migrates forward with every person
and finding keeping its values by name, each now a value of its own county, and migrates back
to the shared lists with nothing lost."""

from types import SimpleNamespace

import pytest

from tests.upgrade import previous

# main before the lists were per county.
BASE = "c08df319b476c228cc4253dd833278e5495f988c"
TODAY = "2016-03-15"
ENV = {"TODAY": TODAY}
BEFORE_LISTS = "0005_plaque_register_only"
BEFORE_RATINGS = "0006_user_history"
BEFORE_KINDS = "0006_reference_lists_per_county"


@pytest.fixture(scope="module")
def old(tmp_path_factory):
    return previous.code_at(BASE, tmp_path_factory.mktemp("base") / "code")


@pytest.fixture(scope="module")
def upgrade(old, tmp_path_factory):
    with previous.scratch_database(tmp_path_factory.mktemp("lists-upgrade")) as url:
        previous.manage(old, url, "migrate", "--noinput", env=ENV)
        previous.manage(old, url, "seed_demo", "--counties", "2", env=ENV)
        previous.run(old, url, "old_edits.py", env=ENV)
        before = previous.read(old, url, "lists_read.py", env=ENV)
        previous.manage(previous.ROOT, url, "migrate", "--noinput", env=ENV)
        after = previous.read(previous.ROOT, url, "lists_read.py", env=ENV)
        previous.manage(previous.ROOT, url, "migrate", "outreach", BEFORE_LISTS, env=ENV)
        previous.manage(previous.ROOT, url, "migrate", "campaign", BEFORE_RATINGS, env=ENV)
        back = previous.read(old, url, "lists_read.py", env=ENV)
        yield SimpleNamespace(before=before, after=after, back=back)


def test_the_old_database_has_values_in_use_in_two_counties(upgrade):
    before = upgrade.before
    assert before["values"] == 14
    for key in ("categories", "marks", "done", "missing", "history"):
        assert any(names != [None] for names in before[key].values()), key


def test_every_person_and_finding_keeps_its_values_by_name(upgrade):
    for key in ("categories", "marks", "done", "missing", "history"):
        assert upgrade.after[key] == upgrade.before[key], key


def test_every_value_named_is_of_the_records_county(upgrade):
    elsewhere = upgrade.after["elsewhere"]
    assert len(elsewhere.pop("counties")) == 2
    assert elsewhere == {"categories": 0, "marks": 0, "done": 0, "history": 0}
    assert upgrade.after["values"] == 2 * 14


def test_every_inspection_keeps_its_rating_now_its_countys_with_its_score(upgrade):
    before, after = upgrade.before, upgrade.after
    assert before["ratings"] and before["rating_history"]
    assert after["ratings"] == before["ratings"]
    assert after["rating_history"] == before["rating_history"]
    assert after["rating_elsewhere"] == 0
    assert {tuple(row) for row in after["scores"]} <= {
        ("excellent", "优秀", 100),
        ("good", "良好", 85),
        ("fair", "一般", 70),
        ("poor", "较差", 50),
    }


def test_every_activity_keeps_its_kind_now_its_countys(upgrade):
    before, after = upgrade.before, upgrade.after
    assert "old_kind" in before["kinds"].values()
    assert after["kinds"] == before["kinds"]
    assert after["kind_history"] == before["kind_history"]
    assert after["kind_elsewhere"] == 0
    assert after["kind_workstream_differs"] == 0
    # The unknown code is kept as a retired kind of that name.
    assert [tuple(row) for row in after["old_kinds"]] == [("old_kind", "old_kind")]


def test_going_back_merges_the_lists_and_loses_nothing(upgrade):
    for key in ("categories", "marks", "done", "missing", "history", "values"):
        assert upgrade.back[key] == upgrade.before[key], key
    assert upgrade.back["ratings"] == upgrade.before["ratings"]
    assert upgrade.back["kinds"] == upgrade.before["kinds"]
    assert upgrade.back["kind_history"] == upgrade.before["kind_history"]
    assert upgrade.back["rating_history"] == upgrade.before["rating_history"]
