"""Accounts from a sheet, as the household import goes: a template to download, a preview
showing every bad row with its reason, nothing created until the sheet is fixed, then every
row created in one go, each with a one-time code on a printable slip."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from administration.models import OneTimeCode
from campaign.models import User
from tests.administration.accounts import SHEET_HEADERS, sheet_bytes
from tests.factories import UnitFactory, county_for_tests

pytestmark = pytest.mark.django_db

HEADERS = SHEET_HEADERS
START = reverse("administration:accounts_import")
PREVIEW = reverse("administration:accounts_import_preview")
CONFIRM = reverse("administration:accounts_import_confirm")


def sheet(rows) -> SimpleUploadedFile:
    return SimpleUploadedFile("账号.xlsx", sheet_bytes(rows))


def twenty(township_a, township_b, member_unit):
    units = [township_a.name, township_b.name, member_unit.name, "town-a"]
    return [
        [f"clerk-{n:02d}", f"文书{n:02d}", units[n % 4], f"1380000{n:04d}", "", ""]
        for n in range(20)
    ]


def upload(client, rows):
    return client.post(START, {"file": sheet(rows)})


def confirm(client):
    token = client.get(PREVIEW).context["token"]
    return client.post(CONFIRM, {"upload": token})


def test_the_template_holds_the_columns_and_the_countys_units(client_for, office, township_a):
    response = client_for(office).get(reverse("administration:accounts_import_template"))
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    assert list(next(book["账号"].iter_rows(values_only=True))) == HEADERS
    notes = [row[0] for row in book["说明"].iter_rows(values_only=True)]
    assert "甲镇" in notes


def test_twenty_rows_with_one_bad_create_nothing_until_it_is_fixed(
    client_for, office, township_a, township_b, member_unit
):
    client = client_for(office)
    rows = twenty(township_a, township_b, member_unit)
    rows[7][2] = "不存在镇"
    assert upload(client, rows).status_code == 302
    preview = client.get(PREVIEW).content.decode()
    assert 'data-testid="blocked"' in preview and "本县没有在用的单位“不存在镇”" in preview
    assert preview.count('data-testid="bad-row"') == 1
    before = User.objects.count()
    response = confirm(client)
    assert response.status_code == 302 and User.objects.count() == before

    rows[7][2] = township_a.name
    upload(client, rows)
    assert 'data-testid="ready"' in client.get(PREVIEW).content.decode()
    response = confirm(client)
    assert response.status_code == 200
    created = User.objects.filter(username__startswith="clerk-")
    assert created.count() == 20
    assert OneTimeCode.objects.live().filter(user__in=created).count() == 20
    page = response.content.decode()
    assert page.count('data-testid="slip"') == 20
    codes = [issued.code for issued in response.context["issued"]]
    assert len(set(codes)) == 20
    assert all(f"{code[:4]}-{code[4:]}" in page for code in codes)
    assert User.objects.get(username="clerk-03").unit == township_a  # written as its code
    # The sheet waits no longer.
    assert client.get(PREVIEW).status_code == 302


def test_every_bad_row_is_shown_with_its_reason(
    client_for, office, office_unit, township_a, clerk_a
):
    elsewhere = UnitFactory(area=county_for_tests("乙县"), code="town-x", name="外县镇")
    client = client_for(office)
    rows = [
        ["ok-1", "好一", township_a.name, "", "", ""],
        ["dup", "重复甲", township_a.name, "", "", ""],
        ["DUP", "重复乙", township_a.name, "", "", ""],
        ["clerk-a", "已有", township_a.name, "", "", ""],
        ["far", "外县", elsewhere.name, "", "", ""],
        ["nobody", "", township_a.name, "", "", ""],
        ["phone", "电话", township_a.name, "12345", "", ""],
        ["boss", "管理", township_a.name, "", "", "是"],
        ["office-ok", "办公室", office_unit.name, "", "", "是"],
        ["flag", "标记", township_a.name, "", "", "也许"],
    ]
    upload(client, rows)
    response = client.get(PREVIEW)
    by_row = {row.cells["username"]: row.errors for row in response.context["plan"].rows}
    assert by_row["ok-1"] == [] and by_row["office-ok"] == [] and by_row["dup"] == []
    assert "与第3行重复" in " ".join(by_row["DUP"])
    assert "已被使用" in " ".join(by_row["clerk-a"])
    assert "本县没有在用的单位“外县镇”" in " ".join(by_row["far"])
    assert "缺少姓名" in " ".join(by_row["nobody"])
    assert "不是电话号码" in " ".join(by_row["phone"])
    assert "只有县双拥办的用户" in " ".join(by_row["boss"])
    assert "也许" in " ".join(by_row["flag"])
    page = response.content.decode()
    assert page.count('data-testid="bad-row"') == 7
    before = User.objects.count()
    confirm(client)
    assert User.objects.count() == before


def test_a_file_that_is_not_a_workbook_is_refused(client_for, office):
    response = client_for(office).post(START, {"file": SimpleUploadedFile("a.xlsx", b"hello")})
    assert response.status_code == 200 and response.context["form"].errors["file"]


def test_a_sheet_without_the_columns_is_refused(client_for, office):
    workbook = Workbook()
    workbook.active.append(["甲", "乙"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = client_for(office).post(
        START, {"file": SimpleUploadedFile("a.xlsx", buffer.getvalue())}
    )
    assert "用户名" in " ".join(response.context["form"].errors["file"])


def test_a_confirm_for_another_upload_is_refused(client_for, office, township_a):
    client = client_for(office)
    upload(client, [["solo", "独一", township_a.name, "", "", ""]])
    response = client.post(CONFIRM, {"upload": "not-the-one"})
    assert response.status_code == 302 and not User.objects.filter(username="solo").exists()


def test_a_username_taken_between_preview_and_confirm_creates_nothing(
    client_for, office, township_a
):
    from tests.factories import UserFactory

    client = client_for(office)
    rows = [["solo", "独一", township_a.name, "", "", ""], ["two", "二", "甲镇", "", "", ""]]
    upload(client, rows)
    token = client.get(PREVIEW).context["token"]
    UserFactory(username="two", unit=township_a)
    response = client.post(CONFIRM, {"upload": token}, follow=True)
    assert "未创建任何账号" in response.content.decode()
    assert not User.objects.filter(username="solo").exists()


def test_the_start_page_offers_the_waiting_sheet_through_the_shared_form(
    client_for, office, township_a
):
    client = client_for(office)
    upload(client, [["clerk-x", "文书", township_a.name, "", "", ""]])
    response = client.get(START)
    assert "_sheet_upload.html" in [t.name for t in response.templates]
    page = response.content.decode()
    assert 'data-testid="pending"' in page and "“账号.xlsx”" in page
    assert reverse("administration:accounts_import_cancel") in page
