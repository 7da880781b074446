"""Every look accounted for, and every screen and file carrying its reader: full views, exports,
prints and imports are logged with who, when, what and whose; the office reads who looked at a
person and what a user looked at; a person's own data is issued as one logged workbook; pages
and workbooks with personal details carry the reader's name and the time unless WATERMARK is
off."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from outreach.models import IdNumberView
from tests.administration.accounts import sheet_bytes
from tests.exports import export
from tests.factories import CaseFactory, HouseholdFactory, PersonFactory, UserFactory
from tests.outreach.import_files import person_row, upload, xlsx

pytestmark = pytest.mark.django_db


def looks_page(client, person) -> str:
    return client.get(reverse("outreach:person_looks", args=[person.pk])).content.decode()


def test_a_full_view_made_here_is_on_the_who_looked_at_this_person_page(
    client_for, office, clerk_a, person
):
    clerk = client_for(clerk_a)
    assert clerk.get(reverse("outreach:household", args=[person.household_id])).status_code == 200
    [look] = IdNumberView.objects.about(person)
    assert (look.user, look.kind, look.source) == (clerk_a, "view", "household_page")
    assert look.county_id == person.household.township.area_id

    office_client = client_for(office)
    page = looks_page(office_client, person)
    assert clerk_a.display_name in page
    assert "查看完整证件号或电话" in page and "优抚对象户页面" in page
    assert 'data-total="1"' in page or "共1条" in page
    # Reading the log is not itself a full view.
    assert IdNumberView.objects.about(person).count() == 1


def test_the_household_page_links_each_person_to_its_looks_for_the_office_only(
    client_for, office, clerk_a, person
):
    url = reverse("outreach:person_looks", args=[person.pk])
    household = reverse("outreach:household", args=[person.household_id])
    assert url in client_for(office).get(household).content.decode()
    assert url not in client_for(clerk_a).get(household).content.decode()


def test_the_account_page_links_to_what_the_user_looked_at(client_for, office, clerk_a, person):
    client_for(clerk_a).get(reverse("outreach:person_edit", args=[person.pk]))
    office_client = client_for(office)
    account = office_client.get(reverse("administration:accounts_detail", args=[clerk_a.pk]))
    url = reverse("outreach:user_looks", args=[clerk_a.pk])
    assert url in account.content.decode()
    page = office_client.get(url).content.decode()
    assert person.name in page and "人员表单" in page


def test_a_ledger_export_is_logged_with_every_person_of_its_rows(
    client_for, office, plan, township_a
):
    households = [HouseholdFactory(township=township_a) for _ in range(3)]
    persons = [PersonFactory(household=h) for h in households for _ in range(2)]
    for household in households[:2]:
        CaseFactory(household=household)
    bystander = {p.pk for p in persons if p.household_id == households[2].pk}
    response = client_for(office).get(reverse("grievances:ledger_export"))
    assert response.status_code == 200
    b"".join(response.streaming_content)
    [look] = IdNumberView.objects.filter(source="ledger_export")
    assert (look.user, look.kind, look.count) == (office, "export", 2)
    linked = set(look.persons.values_list("pk", flat=True))
    assert linked == {p.pk for p in persons} - bystander
    assert IdNumberView.objects.about(persons[0]).get() == look
    assert not IdNumberView.objects.about(persons[-1]).exists()


def test_the_printed_ledger_and_the_year_end_workbook_are_logged(client_for, office, person, case):
    client = client_for(office)
    assert client.get(reverse("grievances:ledger_print")).status_code == 200
    response = export(client, reverse("reports:workbook", args=[2015]))
    b"".join(response.streaming_content)
    sources = set(IdNumberView.objects.about(person).values_list("source", flat=True))
    assert sources == {"ledger_print", "yearend_workbook"}


def test_an_excel_import_of_households_is_logged_with_the_persons_it_wrote(
    client_for, clerk_a, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    client = client_for(clerk_a)
    rows = [person_row(), person_row(name="刘秀英", relation="配偶")]
    client.post(reverse("outreach_import:start"), {"file": upload(xlsx(rows))})
    token = client.session["outreach_import"]["name"].rsplit("/", 1)[-1].removesuffix(".json")
    client.post(reverse("outreach_import:confirm"), {"upload": token})
    [look] = IdNumberView.objects.filter(kind="import")
    assert (look.user, look.source, look.count) == (clerk_a, "household_import", 2)
    assert sorted(look.persons.values_list("name", flat=True)) == sorted(["王建国", "刘秀英"])


def test_an_accounts_sheet_import_is_logged(client_for, office, township_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(office)
    rows = [["clerk-01", "文书01", township_a.name, "13800000001", "", ""]]
    client.post(
        reverse("administration:accounts_import"),
        {"file": SimpleUploadedFile("账号.xlsx", sheet_bytes(rows))},
    )
    token = client.get(reverse("administration:accounts_import_preview")).context["token"]
    client.post(reverse("administration:accounts_import_confirm"), {"upload": token})
    [look] = IdNumberView.objects.filter(kind="import")
    assert (look.user, look.source, look.count) == (office, "accounts_import", 1)


def test_the_operation_log_shows_each_kind_of_look(client_for, office, clerk_a, person, case):
    client_for(clerk_a).get(reverse("outreach:household", args=[person.household_id]))
    b"".join(client_for(office).get(reverse("grievances:ledger_export")).streaming_content)
    rows = client_for(office).get(reverse("audit:trail"), {"record_type": "id_view"})
    actions = {(r["user"], r["action"]) for r in rows.context["rows"]}
    assert actions == {(clerk_a, "优抚对象户页面"), (office, "问题台账工作簿")}


def test_a_persons_own_data_is_issued_as_one_workbook_and_the_issue_is_logged(
    client_for, office, person, case
):
    person.phone = "13912345678"
    person.save()
    response = client_for(office).post(reverse("outreach:person_copy", args=[person.pk]))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames == ["人员", "户", "走访与发现", "问题", "光荣牌", "记录变更历史"]
    cells = {
        name: [[c for c in row if c is not None] for row in book[name].iter_rows(values_only=True)]
        for name in book.sheetnames
    }
    assert ["身份证号", person.id_number] in cells["人员"]
    assert ["电话", "13912345678"] in cells["人员"]
    assert ["户主", person.household.head_name] in cells["户"]
    assert any(case.number in row for row in cells["问题"])
    history = cells["记录变更历史"]
    assert any(len(row) > 1 and row[1] == "修改" and "13912345678" in row for row in history)
    [look] = IdNumberView.objects.filter(kind="copy")
    assert (look.user, look.source, list(look.persons.all())) == (office, "person_copy", [person])


def test_only_the_county_office_issues_a_persons_own_data(client_for, clerk_a, leader, person):
    for user in (clerk_a, leader):
        response = client_for(user).post(reverse("outreach:person_copy", args=[person.pk]))
        assert response.status_code == 403
    assert not IdNumberView.objects.exists()


PAGES = [
    ("outreach:household", "household"),
    ("outreach:households", None),
    ("outreach:person_edit", "person"),
    ("outreach:person_looks", "person"),
    ("outreach:user_looks", "office"),
    ("grievances:ledger", None),
    ("grievances:ledger_print", None),
]


@pytest.mark.parametrize(("name", "fixture"), PAGES, ids=[p[0] for p in PAGES])
def test_pages_with_personal_details_carry_the_readers_watermark(
    name, fixture, request, client_for, office, person
):
    args = [request.getfixturevalue(fixture).pk] if fixture else []
    page = client_for(office).get(reverse(name, args=args)).content.decode()
    assert 'class="watermark" aria-hidden="true" data-testid="watermark"' in page
    assert f"<span>{office.display_name}（office）" in page


@pytest.mark.parametrize(("name", "fixture"), PAGES, ids=[p[0] for p in PAGES])
def test_the_watermark_setting_turns_the_pages_mark_off(
    name, fixture, request, client_for, office, person, settings
):
    settings.WATERMARK = False
    args = [request.getfixturevalue(fixture).pk] if fixture else []
    page = client_for(office).get(reverse(name, args=args)).content.decode()
    assert 'data-testid="watermark"' not in page


def test_a_page_without_personal_details_has_no_watermark(client_for, office, plan):
    assert 'data-testid="watermark"' not in client_for(office).get(reverse("home")).content.decode()


def test_the_watermark_never_takes_a_click_and_prints(client):
    from django.contrib.staticfiles import finders

    css = open(finders.find("css/app.css"), encoding="utf-8").read()
    rule = css[css.index(".watermark {") :]
    assert "pointer-events: none" in rule and "position: fixed" in rule
    assert "@media print" in rule


def exported(client, name, *args):
    method = "get" if name == "grievances:ledger_export" else "post"
    response = export(client, reverse(name, args=args), method=method)
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


@pytest.mark.parametrize(
    ("name", "args"), [("grievances:ledger_export", []), ("reports:workbook", [2015])]
)
def test_every_exported_workbook_carries_its_reader(name, args, client_for, office, case, settings):
    book = exported(client_for(office), name, *args)
    mark = f"导出人：{office.display_name}（office）"
    assert book.properties.description.startswith(mark)
    for sheet in book.worksheets:
        assert sheet.oddHeader.right.text.startswith(mark), sheet.title
        top = " ".join(str(c) for row in sheet.iter_rows(max_row=3, values_only=True) for c in row)
        assert mark in top, sheet.title

    settings.WATERMARK = False
    book = exported(client_for(office), name, *args)
    assert not book.properties.description
    for sheet in book.worksheets:
        assert not sheet.oddHeader.right.text
        top = " ".join(str(c) for row in sheet.iter_rows(max_row=3, values_only=True) for c in row)
        assert "导出人" not in top


def test_the_copy_of_a_persons_data_carries_its_reader_unless_turned_off(
    client_for, office, person, settings
):
    url = reverse("outreach:person_copy", args=[person.pk])
    book = load_workbook(io.BytesIO(b"".join(client_for(office).post(url).streaming_content)))
    mark = f"导出人：{office.display_name}（office）"
    assert book.properties.description.startswith(mark)
    assert all(mark in str(sheet["A1"].value) for sheet in book.worksheets)
    settings.WATERMARK = False
    book = load_workbook(io.BytesIO(b"".join(client_for(office).post(url).streaming_content)))
    assert not book.properties.description
    assert all("导出人" not in str(sheet["A1"].value) for sheet in book.worksheets)


def test_another_user_looks_only_at_what_it_looked_at(client_for, office, clerk_a, person):
    other = UserFactory(unit=clerk_a.unit, username="clerk-a2", last_name="钱")
    client_for(clerk_a).get(reverse("outreach:household", args=[person.household_id]))
    page = client_for(office).get(reverse("outreach:user_looks", args=[other.pk]))
    assert page.context["page_obj"].paginator.count == 0


def test_the_import_error_file_is_logged_and_carries_its_reader_off_the_data_sheet(
    client_for, clerk_a, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    client = client_for(clerk_a)
    rows = [person_row(), person_row(name="王小红", relation="儿子")]
    client.post(reverse("outreach_import:start"), {"file": upload(xlsx(rows))})
    response = client.get(reverse("outreach_import:errors"))
    book = load_workbook(io.BytesIO(response.content))
    mark = f"导出人：{clerk_a.display_name}（{clerk_a.username}）"
    assert book.properties.description.startswith(mark)
    data = book["优抚对象"]
    assert data.oddHeader.right.text.startswith(mark)
    assert not any(mark in str(c) for row in data.iter_rows(values_only=True) for c in row)
    assert any(
        mark in str(c) for row in book.worksheets[1].iter_rows(values_only=True) for c in row
    )
    [look] = IdNumberView.objects.all()
    assert (look.user, look.kind, look.source, look.count) == (
        clerk_a,
        "export",
        "import_errors",
        2,
    )


@pytest.mark.parametrize("households", [1, 30])
def test_a_files_persons_are_linked_in_the_same_queries_however_many(
    households, office, township_a, django_assert_num_queries
):
    from outreach.services import log_personal_file, persons_of_households

    for _ in range(households):
        PersonFactory.create_batch(2, household=HouseholdFactory(township=township_a))
    chosen = persons_of_households(township_a.households.values("pk"))
    with django_assert_num_queries(3):  # the log row, the links, the count kept on the row
        look = log_personal_file(
            user=office, kind="export", source="ledger_export", person_ids=chosen
        )
    assert look.count == 2 * households
    assert set(look.persons.values_list("pk", flat=True)) == set(
        chosen.values_list("pk", flat=True)
    )
