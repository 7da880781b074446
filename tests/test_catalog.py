"""Every string a user reads comes through the zh_Hans catalog: nothing untranslated or fuzzy,
every marked string present, and the committed .mo is the compiled .po."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
SOURCES = [
    "campaign",
    "outreach",
    "grievances",
    "submissions",
    "jobs",
    "notifications",
    "agenda",
    "bulletins",
    "reports",
    "audit",
    "administration",
    "shuangyong",
    "templates",
]


def entries(po_text: str):
    """(msgid, msgstr list, flags) for each entry of a .po file, header excluded."""
    result = []
    for block in po_text.strip().split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        flags = " ".join(line for line in lines if line.startswith("#,"))
        msgid, msgstrs, current = [], [], None
        for line in lines:
            if line.startswith("msgid "):
                current = msgid
                current.append(line[6:])
            elif line.startswith("msgid_plural"):
                current = None
            elif line.startswith("msgstr"):
                current = []
                msgstrs.append(current)
                current.append(line.split(" ", 1)[1])
            elif line.startswith('"') and current is not None:
                current.append(line)
        text = "".join(part.strip('"') for part in msgid)
        if msgid and text:
            result.append((text, ["".join(p.strip('"') for p in s) for s in msgstrs], flags))
    return result


def test_every_entry_is_translated_and_none_is_fuzzy():
    problems = [
        msgid
        for msgid, msgstrs, flags in entries(PO.read_text(encoding="utf-8"))
        if "fuzzy" in flags or not msgstrs or not all(msgstrs)
    ]
    assert problems == []


def test_the_committed_mo_is_the_compiled_po(tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(compiled), str(PO)], check=True)
    assert compiled.read_bytes() == MO.read_bytes()


@pytest.mark.django_db
def test_every_marked_string_is_in_the_catalog(tmp_path, monkeypatch):
    # makemessages writes into the tree it scans, so scan a copy.
    for name in SOURCES:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "locale").mkdir()
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["zh_Hans"], verbosity=0)
    extracted = {msgid for msgid, _, _ in entries((tmp_path / PO.relative_to(ROOT)).read_text())}
    committed = {msgid for msgid, _, _ in entries(PO.read_text(encoding="utf-8"))}
    assert sorted(extracted - committed) == []
