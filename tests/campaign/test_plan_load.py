import csv

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from campaign import plan
from campaign.models import Campaign, Phase, Topic, Workstream
from campaign.plan_file import PlanFileError, read_phase_table
from campaign.services import plan_load
from tests.factories import county_for_tests

pytestmark = pytest.mark.django_db

# The phase table exactly as the county's plan document prints it (三、开展时间).
AS_WRITTEN = [
    (1, "宣传动员", "2015-01", "2015-02"),
    (2, "走访摸底", "2014-03", "2015-04"),
    (3, "排忧解难", "2015-05", "2015-11"),
    (4, "活动小结", "2015-12", "2015-12"),
    (5, "巩固提高", "2016-01", "2016-11"),
    (6, "检查督促", "2015-01", "2016-11"),
    (7, "总结宣传", "2016-12", "2016-12"),
]
HEADER = ["序号", "阶段名称", "开始", "结束", "说明"]


def write_csv(path, rows, header=HEADER, encoding="utf-8-sig"):
    with open(path, "w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow([*row, ""])
    return path


def write_xlsx(path, rows, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append([*row, ""])
    workbook.save(path)
    return path


def test_it_loads_the_plan_as_domain_lists_it():
    result = plan_load(county=county_for_tests())
    campaign = result.campaign
    assert (campaign.starts_on.isoformat(), campaign.ends_on.isoformat()) == (
        "2015-01-01",
        "2016-12-31",
    )
    phases = [
        (p.number, p.name, p.starts_on.isoformat(), p.ends_on.isoformat())
        for p in campaign.phases.all()
    ]
    assert phases == [
        (1, "宣传动员", "2015-01-01", "2015-02-28"),
        (2, "走访摸底", "2015-03-01", "2015-04-30"),
        (3, "排忧解难", "2015-05-01", "2015-11-30"),
        (4, "活动小结", "2015-12-01", "2015-12-31"),
        (5, "巩固提高", "2016-01-01", "2016-11-30"),
        (6, "检查督促", "2015-01-01", "2016-11-30"),
        (7, "总结宣传", "2016-12-01", "2016-12-31"),
    ]
    assert list(Workstream.objects.values_list("number", "name")) == [
        (1, "热爱国防崇尚荣誉教育"),
        (2, "帮助基层部队排忧解难"),
        (3, "解决优抚安置对象特殊困难"),
        (4, "爱民惠民助民"),
        (5, "双拥文化活动"),
    ]
    topics = list(Topic.objects.values_list("number", "about", "workstream__number", "priority"))
    assert topics == [
        (1, "garrison", 2, False),
        (2, "garrison", 2, False),
        (3, "garrison", 2, False),
        (4, "beneficiary", 3, False),
        (5, "beneficiary", 3, False),
        (6, "beneficiary", 3, False),
        (7, "beneficiary", 3, True),
    ]
    assert Topic.objects.get(number=7).name == "军人军属涉法涉诉等纠纷问题"


def test_the_bundled_phase_2_carries_the_correction_note():
    campaign = plan_load(county=county_for_tests()).campaign
    note = campaign.phases.get(number=2).note
    assert "2014年3月" in note and "2015年3月" in note


def test_loading_twice_changes_nothing():
    first = plan_load(county=county_for_tests())
    assert first.created == 1 + 7 + 5 + 7
    before = list(Phase.objects.values())
    second = plan_load(county=county_for_tests())
    assert (second.created, second.updated, second.changed) == (0, 0, False)
    assert list(Phase.objects.values()) == before
    assert Campaign.objects.count() == 1


def test_the_source_dates_as_written_are_refused_naming_phase_and_window(tmp_path):
    path = write_csv(tmp_path / "as-written.csv", AS_WRITTEN)
    with pytest.raises(ValidationError) as raised:
        plan_load(county=county_for_tests(), phases=read_phase_table(path))
    assert raised.value.messages == [
        "第2阶段“走访摸底”开始于2014-03-01，早于本轮活动期限2015-01-01至2016-12-31。"
    ]
    assert Campaign.objects.count() == Phase.objects.count() == 0


def test_the_command_refuses_the_source_xlsx_and_writes_nothing(tmp_path):
    path = write_xlsx(tmp_path / "as-written.xlsx", AS_WRITTEN)
    with pytest.raises(CommandError) as raised:
        call_command("load_plan", "--from", str(path))
    assert "第2阶段“走访摸底”" in str(raised.value)
    assert "2015-01-01至2016-12-31" in str(raised.value)
    assert Phase.objects.count() == 0


def test_a_refused_file_leaves_a_loaded_plan_untouched(tmp_path):
    plan_load(county=county_for_tests())
    before = list(Phase.objects.order_by("number").values_list("starts_on", "ends_on"))
    bad = [*AS_WRITTEN[:6], (7, "总结宣传", "2016-12", "2017-01")]
    with pytest.raises(CommandError) as raised:
        call_command("load_plan", "--from", str(write_csv(tmp_path / "bad.csv", bad)))
    assert "晚于本轮活动期限" in str(raised.value)
    assert list(Phase.objects.order_by("number").values_list("starts_on", "ends_on")) == before


def test_the_command_loads_a_corrected_table(tmp_path, capsys):
    corrected = [
        row if row[0] != 2 else (2, "走访摸底", "2015-03", "2015-04") for row in AS_WRITTEN
    ]
    path = write_xlsx(tmp_path / "corrected.xlsx", corrected)
    call_command("load_plan", "--from", str(path))
    phase = Phase.objects.get(number=2)
    assert (phase.starts_on.isoformat(), phase.ends_on.isoformat()) == ("2015-03-01", "2015-04-30")


def test_a_gb18030_csv_from_excel_is_read(tmp_path):
    path = write_csv(tmp_path / "gbk.csv", AS_WRITTEN[:1], encoding="gb18030")
    assert read_phase_table(path)[0].name == "宣传动员"


@pytest.mark.parametrize("column", ["阶段任务", "工作内容"])
def test_the_phase_tasks_column_is_read_by_its_name_and_its_former_one(tmp_path, column):
    path = write_csv(
        tmp_path / "tasks.csv",
        [(1, "宣传动员", "2015-01", "2015-02", "各单位宣传发动")],
        header=["序号", "阶段名称", "开始", "结束", column],
    )
    assert read_phase_table(path)[0].summary == "各单位宣传发动"


def test_a_phase_ending_before_it_starts_is_refused():
    rows = [plan.PhaseRow(4, "活动小结", plan.month_start(2015, 12), plan.month_end(2015, 11))]
    with pytest.raises(ValidationError) as raised:
        plan_load(county=county_for_tests(), phases=rows)
    assert raised.value.messages == [
        "第4阶段“活动小结”结束于2015-11-30，早于其开始日期2015-12-01。"
    ]


def test_missing_columns_are_named(tmp_path):
    path = write_csv(
        tmp_path / "cols.csv", [(1, "宣传动员", "2015-01")], header=["序号", "阶段名称", "开始"]
    )
    with pytest.raises(PlanFileError) as raised:
        read_phase_table(path)
    assert str(raised.value) == "阶段表缺少这些列：结束。"


def test_a_month_that_cannot_be_read_is_named_by_row_and_column(tmp_path):
    path = write_csv(tmp_path / "month.csv", [(1, "宣传动员", "一月", "2015-02")])
    with pytest.raises(PlanFileError) as raised:
        read_phase_table(path)
    assert "第2行“开始”列" in str(raised.value)
    assert "“一月”" in str(raised.value)


def test_a_file_that_is_not_a_table_is_refused(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(b"not a workbook")
    with pytest.raises(PlanFileError) as raised:
        read_phase_table(path)
    assert "既不是xlsx工作簿也不是CSV文件" in str(raised.value)
