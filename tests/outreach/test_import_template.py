"""The template a clerk downloads, read back as Excel would show it, and the ways clerks fill
it in that the import reads the same."""

import io
from datetime import date, datetime

import openpyxl
import pytest
from django.urls import reverse

from outreach.imports.plan import plan_import
from outreach.imports.reading import read_workbook
from outreach.models import BeneficiaryCategory, Household, Person
from tests.outreach.import_files import HEADERS, person_row, upload, xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def template(client_for, clerk_a):
    response = client_for(clerk_a).get(reverse("outreach_import:template"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    return openpyxl.load_workbook(io.BytesIO(response.content))


def validation_for(sheet, cell: str):
    return next(dv for dv in sheet.data_validations.dataValidation if cell in dv.sqref)


def listed(workbook, validation) -> list[str]:
    # formula1 reads like '选项'!$A$2:$A$7
    sheet_name, cells = validation.formula1.split("!")
    rows = workbook[sheet_name.strip("'")][cells.replace("$", "")]
    return [row[0].value for row in rows]


def test_the_template_has_the_chinese_headers_in_order(template):
    assert template.sheetnames == ["优抚对象", "说明", "选项"]
    sheet = template["优抚对象"]
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert HEADERS[:3] == ["户编号", "户主姓名", "村(社区)"]
    assert sheet["A1"].font.name == "宋体"
    assert sheet["A1"].font.b
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == 1  # no example rows to import by mistake
    assert template["选项"].sheet_state == "hidden"


def test_the_template_offers_lists_for_relations_and_categories(template):
    sheet = template["优抚对象"]
    relation = validation_for(sheet, "J2")
    assert listed(template, relation) == ["本人", "父母", "抚养人", "配偶", "子女", "兄弟姐妹"]
    assert relation.showErrorMessage
    assert "J20001" in relation.sqref

    categories = validation_for(sheet, "K2")
    assert listed(template, categories) == list(
        BeneficiaryCategory.objects.values_list("name", flat=True)
    )
    assert "烈士遗属" in listed(template, categories)
    assert not categories.showErrorMessage  # several names separated by 、 are fine
    assert "参战退役人员" in listed(template, validation_for(sheet, "L2"))
    assert listed(template, validation_for(sheet, "M2"))[:3] == ["一级", "二级", "三级"]
    assert listed(template, validation_for(sheet, "N2")) == ["因战", "因公", "因病"]
    assert listed(template, validation_for(sheet, "P2")) == ["是", "否"]


def test_id_numbers_household_numbers_and_phones_are_text_columns(template):
    dimensions = template["优抚对象"].column_dimensions
    assert {letter: dimensions[letter].number_format for letter in "AEIO"} == dict.fromkeys(
        "AEIO", "@"
    )
    assert dimensions["F"].number_format == "yyyy-mm-dd"


def test_the_instructions_sheet_explains_every_column_in_chinese(template):
    text = "\n".join(row[0].value for row in template["说明"].iter_rows())
    assert text.startswith("优抚对象导入模板填写说明")
    assert "2. 必填列（橙色表头）：户编号、户主姓名、村(社区)、姓名、身份证号、与军人关系。" in text
    assert "身份证号：18位，按文本填写" in text
    assert "对象类别和重点优抚：填写列表中的一个或多个名称，多个之间用“、”分隔。" in text
    assert "残疾等级：一级至十级。残疾性质：因战、因公、因病" in text
    assert "导入不会删除任何户或人员。" in text


def test_a_filled_in_template_imports(template, client_for, clerk_a, township_a):
    sheet = template["优抚对象"]
    for row in (person_row(), person_row(name="刘秀英", relation="配偶")):
        sheet.append([row[header] for header in HEADERS])
    buffer = io.BytesIO()
    template.save(buffer)
    client = client_for(clerk_a)
    client.post(reverse("outreach_import:start"), {"file": upload(buffer.getvalue())})
    name = client.session["outreach_import"]["name"]
    token = name.rsplit("/", 1)[-1].removesuffix(".json")
    client.post(reverse("outreach_import:confirm"), {"upload": token})
    assert Household.objects.get().township == township_a
    assert Person.objects.count() == 2


def plan_for(rows, township, **kwargs):
    return plan_import(read_workbook(io.BytesIO(xlsx(rows, **kwargs))), township=township)


@pytest.mark.parametrize(
    "written",
    ["2015-06-01", "2015/6/1", "2015.6.1", "2015年6月1日", "20150601", datetime(2015, 6, 1, 0, 0)],
)
def test_dates_are_read_in_the_ways_clerks_write_them(township_a, written):
    plan = plan_for([person_row(plaque_hung_on=written)], township_a)
    assert plan.errors == []
    assert plan.new_plaques == {"0001": (date(2015, 6, 1), "veteran")}


@pytest.mark.parametrize("written", ["三级", "3级", "3", 3, "３级"])
def test_disability_grades_are_read_in_the_ways_clerks_write_them(township_a, written):
    plan = plan_for([person_row(disability_grade=written, disability_nature="因公")], township_a)
    assert plan.errors == []
    person = plan.new_persons[0][0]
    assert (person.disability_grade, person.disability_nature) == (3, "duty")


def test_several_names_may_be_separated_in_the_usual_ways(township_a):
    plan = plan_for(
        [
            person_row(
                categories="退役士兵，残疾军人 复员军人", priority_marks="参试（参核）退役人员"
            )
        ],
        township_a,
    )
    assert plan.errors == []
    _person, _number, categories, marks = plan.new_persons[0]
    assert len(categories) == 3
    assert len(marks) == 1


def test_headers_with_required_marks_and_full_width_brackets_are_the_same_columns(township_a):
    headers = [{"村(社区)": "村（社区）", "姓名": "姓名*"}.get(h, h) for h in HEADERS]
    rows = [{headers[HEADERS.index(k)]: v for k, v in person_row().items()}]
    plan = plan_for(rows, township_a, headers=headers)
    assert plan.errors == []
    assert plan.new_households[0].village == "东风村"


def test_household_columns_left_empty_below_its_first_row_are_the_households(township_a):
    # as when a clerk merges the household's cells over its rows
    first = person_row()
    second = person_row(name="刘秀英", relation="配偶", head_name=None, village=None, address=None)
    second["家庭电话"] = None
    plan = plan_for([first, second], township_a)
    assert plan.errors == []
    assert len(plan.new_households) == 1
    assert plan.counts["persons_new"] == 2


def test_columns_added_by_the_clerk_are_ignored(township_a):
    rows = [{"序号": 1, **person_row()}]
    plan = plan_for(rows, township_a, headers=["序号", *HEADERS, "错误"])
    assert plan.errors == []
    assert plan.counts["persons_new"] == 1
