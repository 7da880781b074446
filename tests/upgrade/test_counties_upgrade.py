"""Counties under one deployment: a database built by the previous version (one county, its
name a text on the campaign) migrates forward with every row kept and put under one county.

The database is built once for the module with the code of BASE: its migrations, plan and demo
county, 2015 signed off. Then this checkout migrates it, and both versions' reads are compared."""

from pathlib import Path
from types import SimpleNamespace

import django_q
import pytest

from tests.upgrade import previous

# main where the counties branched off: the last version with one county per database.
BASE = "a601c4d6db430b0bcffbf1e963c29b0272d05acc"
# The old campaign's county; this checkout's COUNTY_NAME differs, so the name must come from
# the campaign.
OLD_COUNTY = "东山县"
NEW_SETTING = "示范县"
TODAY = "2016-03-15"
# Tables whose rows this checkout adds by design: its migrations, and the content types and
# permissions of its new models. They are compared by what they hold instead.
BOOKKEEPING = {"django_migrations", "django_content_type", "auth_permission"}
NEW_TABLES = {"campaign_area", "campaign_historicaluser", "administration_onetimecode"}
NEW_TABLES |= {
    "campaign_historicalmodelfigure",
    "campaign_historicalcommendation",
    "campaign_historicalsupportorganisation",
}
NEW_TABLES |= {"campaign_unitmerge", "campaign_historicalunitmerge"}
# The reference lists' histories (their values became each county's own).
LIST_HISTORIES = {"historicalbeneficiarycategory", "historicalprioritymark", "historicalpolicy"}
LIST_HISTORIES |= {"activitykind", "historicalactivitykind"}
NEW_TABLES |= {f"outreach_{name}" for name in LIST_HISTORIES}
RATINGS = {"inspectionrating", "historicalinspectionrating"}
NEW_TABLES |= {f"campaign_{name}" for name in RATINGS}
NEW_TABLES |= {
    "outreach_retentionpolicy",
    "outreach_historicalretentionpolicy",
    "outreach_anonymisationrun",
    "outreach_historicalanonymisationrun",
}
# The log of looks at personal details links a file to every person it named.
NEW_TABLES |= {"outreach_idnumberview_persons"}
# The records of the plan's every sentence (step 7): reports due, the agenda, bulletins, special
# actions, media coverage, merit notices and the groups helped.
STEP_7_TABLES = {
    "agenda_decision",
    "agenda_historicaldecision",
    "agenda_historicalmechanism",
    "agenda_historicalmeeting",
    "agenda_historicaltask",
    "agenda_mechanism",
    "agenda_mechanism_units",
    "agenda_meeting",
    "agenda_meeting_attending_units",
    "agenda_task",
    "bulletins_bulletin",
    "bulletins_bulletinattachment",
    "bulletins_citation",
    "bulletins_historicalbulletin",
    "bulletins_readreceipt",
    "campaign_historicalspecialaction",
    "campaign_historicalspecialaction_cooperating_units",
    "campaign_historicalspecialactionnote",
    "campaign_specialaction",
    "campaign_specialaction_cooperating_units",
    "campaign_specialactionnote",
    "outreach_activity_target_groups",
    "outreach_historicalmediacoverage",
    "outreach_historicalmeritnotice",
    "outreach_mediacoverage",
    "outreach_meritnotice",
    "outreach_targetgroup",
    "submissions_attachment",
    "submissions_historicalreportrequest",
    "submissions_historicalsubmission",
    "submissions_reportrequest",
    "submissions_reportrequest_units",
    "submissions_submission",
}
NEW_TABLES |= STEP_7_TABLES
STEP_7_MODELS = {
    "agenda.decision",
    "agenda.historicaldecision",
    "agenda.historicalmechanism",
    "agenda.historicalmeeting",
    "agenda.historicaltask",
    "agenda.mechanism",
    "agenda.meeting",
    "agenda.task",
    "bulletins.bulletin",
    "bulletins.bulletinattachment",
    "bulletins.citation",
    "bulletins.historicalbulletin",
    "bulletins.readreceipt",
    "campaign.historicalspecialaction",
    "campaign.historicalspecialaction_cooperating_units",
    "campaign.historicalspecialactionnote",
    "campaign.specialaction",
    "campaign.specialactionnote",
    "outreach.historicalmediacoverage",
    "outreach.historicalmeritnotice",
    "outreach.mediacoverage",
    "outreach.meritnotice",
    "outreach.targetgroup",
    "submissions.attachment",
    "submissions.historicalreportrequest",
    "submissions.historicalsubmission",
    "submissions.reportrequest",
    "submissions.submission",
}
# Background work (step 8): the jobs and django-q2's queue, results and schedules (the last
# holding the scheduled tasks its migrations write).
STEP_8_TABLES = {"jobs_job", "django_q_ormq", "django_q_schedule", "django_q_task"}
NEW_TABLES |= STEP_8_TABLES
STEP_8_MODELS = {"jobs.job", "django_q.ormq", "django_q.schedule", "django_q.task"}
STEP_8_MODELS |= {"django_q.success", "django_q.failure"}
# Reminders: the digests in the app, each user's channels, the units' robots, the deliveries.
REMINDER_MODELS = {
    "notifications.delivery",
    "notifications.notification",
    "notifications.preference",
    "notifications.robot",
}
NEW_TABLES |= {label.replace(".", "_") for label in REMINDER_MODELS}
# The keys of visits sent from phones, so a send retried records nothing twice.
SURVEY_MODELS = {"outreach.visitkey"}
NEW_TABLES |= {label.replace(".", "_") for label in SURVEY_MODELS}
# The county's figures kept between requests and the version that says they are current.
KEPT_MODELS = {"reports.figuresversion", "reports.keptfigures"}
NEW_TABLES |= {label.replace(".", "_") for label in KEPT_MODELS}
# Later steps add rows of their own on the way: the plaque dates once kept on households move
# into the plaque register (tests/outreach/test_plaque_migration.py counts them exactly).
GROWN = {"outreach_honourplaque"}
GROWN_MODELS = {"outreach.HonourPlaque"}


def migrations_in_tree() -> set[str]:
    root = Path(__file__).resolve().parents[2]
    ours = {
        f"{path.parent.parent.name}.{path.stem}"
        for path in root.glob("*/migrations/0*.py")
        if path.parent.parent.name
        in {"campaign", "outreach", "grievances", "reports", "audit", "administration"}
        | {"submissions", "agenda", "bulletins", "jobs", "notifications"}
    }
    queue = Path(django_q.__file__).parent / "migrations"
    return ours | {f"django_q.{path.stem}" for path in queue.glob("0*.py")}


@pytest.fixture(scope="module")
def old(tmp_path_factory):
    return previous.code_at(BASE, tmp_path_factory.mktemp("base") / "code")


@pytest.fixture(scope="module")
def upgrade(old, tmp_path_factory):
    with previous.scratch_database(tmp_path_factory.mktemp("counties-upgrade")) as url:
        env = {"TODAY": TODAY, "COUNTY_NAME": OLD_COUNTY}
        previous.manage(old, url, "migrate", "--noinput", env=env)
        previous.manage(old, url, "load_plan", env=env)
        previous.manage(old, url, "seed_demo", env=env)
        previous.run(old, url, "sign_off_2015.py", env=env)
        before = previous.read(old, url, "records.py", env=env)
        before |= previous.read(old, url, "counties_before.py", env=env)

        env = {"TODAY": TODAY, "COUNTY_NAME": NEW_SETTING}
        previous.manage(previous.ROOT, url, "migrate", "--noinput", env=env)
        after = previous.read(previous.ROOT, url, "records.py", env=env)
        placed = previous.read(previous.ROOT, url, "counties_after.py", env=env)
        yield SimpleNamespace(url=url, env=env, before=before, after=after, placed=placed)


def test_the_old_database_has_every_kind_of_row_to_move(upgrade):
    counts = upgrade.before["counts"]
    for table in (
        "campaign_unit",
        "campaign_historicalunit",
        "campaign_campaign",
        "campaign_supportorganisation",
        "reports_assessmentscheme",
        "reports_assessmentitem",
        "reports_yearsignoff",
        "reports_frozenledgerrow",
        "outreach_household",
        "grievances_case",
    ):
        assert counts[table] > 0, table
    assert upgrade.before["campaign_counties"] == [OLD_COUNTY]


def test_it_keeps_every_row_of_every_table(upgrade):
    before, after = upgrade.before["counts"], upgrade.after["counts"]
    assert set(after) - set(before) == NEW_TABLES
    skip = BOOKKEEPING | GROWN
    kept = {table: after.get(table) for table in before if table not in skip}
    assert kept == {table: n for table, n in before.items() if table not in skip}
    assert all(after[table] >= before[table] for table in GROWN)


def test_it_only_adds_bookkeeping_of_its_own(upgrade):
    before, after = upgrade.before, upgrade.after
    for key in ("content_types", "permissions", "migrations"):
        assert set(before[key]) <= set(after[key]), key
    assert set(after["content_types"]) - set(before["content_types"]) == {
        "campaign.area",
        "campaign.historicaluser",
        "administration.onetimecode",
        "campaign.historicalmodelfigure",
        "campaign.historicalcommendation",
        "campaign.historicalsupportorganisation",
        "campaign.unitmerge",
        "campaign.historicalunitmerge",
        *(f"outreach.{name}" for name in LIST_HISTORIES),
        *(f"campaign.{name}" for name in RATINGS),
        "outreach.retentionpolicy",
        "outreach.historicalretentionpolicy",
        "outreach.anonymisationrun",
        "outreach.historicalanonymisationrun",
        *STEP_7_MODELS,
        *STEP_8_MODELS,
        *REMINDER_MODELS,
        *SURVEY_MODELS,
        *KEPT_MODELS,
    }
    added = set(after["migrations"]) - set(before["migrations"])
    assert {"campaign.0004_areas", "reports.0002_campaigns"} <= added
    assert added == migrations_in_tree() - set(before["migrations"])


def test_it_keeps_the_sampled_records(upgrade):
    for key in (
        "households",
        "persons",
        "cases",
        "units",
        "users",
        "campaigns",
        "support_organisations",
        "schemes",
        "items",
        "frozen_rows",
    ):
        assert upgrade.before[key], key
        assert upgrade.after[key] == upgrade.before[key], key


def test_it_keeps_the_frozen_figures(upgrade):
    [signed] = upgrade.before["sign_offs"]
    assert signed[1:4] == [2015, "office", "2016-03-15"]
    assert signed[4]  # the figures
    assert upgrade.after["sign_offs"] == upgrade.before["sign_offs"]


def test_it_makes_one_county_named_as_the_campaign(upgrade):
    [(pk, name, level, parent, path)] = upgrade.placed["areas"]
    assert (name, level, parent, path) == (OLD_COUNTY, "county", None, f"/{pk}/")


def test_it_puts_every_unit_campaign_and_support_organisation_in_the_county(upgrade):
    [(county, *_)] = upgrade.placed["areas"]
    placed = upgrade.placed
    assert placed["campaign_counties"] == [county]
    assert placed["unit_areas"] == [county]
    assert placed["unit_history_areas"] == [county]
    assert placed["support_organisation_counties"] == [county]


def test_it_gives_the_assessment_and_the_sign_offs_to_the_campaign(upgrade):
    placed = upgrade.placed
    [campaign] = placed["campaigns"]
    assert placed["scheme_campaigns"] == [campaign]
    assert placed["item_campaigns"] == [campaign]
    assert placed["sign_off_campaigns"] == [campaign]


def test_it_leaves_no_migration_unapplied(upgrade):
    previous.manage(previous.ROOT, upgrade.url, "migrate", "--check", env=upgrade.env)
    shown = previous.manage(previous.ROOT, upgrade.url, "showmigrations", env=upgrade.env)
    assert "[ ]" not in shown and "[X] 0004_areas" in shown


def test_every_login_sees_what_it_saw_before(upgrade):
    before, after = upgrade.before["seen"], upgrade.after["seen"]
    assert set(after) == set(before)
    households = upgrade.before["counts"]["outreach_household"]
    assert after["office"]["outreach.Household"] == households
    for username, seen in before.items():
        kept = {label: n for label, n in seen.items() if label not in GROWN_MODELS}
        assert {label: after[username][label] for label in kept} == kept, username
        for label in GROWN_MODELS & set(seen):
            assert after[username][label] >= seen[label], (username, label)


def test_a_second_campaign_with_the_county_written_otherwise_stays_in_the_one_county(old, tmp_path):
    with previous.scratch_database(tmp_path) as url:
        env = {"TODAY": TODAY, "COUNTY_NAME": OLD_COUNTY}
        previous.manage(old, url, "migrate", "--noinput", env=env)
        previous.manage(old, url, "load_plan", env=env)
        previous.run(old, url, "second_campaign.py", env=env)
        assert previous.read(old, url, "counties_before.py", env=env) == {
            "campaign_counties": [OLD_COUNTY, "东山"]
        }

        env = {"TODAY": TODAY, "COUNTY_NAME": NEW_SETTING}
        previous.manage(previous.ROOT, url, "migrate", "--noinput", env=env)
        placed = previous.read(previous.ROOT, url, "counties_after.py", env=env)
        [(county, name, *_)] = placed["areas"]
        assert name == OLD_COUNTY
        assert placed["campaign_counties"] == [county]
        assert placed["unit_areas"] == [county]
        first, second = placed["campaigns"]
        assert placed["scheme_years"] == [[2015, first], [2017, second]]

        # Rolled back, each campaign names its county in text again: the one county's name.
        previous.manage(previous.ROOT, url, "migrate", "campaign", "0003_unit_history", env=env)
        previous.manage(old, url, "migrate", "--check", env=env)
        assert previous.read(old, url, "counties_before.py", env=env) == {
            "campaign_counties": [OLD_COUNTY, OLD_COUNTY]
        }
