"""A campaign is data: the plan file (TOML for the plans the repository carries, a workbook
for the office) says its name, window, phases, workstreams, topics and activity kinds. Loading
the sample next plan puts a second campaign beside the first with its own of each; a bad plan
is refused with every fault named in Chinese, and nothing is written."""

from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from administration.plans.workbook import campaign_spec, plan_workbook
from campaign.models import Campaign, Phase, Topic, Workstream
from campaign.plan import first_plan, next_plan_path, read_plan
from campaign.plan_file import PlanFileError, read_plan_bytes
from campaign.selectors import topics_of, workstreams_of
from campaign.services import plan_load
from grievances.states import carry_over_end
from outreach.models import ActivityKind
from tests.campaigns import NEXT_NAME, add_next_campaign
from tests.factories import county_for_tests

pytestmark = pytest.mark.django_db

NEXT_TEXT = next_plan_path().read_text(encoding="utf-8")


def load_plan(*args, **kwargs):
    """load_plan for the tests' county."""
    call_command("load_plan", *args, "--county", county_for_tests().name, **kwargs)


def frame():
    """Everything a plan writes, to tell that a refused one wrote nothing."""
    return (
        list(Campaign.objects.values_list("pk", "name", "starts_on", "ends_on")),
        list(Phase.objects.values_list("pk", "campaign", "number", "name", "starts_on")),
        list(Workstream.objects.values_list("pk", "campaign", "number", "name")),
        list(Topic.objects.values_list("pk", "campaign", "number", "name", "about")),
        list(ActivityKind.objects.values_list("pk", "county", "code", "name", "workstream")),
    )


def next_plan_with(tmp_path, *changes, name="plan-next.toml"):
    """The sample next plan with some text replaced, as a file."""
    text = NEXT_TEXT
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_bundled_first_plan_is_the_whole_first_campaign():
    plan = first_plan()
    assert (plan.name, plan.starts_on, plan.ends_on) == (
        "双拥在基层",
        date(2015, 1, 1),
        date(2016, 12, 31),
    )
    assert [p.number for p in plan.phases] == [1, 2, 3, 4, 5, 6, 7]
    assert [p.number for p in plan.phases if p.carries_over] == [3]
    assert [t.number for t in plan.topics if t.policy_check] == [4]
    assert [t.number for t in plan.topics if t.priority] == [7]
    assert len(plan.workstreams) == 5 and len(plan.kinds) == 35
    assert ("legal_aid", 3, "法律援助") in [(k.code, k.workstream, k.name) for k in plan.kinds]


def test_the_flags_replace_the_numbers_the_code_knew(plan):
    assert plan.phases.get(carries_over=True).number == 3
    assert carry_over_end(plan) == date(2015, 11, 30)
    assert plan.topics.get(policy_check=True).number == 4


def test_the_next_plan_loads_beside_the_first_with_its_own_frame(plan):
    before = list(topics_of(plan).values_list("pk", "number", "name"))
    second = add_next_campaign()
    assert second.name == NEXT_NAME
    assert (second.starts_on, second.ends_on) == (date(2017, 1, 1), date(2020, 12, 31))
    assert [p.name for p in second.phases.all()] == [
        "动员部署",
        "调查研究",
        "创建推进",
        "迎检验收",
        "总结表彰",
    ]
    assert list(topics_of(plan).values_list("pk", "number", "name")) == before
    topics = list(topics_of(second))
    assert [t.number for t in topics] == [1, 2, 3, 4, 5]
    assert {t.workstream.campaign_id for t in topics} == {second.pk}
    assert [t.number for t in topics if t.policy_check] == [3]
    assert [t.number for t in topics if t.priority] == [5]
    assert workstreams_of(second).count() == 4 and workstreams_of(plan).count() == 5
    assert carry_over_end(second) == date(2019, 12, 31)
    kinds = ActivityKind.objects.filter(county=county_for_tests(), workstream__campaign=second)
    assert sorted(kinds.values_list("code", flat=True)) == sorted(
        k.code for k in read_plan(next_plan_path()).kinds
    )
    # The first campaign's kinds stay the county's, under its own workstreams.
    assert ActivityKind.objects.filter(workstream__campaign=plan).count() == 35


def test_the_command_adds_the_next_plan_then_finds_nothing_to_change(plan):
    out = StringIO()
    load_plan("--from", str(next_plan_path()), stdout=out)
    assert NEXT_NAME in out.getvalue()
    before = frame()
    again = StringIO()
    load_plan("--from", str(next_plan_path()), stdout=again)
    assert "nothing changed" in again.getvalue()
    assert frame() == before


def test_a_plan_of_the_same_name_updates_its_campaign(plan, tmp_path):
    second = add_next_campaign()
    path = next_plan_with(tmp_path, ('name = "迎检验收"', 'name = "考核验收"'))
    result = plan_load(county=county_for_tests(), spec=read_plan(path))
    assert result.campaign == second and (result.created, result.updated) == (0, 1)
    assert second.phases.get(number=4).name == "考核验收"
    assert Campaign.objects.count() == 2


def test_another_county_gets_the_plan_under_the_county_named(plan, tmp_path):
    call_command(
        "load_plan", "--from", str(next_plan_path()), "--county", "东山县", stdout=StringIO()
    )
    east = Campaign.objects.get(county__name="东山县")
    assert east.name == NEXT_NAME and topics_of(east).count() == 5
    assert not Campaign.objects.filter(county=plan.county, name=NEXT_NAME).exists()


BAD_PLANS = {
    "overlapping window": (
        [("starts_on = 2017-01-01", "starts_on = 2016-07-01")],
        "起止日期2016-07-01至2020-12-31与本县另一轮活动“双拥在基层”（2015-01-01至2016-12-31）重叠。",
    ),
    "phase outside the window": (
        [('ends_on = "2020-12"', 'ends_on = "2021-02"')],
        "第5阶段“总结表彰”结束于2021-02-28，晚于本轮活动期限2017-01-01至2020-12-31。",
    ),
    "duplicate phase number": (
        [("number = 2\n", "number = 1\n")],
        "阶段序号1重复出现。",
    ),
    "duplicate workstream number": (
        [('number = 2\nname = "支持部队建设"', 'number = 1\nname = "支持部队建设"')],
        "主要内容序号1重复出现。",
    ),
    "duplicate topic number": (
        [('number = 4\nname = "生活', 'number = 3\nname = "生活')],
        "专题序号3重复出现。",
    ),
    "topic naming a missing workstream": (
        [('about = "garrison"\nworkstream = 2', 'about = "garrison"\nworkstream = 9')],
        "第1个专题所属的主要内容序号9在计划中不存在。",
    ),
    "unknown about-value": (
        [('about = "garrison"', 'about = "民兵"')],
        "第1个专题的对象“民兵”无法识别：请填写“驻军部队”或“优抚对象”。",
    ),
    "window ending before it starts": (
        [("ends_on = 2020-12-31", "ends_on = 2016-12-31")],
        "该轮活动结束于2016-12-31，早于其开始日期2017-01-01。",
    ),
}


@pytest.mark.parametrize("fault", BAD_PLANS)
def test_a_bad_plan_is_refused_by_the_service_naming_the_fault_and_writes_nothing(
    plan, tmp_path, fault
):
    changes, message = BAD_PLANS[fault]
    before = frame()
    with pytest.raises(ValidationError) as raised:
        plan_load(county=county_for_tests(), spec=read_plan(next_plan_with(tmp_path, *changes)))
    assert message in raised.value.messages
    assert frame() == before


@pytest.mark.parametrize("fault", BAD_PLANS)
def test_a_bad_plan_is_refused_by_the_command_naming_the_fault_and_writes_nothing(
    plan, tmp_path, fault
):
    changes, message = BAD_PLANS[fault]
    before = frame()
    with pytest.raises(CommandError) as raised:
        load_plan("--from", str(next_plan_with(tmp_path, *changes)))
    assert message in str(raised.value)
    assert frame() == before


def test_every_fault_of_a_plan_is_listed_at_once(plan, tmp_path):
    path = next_plan_with(
        tmp_path,
        ("starts_on = 2017-01-01", "starts_on = 2016-07-01"),
        ('ends_on = "2020-12"', 'ends_on = "2021-02"'),
        ('about = "garrison"', 'about = "民兵"'),
    )
    with pytest.raises(CommandError) as raised:
        load_plan("--from", str(path))
    assert len(str(raised.value).splitlines()) == 3


def test_a_date_that_cannot_be_read_is_named_where_it_stands(plan, tmp_path):
    path = next_plan_with(tmp_path, ('starts_on = "2017-04"', 'starts_on = "四月"'))
    before = frame()
    with pytest.raises(PlanFileError) as raised:
        read_plan(path)
    assert str(raised.value) == (
        "phases第2项的starts_on：“四月”不是月份（如2015-03）或日期（如2015-03-01）。"
    )
    with pytest.raises(CommandError, match="四月"):
        load_plan("--from", str(path))
    assert frame() == before


def test_a_kind_of_another_campaign_is_refused(plan, tmp_path):
    path = next_plan_with(tmp_path, ('name = "征兵宣传"', 'name = "法律援助"'))
    with pytest.raises(ValidationError) as raised:
        plan_load(county=county_for_tests(), spec=read_plan(path))
    assert raised.value.messages == [
        "活动类型“法律援助”已属于活动“双拥在基层”，请为本计划的活动类型另取名称和代码。"
    ]


def test_a_campaign_downloaded_as_a_workbook_reads_back_as_its_plan(plan):
    content = plan_workbook(campaign_spec(plan))
    assert read_plan_bytes("plan.xlsx", content) == first_plan()


def test_a_workbook_names_each_bad_cell_by_sheet_row_and_column(plan):
    from io import BytesIO

    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(plan_workbook(campaign_spec(plan))))
    workbook["阶段"]["C3"] = "三月"
    workbook["专题"]["D2"] = "x"
    out = BytesIO()
    workbook.save(out)
    with pytest.raises(PlanFileError) as raised:
        read_plan_bytes("plan.xlsx", out.getvalue())
    assert str(raised.value).splitlines() == [
        "“阶段”表第3行“开始”列：“三月”不是月份（如2015-03）或日期（如2015-03-01）。",
        "“专题”表第2行“主要内容序号”列：须填写从1起的序号。",
    ]


def test_a_workbook_plan_with_the_office_words_for_about_loads(plan):
    second = add_next_campaign()
    spec = campaign_spec(second)
    content = plan_workbook(spec)
    assert read_plan_bytes("next.xlsx", content) == spec
