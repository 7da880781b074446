"""Rows the import refuses: the preview names each error by row and column in Chinese, offers no
confirm button, and a confirm sent anyway writes nothing."""

import io
from datetime import date

import openpyxl
import pytest
from django.urls import reverse

from outreach.models import Household, Person
from tests.outreach.import_files import (
    id_number,
    person_row,
    register,
    registry_counts,
    upload,
    with_cached_values,
    with_check_digit,
    xlsx,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def client_a(client_for, clerk_a):
    return client_for(clerk_a)


def preview(client, content) -> str:
    content = content if isinstance(content, bytes) else xlsx(content)
    response = client.post(reverse("outreach_import:start"), {"file": upload(content)})
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == reverse("outreach_import:preview")
    return client.get(reverse("outreach_import:preview")).content.decode()


def confirm(client):
    token = client.session["outreach_import"]["name"].rsplit("/", 1)[-1].removesuffix(".json")
    return client.post(reverse("outreach_import:confirm"), {"upload": token}, follow=True)


def assert_blocked(client, rows, *expected) -> str:
    before = registry_counts()
    page = preview(client, rows)
    for text in expected:
        assert text in page
    assert "确认导入" not in page
    assert "全部改正之前不能导入任何数据" in page
    response = confirm(client)
    assert "未导入任何数据。" in response.content.decode()
    assert registry_counts() == before
    return page


def test_duplicate_id_numbers_name_their_rows(client_a):
    twice = id_number()
    rows = [
        person_row(id_number=twice),
        person_row(name="王小红", relation="配偶"),
        person_row(name="王建业", id_number=twice),
    ]
    page = assert_blocked(client_a, rows, "第2、4行的身份证号相同；每人只能出现一次。")
    assert "第2行 · 身份证号" in page
    assert "第4行 · 身份证号" in page


@pytest.mark.parametrize(
    ("plaque_hung_on", "message"),
    [
        ("15/06/2015", "无法识别日期“15/06/2015”；请写成 2015-06-15 这样的格式。"),
        ("去年八一", "无法识别日期“去年八一”；请写成 2015-06-15 这样的格式。"),
        ("2015-02-30", "“2015-02-30”不是有效的日期。"),
        (date(2015, 6, 16), "2015-06-16晚于今天。"),
    ],
)
def test_a_date_that_cannot_be_read_is_an_error(client_a, plaque_hung_on, message):
    page = assert_blocked(client_a, [person_row(plaque_hung_on=plaque_hung_on)], message)
    assert "第2行 · 光荣牌悬挂日期" in page


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        (
            {"id_number": "110101196203040012"},
            "身份证号",
            "身份证号校验位不正确，请逐位核对。",
        ),
        (
            {"id_number": with_check_digit("11010119620230001")},
            "身份证号",
            "身份证号中的出生日期19620230不是有效日期。",
        ),
        ({"id_number": "11010119620304"}, "身份证号", "身份证号应为18位，此号码为14位。"),
        (
            {"id_number": 110101196203040011},
            "身份证号",
            "Excel 把这个身份证号存成了数字，末几位会丢失。",
        ),
        (
            {"relation": "儿子"},
            "与军人关系",
            "“儿子”不是可选项；可选：本人、父母、抚养人、配偶、子女、兄弟姐妹。",
        ),
        (
            {"categories": "退役士兵、退伍老兵"},
            "对象类别",
            "不在列表中：退伍老兵。请使用模板下拉列表中的名称，多个之间用“、”分隔。",
        ),
        ({"priority_marks": "老党员"}, "重点优抚", "不在列表中：老党员。"),
        (
            {"disability_grade": "十一级", "disability_nature": "因战"},
            "残疾等级",
            "“十一级”不是残疾等级；请填写一级至十级。",
        ),
        (
            {"disability_nature": "因战"},
            "残疾等级",
            "填写残疾性质时须同时填写残疾等级。",
        ),
        (
            {"disability_grade": "三级", "disability_nature": "工伤"},
            "残疾性质",
            "“工伤”不是可选项；可选：因战、因公、因病。",
        ),
        ({"deceased": "不详"}, "是否已故", "请填写“是”或“否”，不能填“不详”。"),
        ({"name": None}, "姓名", "此项必须填写。"),
        ({"relation": None}, "与军人关系", "此项必须填写。"),
        ({"number": None}, "户编号", "此项必须填写。"),
        ({"id_number": " "}, "身份证号", "此项必须填写。"),
        ({"name": "王" * 51}, "姓名", "最多50个字，这里有51个。"),
        (
            {"number": "0002", "head_name": None},
            "户主姓名",
            "新建的户必须填写此项；在该户任意一行填写即可。",
        ),
    ],
)
def test_a_bad_cell_is_named_by_row_and_column(client_a, cells, column, message):
    page = assert_blocked(client_a, [person_row(name="王建国"), person_row(**cells)], message)
    assert f"第3行 · {column}" in page


def test_household_columns_must_agree_across_its_rows(client_a):
    rows = [person_row(village="东风村"), person_row(name="王小红", village="西风村")]
    page = assert_blocked(client_a, rows, "与同一户第2行的填写（东风村）不一致。")
    assert "第3行 · 村(社区)" in page


def test_an_id_number_from_another_township_names_nothing_of_it(client_a, township_b, clerk_b):
    household_b, person_b = register(township_b, head_name="李红", person_name="李红")
    page = assert_blocked(
        client_a,
        [person_row(name="张冒名", id_number=person_b.id_number)],
        "该身份证号已在其他乡镇登记。",
    )
    for private in ("李红", "西河村", "乙乡", "13900001111"):
        assert private not in page
    household_b.refresh_from_db()
    person_b.refresh_from_db()
    assert (person_b.name, person_b.household_id, household_b.head_name) == (
        "李红",
        household_b.pk,
        "李红",
    )


def test_an_id_number_in_another_household_of_the_township_names_that_household(
    client_a, township_a
):
    _household, person = register(
        township_a, number="0009", head_name="赵铁柱", person_name="赵铁柱"
    )
    assert_blocked(
        client_a,
        [person_row(number="0001", name="赵铁柱", id_number=person.id_number)],
        "0009",
        "赵铁柱",
    )


def test_an_archived_household_is_not_written_to(client_a, township_a):
    household, _person = register(township_a, number="0007")
    household.archived = True
    household.save()
    assert_blocked(
        client_a,
        [person_row(number="0007")],
        "户编号0007的户已归档；请先在系统中恢复该户，或改用其他户编号。",
    )


def test_an_unknown_area_code_is_a_warning_only(client_a):
    number = with_check_digit("99999919620304001")
    page = preview(client_a, [person_row(id_number=number)])
    assert "地区码999999在任何年份都不存在，请核对。" in page
    assert "确认导入" in page
    confirm(client_a)
    assert Person.objects.get().id_number == number


def test_formulas_are_read_as_their_saved_values_never_evaluated(client_a):
    row = person_row(head_name='="赵"&"大"', name="=B2", categories='="退役士兵"')
    # What Excel saved beside each formula; evaluating them would give something else.
    content = with_cached_values(xlsx([row]), {"B2": "王建国", "H2": "王建国", "K2": "复员军人"})
    page = preview(client_a, content)
    assert "确认导入" in page
    confirm(client_a)
    person = Person.objects.get()
    assert (person.household.head_name, person.name) == ("王建国", "王建国")
    assert [c.name for c in person.categories.all()] == ["复员军人"]


def test_a_formula_without_a_saved_value_is_named_a_formula(client_a):
    row = person_row(name='="王"&"建国"')
    page = assert_blocked(
        client_a,
        [row],
        "第2行 · 姓名",
        "此单元格是公式，文件中没有保存它的计算结果",
        "选择性粘贴—数值",
    )
    assert "此项必须填写。" not in page


def test_every_error_of_the_file_is_listed_at_once(client_a):
    rows = [
        person_row(relation="儿子"),
        person_row(name="王小红", id_number="110101196203040012", categories="老兵"),
    ]
    page = assert_blocked(
        client_a, rows, "第2行 · 与军人关系", "第3行 · 身份证号", "第3行 · 对象类别"
    )
    assert page.count("list-group-item-danger") == 3


def test_a_title_row_above_the_headers_is_skipped(client_a):
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx([person_row()])))
    workbook.active.insert_rows(1)
    workbook.active["A1"] = "甲镇优抚对象花名册（2015年）"
    buffer = io.BytesIO()
    workbook.save(buffer)
    page = preview(client_a, buffer.getvalue())
    assert "确认导入" in page
    confirm(client_a)
    assert Household.objects.get().head_name == "王建国"
