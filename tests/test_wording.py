"""The glossary (README, "Words we use"): every msgstr of the zh_Hans catalog uses the settled
term, never the retired one. The plan's own spelling is allowed only inside a quote of it."""

import re

from tests.test_catalog import PO, entries

# Phrases quoted from the plan as it is written (台帐 is its spelling, 台账 today's standard).
PLAN_QUOTES = ["同时要建立好台帐", "双拥工作台帐"]

# retired term -> the settled one
RETIRED = {
    "台帐": "台账",
    "入账": "列入台账 / 问题登记",
    "审计日志": "操作日志",
    "签署": "审核锁定",
    "走访率": "走访覆盖率",
    "工作内容": "主要内容 (a workstream) or 阶段任务 (a phase)",
    "工作开展": "主要内容",
}

# 台账 is the book; one row of it is a 问题 or a 台账事项.
ONE_ROW_AS_LEDGER = re.compile(
    r"(此|该|一条|每条|一个|手工登记|登记|修改|保存|没有)台[账帐](?!事项|问题|编号)"
)

# Where 活动 stands for the campaign, it is named in full or as 本轮活动.
# A campaign's end names the campaigns on either side of it as 上一轮活动 / 下一轮活动; among
# several, a campaign is 一轮活动 and the one just named 该轮活动.
CAMPAIGN_NAMES = [
    "“双拥在基层”活动",
    "双拥在基层活动",
    "本轮活动",
    "下一轮活动",
    "上一轮活动",
    "一轮活动",
    "该轮活动",
    "专项活动",
    "活动类型",
]


def catalog():
    return {msgid: msgstrs for msgid, msgstrs, _ in entries(PO.read_text(encoding="utf-8"))}


def translations(pattern):
    """(msgid, msgstr) for each msgid matching the pattern, case-insensitive."""
    found = re.compile(pattern, re.IGNORECASE)
    return [(m, s) for m, strs in catalog().items() if found.search(m) for s in strs]


def without_plan_quotes(text):
    for quote in PLAN_QUOTES:
        text = text.replace(quote, "")
    return text


def test_no_msgstr_uses_a_retired_term():
    retired = [
        (msgid, term, RETIRED[term])
        for msgid, msgstrs in catalog().items()
        for msgstr in msgstrs
        for term in RETIRED
        if term in without_plan_quotes(msgstr)
    ]
    assert retired == []


def test_a_single_case_is_not_called_a_ledger():
    rows = [(m, s) for m, strs in catalog().items() for s in strs if ONE_ROW_AS_LEDGER.search(s)]
    rows += [(m, s) for m, s in translations(r"\bcases?\b") if s in ("台账", "台帐")]
    assert rows == []


def test_the_campaign_and_an_activity_have_different_words():
    about_the_campaign = [
        (msgid, msgstr)
        for msgid, msgstr in translations(r"\bcampaigns?\b")
        if "activit" not in msgid.lower()
    ]
    assert about_the_campaign, "the catalog names the campaign somewhere"
    bare = []
    for msgid, msgstr in about_the_campaign:
        for name in CAMPAIGN_NAMES:
            msgstr = msgstr.replace(name, "")
        if "活动" in msgstr:
            bare.append(msgid)
    assert bare == []
    records = {m: s for m, s in translations(r"^activit(y|ies)$")}
    assert set(records.values()) == {"活动记录"}
    assert {"activity", "activities", "Activities"} <= records.keys()


def test_a_workstream_has_one_name():
    assert {s for _, s in translations(r"^(the five )?workstreams?$")} == {
        "主要内容",
        "五项主要内容",
    }
    assert [m for m, s in translations(r"workstream") if "主要内容" not in s] == []


def test_a_sign_off_is_a_lock():
    assert [
        m for m, s in translations(r"sign(ed|ing)?[- ]off|signed .* off") if "锁定" not in s
    ] == []


def test_the_survey_coverage_has_one_name():
    figures = translations(r"share visited|survey coverage")
    assert figures and [m for m, s in figures if "走访覆盖率" not in s] == []


def test_a_person_has_a_full_name_and_an_organisation_a_name():
    assert {m: s for m, s in translations(r"^(name|full name)$")} == {
        "Name": "姓名",  # the persons of a household
        "full name": "姓名",
        "name": "名称",  # units, areas, phases, topics
    }


def test_an_inspection_finds_problems_not_survey_findings():
    inspection = translations(r"^inspection findings?$")
    assert inspection and {s for _, s in inspection} == {"督查发现的问题"}
    assert [m for m, s in translations(r"inspection") if "走访情况" in s] == []


def test_the_trail_is_an_operation_log():
    assert {s for _, s in translations(r"^audit( trail)?$")} == {"操作日志"}
