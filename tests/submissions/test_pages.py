"""The pages of reports due: the lists with their totals and bounded queries, a request's
per-unit states, submitting through the form, the office's review, and the workbench."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaign.workbench import items_for
from submissions import services
from submissions.models import Attachment, ReportRequest, Submission
from tests.conftest import PNG
from tests.fixtures.submissions import PDF_BYTES, make_report_request

pytestmark = pytest.mark.django_db

REQUESTS = reverse("submissions:requests")
SUBMISSIONS = reverse("submissions:submissions")


def total(response) -> int:
    return response.context["page_obj"].paginator.count


@pytest.mark.parametrize("rows", [1, 3])
@pytest.mark.parametrize("who", ["office", "clerk_a"])
def test_the_request_list_keeps_its_queries_whatever_its_rows(
    rows, who, request, client_for, office, clerk_a, township_a, django_assert_max_num_queries
):
    for number in range(rows):
        asked = make_report_request(office, [township_a], title=f"小结{number}")
        if number:
            services.submission_submit(user=clerk_a, request=asked, text="报送")
    client = client_for(request.getfixturevalue(who))
    with django_assert_max_num_queries(12):
        response = client.get(REQUESTS)
    page = response.content.decode()
    assert total(response) == rows and f'data-total="{rows}"' in page
    assert all(f"小结{number}" in page for number in range(rows))


@pytest.mark.parametrize("rows", [1, 3])
def test_the_submission_list_keeps_its_queries_whatever_its_rows(
    rows, client_for, office, clerk_a, township_a, django_assert_max_num_queries
):
    for number in range(rows):
        asked = make_report_request(office, [township_a], title=f"小结{number}")
        services.submission_submit(user=clerk_a, request=asked, text="报送")
    client = client_for(office)
    with django_assert_max_num_queries(11):
        response = client.get(SUBMISSIONS)
    page = response.content.decode()
    assert total(response) == rows
    assert all(f"小结{number}" in page for number in range(rows))


def test_the_office_sees_each_units_state_and_the_counts(
    settings, client_for, office, clerk_a, clerk_b, township_a, township_b, member_unit
):
    asked = make_report_request(office, [township_a, township_b, member_unit])
    services.submission_submit(user=clerk_a, request=asked, text="按时")
    settings.SHUANGYONG_TODAY = date(2015, 7, 3)
    services.submission_submit(user=clerk_b, request=asked, text="逾期")
    page = client_for(office).get(asked.get_absolute_url()).content.decode()
    assert 'data-unit="甲镇" data-state="on_time"' in page
    assert 'data-unit="乙乡" data-state="late"' in page
    assert f'data-unit="{member_unit.name}" data-state="missing"' in page
    assert "应报3个单位 · 已报2个 · 逾期1个 · 未报1个" in page
    listed = client_for(office).get(REQUESTS)
    row = listed.context["object_list"][0]
    assert (row.n_asked, row.n_submitted, row.n_late, row.n_missing) == (3, 2, 1, 1)


def test_a_unit_submits_with_files_and_a_bad_file_saves_nothing(
    client_for, office, clerk_a, township_a
):
    asked = make_report_request(office, [township_a])
    client = client_for(clerk_a)
    url = reverse("submissions:submit", args=[asked.pk])
    bad = client.post(url, {"text": "小结", "files": [SimpleUploadedFile("x.txt", b"hello world")]})
    assert bad.status_code == 400 and "只接受照片" in bad.content.decode()
    assert not Submission.objects.exists()
    empty = client.post(url, {"text": ""})
    assert empty.status_code == 400 and not Submission.objects.exists()
    files = [SimpleUploadedFile("照片.png", PNG), SimpleUploadedFile("小结.pdf", PDF_BYTES)]
    done = client.post(url, {"text": "甲镇小结", "files": files})
    submission = Submission.objects.get()
    assert done.status_code == 302 and done.url == submission.get_absolute_url()
    assert sorted(Attachment.objects.values_list("original_name", flat=True)) == [
        "小结.pdf",
        "照片.png",
    ]
    attachment = Attachment.objects.get(original_name="小结.pdf")
    download = client.get(reverse("submissions:attachment", args=[attachment.pk]))
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert client.get(url).status_code == 403  # submitted: nothing to submit until returned


def test_a_stale_resubmission_form_is_refused_with_a_message(
    client_for, office, clerk_a, township_a
):
    asked = make_report_request(office, [township_a])
    first = services.submission_submit(user=clerk_a, request=asked, text="初稿")
    services.submission_return(user=office, submission=first, reason="补充", version=1)
    response = client_for(clerk_a).post(
        reverse("submissions:submit", args=[asked.pk]), {"text": "改稿", "version": "1"}
    )
    assert response.status_code == 400 and "本次未保存" in response.content.decode()
    assert Submission.objects.get().text == "初稿"


def test_the_office_returns_with_a_reason_and_accepts(client_for, office, clerk_a, township_a):
    asked = make_report_request(office, [township_a])
    first = services.submission_submit(user=clerk_a, request=asked, text="初稿")
    client = client_for(office)
    back = reverse("submissions:submission_return", args=[first.pk])
    client.post(back, {"reason": "", "version": "1"})
    assert Submission.objects.get().status == "submitted"
    client.post(back, {"reason": "请补充数字", "version": "1"})
    assert Submission.objects.get().status == "returned"
    page = client_for(clerk_a).get(first.get_absolute_url()).content.decode()
    assert "请补充数字" in page and reverse("submissions:submit", args=[asked.pk]) in page


def test_the_office_issues_edits_and_withdraws_a_request(client_for, office, township_a, plan):
    client = client_for(office)
    response = client.post(
        reverse("submissions:request_add"),
        {
            "title": "半年小结",
            "period": "2015年上半年",
            "due_on": "2015-06-30",
            "units": [township_a.pk],
            "template_upload": SimpleUploadedFile("模板.exe", b"MZ" + b"0" * 20),
        },
    )
    assert response.status_code == 400 and "只接受PDF" in response.content.decode()
    assert not ReportRequest.objects.exists()
    client.post(
        reverse("submissions:request_add"),
        {
            "title": "半年小结",
            "period": "2015年上半年",
            "due_on": "2015-06-30",
            "units": [township_a.pk],
        },
    )
    made = ReportRequest.objects.get()
    assert made.campaign == plan and list(made.units.all()) == [township_a]
    client.post(
        reverse("submissions:request_edit", args=[made.pk]),
        {
            "title": "半年小结（改）",
            "period": "2015年上半年",
            "due_on": "2015-07-10",
            "units": [township_a.pk],
            "version": "1",
        },
    )
    made.refresh_from_db()
    assert (made.title, made.due_on, made.version) == ("半年小结（改）", date(2015, 7, 10), 2)
    client.post(reverse("submissions:request_withdraw", args=[made.pk]), {"version": "2"})
    made.refresh_from_db()
    assert made.withdrawn
    assert client.get(reverse("submissions:request_edit", args=[made.pk])).status_code == 403


def _item(user, key):
    return next(item for item in items_for(user) if item.key == key)


def test_each_workbench_count_equals_the_list_its_link_opens(
    settings, client_for, office, clerk_a, township_a
):
    owed_soon = make_report_request(office, [township_a], due_on=date(2015, 6, 20), title="近")
    make_report_request(office, [township_a], due_on=date(2015, 9, 30), title="远")
    overdue = make_report_request(office, [township_a], due_on=date(2015, 6, 1), title="逾")
    returned = make_report_request(office, [township_a], due_on=date(2015, 6, 30), title="退")
    submitted = services.submission_submit(user=clerk_a, request=returned, text="x")
    services.submission_return(user=office, submission=submitted, reason="补充", version=1)
    waiting = make_report_request(office, [township_a], title="审")
    services.submission_submit(user=clerk_a, request=waiting, text="x")
    unit = client_for(clerk_a)
    owed = _item(clerk_a, "reports_owed")
    listed = unit.get(owed.url)
    assert owed.count == total(listed) == 2
    assert {row.pk for row in listed.context["object_list"]} == {owed_soon.pk, overdue.pk}
    back = _item(clerk_a, "reports_returned")
    assert back.count == total(unit.get(back.url)) == 1
    to_review = _item(office, "reports_to_review")
    assert to_review.count == total(client_for(office).get(to_review.url)) == 1
    assert "reports_to_review" not in {item.key for item in items_for(clerk_a)}
