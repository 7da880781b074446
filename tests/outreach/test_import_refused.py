"""Files the import refuses as a whole, at upload: each gets its Chinese message and leaves the
registry, the session and the upload folder as they were."""

import io
import zipfile

import openpyxl
import pytest
from django.urls import reverse

from outreach.imports.limits import MAX_ROWS
from tests.outreach.import_files import HEADERS, person_row, registry_counts, upload, xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def client_a(client_for, clerk_a):
    return client_for(clerk_a)


def refused(client, content: bytes, name: str = "优抚对象.xlsx") -> str:
    before = registry_counts()
    response = client.post(reverse("outreach_import:start"), {"file": upload(content, name)})
    assert response.status_code == 200  # the form again, with the message
    assert registry_counts() == before
    assert "outreach_import" not in client.session
    assert not (response.wsgi_request.session.get("outreach_import"))
    return response.content.decode()


def assert_nothing_stored(settings):
    folder = settings.MEDIA_ROOT / "imports"
    assert not folder.exists() or list(folder.iterdir()) == []


@pytest.mark.parametrize(
    "content",
    [
        "户编号,户主姓名,姓名,身份证号\n0001,王建国,王建国,110101196203040011\n".encode("gbk"),
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        "户编号\t姓名\n0001\t王建国\n".encode("utf-16"),
    ],
    ids=["csv", "pdf", "tab-separated"],
)
def test_a_file_that_is_not_xlsx_is_refused_whatever_its_name(client_a, settings, content):
    page = refused(client_a, content, name="花名册.xlsx")
    assert "该文件不是 Excel 工作簿（.xlsx），与文件名无关。请下载模板，填写后上传。" in page
    assert_nothing_stored(settings)


def test_an_encrypted_workbook_is_refused(client_a, settings):
    # Excel wraps a password-protected .xlsx in an OLE compound file, as it does an old .xls.
    content = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 4096
    page = refused(client_a, content)
    assert "该文件已加密，或是旧版 Excel 97-2003（.xls）格式。请取消密码" in page
    assert_nothing_stored(settings)


def test_a_damaged_workbook_is_refused(client_a, settings):
    content = xlsx([person_row()])
    page = refused(client_a, content[: len(content) // 2])
    assert "文件已损坏或不是真正的 Excel 工作簿（.xlsx），无法读取。" in page
    assert_nothing_stored(settings)


def test_a_zip_that_is_not_a_workbook_is_refused(client_a):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    page = refused(client_a, buffer.getvalue(), name="花名册.docx.xlsx")
    assert "文件已损坏或不是真正的 Excel 工作簿（.xlsx），无法读取。" in page


def test_a_file_over_10_mb_is_refused(client_a, settings):
    content = b"PK\x03\x04" + b"\x00" * (10 * 1024 * 1024)
    page = refused(client_a, content)
    assert "文件大小为10.0 MB，超过10 MB 的文件不能导入。请拆分成几个较小的文件。" in page
    assert_nothing_stored(settings)


def test_more_than_20000_data_rows_are_refused(client_a, settings):
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("优抚对象")
    sheet.append(HEADERS)
    for n in range(MAX_ROWS + 1):
        sheet.append([f"{n:05d}", None, None, None, None, None, None, f"人{n}"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    page = refused(client_a, buffer.getvalue())
    assert "文件有20001行数据，一次最多导入20000行。请拆分成每个不超过20000行的文件。" in page
    assert_nothing_stored(settings)


def test_missing_columns_are_named(client_a):
    headers = [h for h in HEADERS if h not in ("身份证号", "对象类别")]
    page = refused(client_a, xlsx([person_row()], headers=headers))
    assert "缺少以下列：身份证号、对象类别。请保持模板的表头不变。" in page


def test_a_renamed_column_is_named_both_ways(client_a):
    row = person_row()
    row["身份证号码"] = row.pop("身份证号")
    headers = [("身份证号码" if h == "身份证号" else h) for h in HEADERS]
    page = refused(client_a, xlsx([row], headers=headers))
    assert "缺少以下列：身份证号。请保持模板的表头不变。 文件中有模板没有的列：身份证号码。" in page


def test_a_column_given_twice_is_refused(client_a):
    page = refused(client_a, xlsx([person_row()], headers=[*HEADERS, "姓名"]))
    assert "以下列出现了不止一次：姓名。每列只保留一个。" in page


def test_a_sheet_with_headers_only_is_refused(client_a):
    page = refused(client_a, xlsx([]))
    assert "表头下面没有数据行。" in page


def test_an_empty_file_is_refused(client_a):
    page = refused(client_a, b"")
    assert "所提交的是空文件。" in page


def test_the_form_asks_for_a_file(client_a):
    before = registry_counts()
    response = client_a.post(reverse("outreach_import:start"), {})
    assert "这个字段是必填项。" in response.content.decode()
    assert registry_counts() == before
