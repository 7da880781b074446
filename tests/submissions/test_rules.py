"""The rules of reports due: lateness (the first submission's date, or after a return the
resubmission's), the one state of each request and unit, and bad input refused whole."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from submissions import services, states
from submissions.models import Attachment, ReportRequest, Submission
from submissions.selectors import state_counts, unit_states
from tests.conftest import PNG
from tests.fixtures.submissions import PDF_BYTES, make_report_request

pytestmark = pytest.mark.django_db


def submit(user, request, text="小结", **kw):
    return services.submission_submit(user=user, request=request, text=text, **kw)


def states_by_unit(request):
    rows = unit_states(request, request.submissions.all())
    return {row["unit"].name: row["state"] for row in rows}


def test_each_unit_shows_one_state_as_the_days_go_by(
    settings, office, clerk_a, clerk_b, member, township_a, township_b, member_unit
):
    asked = make_report_request(office, [township_a, township_b, member_unit])
    assert set(states_by_unit(asked).values()) == {states.NOT_DUE}
    submit(clerk_a, asked)  # 2015-06-15, due 06-30
    settings.SHUANGYONG_TODAY = date(2015, 7, 2)
    submit(clerk_b, asked)
    assert states_by_unit(asked) == {
        "甲镇": states.ON_TIME,
        "乙乡": states.LATE,
        member_unit.name: states.MISSING,
    }
    counts = state_counts(unit_states(asked, asked.submissions.all()))
    assert (counts["submitted"], counts["late_submitted"], counts["missing"]) == (2, 1, 1)


def test_after_a_return_the_resubmissions_date_counts(settings, office, clerk_a, township_a):
    asked = make_report_request(office, [township_a])
    first = submit(clerk_a, asked)
    assert not first.late and first.submitted_on == date(2015, 6, 15)
    returned = services.submission_return(
        user=office, submission=first, reason="请补充数字", version=first.version
    )
    assert states_by_unit(asked) == {"甲镇": states.RETURNED}
    settings.SHUANGYONG_TODAY = date(2015, 7, 5)
    again = submit(clerk_a, asked, text="补充后的小结", version=returned.version)
    assert again.pk == first.pk and again.late and again.submitted_on == date(2015, 7, 5)
    assert states_by_unit(asked) == {"甲镇": states.LATE}
    services.submission_accept(user=office, submission=again, version=again.version)
    assert states_by_unit(asked) == {"甲镇": states.ACCEPTED}
    assert Submission.history.filter(id=first.pk).count() == 4


def test_a_late_first_submission_stays_late_once_accepted(settings, office, clerk_a, township_a):
    asked = make_report_request(office, [township_a])
    settings.SHUANGYONG_TODAY = date(2015, 7, 1)
    late = submit(clerk_a, asked)
    accepted = services.submission_accept(user=office, submission=late, version=late.version)
    assert accepted.late and accepted.submitted_on == date(2015, 7, 1)


def test_once_submitted_a_unit_cannot_submit_again_until_returned(office, clerk_a, township_a):
    asked = make_report_request(office, [township_a])
    first = submit(clerk_a, asked)
    with pytest.raises(ValidationError, match="本单位已报送"):
        submit(clerk_a, asked, version=first.version)
    assert Submission.objects.get().text == "小结"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.exe", b"MZ" + b"\0" * 64, "只接受照片"),
        ("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024 + 1), "最多接受10 MB"),
        ("empty.pdf", b"", "文件是空的"),
    ],
)
def test_a_bad_attachment_refuses_the_whole_submission(
    office, clerk_a, township_a, name, content, message
):
    asked = make_report_request(office, [township_a])
    good = SimpleUploadedFile("good.png", PNG)
    with pytest.raises(ValidationError) as refused:
        submit(clerk_a, asked, uploads=[good, SimpleUploadedFile(name, content)])
    assert message in str(refused.value) and name in str(refused.value)
    assert not Submission.objects.exists() and not Attachment.objects.exists()


def test_a_withdrawn_request_takes_no_submission(office, clerk_a, township_a):
    asked = make_report_request(office, [township_a])
    services.request_withdraw(user=office, request=asked, version=asked.version)
    with pytest.raises(ValidationError, match="已撤回"):
        submit(clerk_a, asked)
    assert not Submission.objects.exists()


def test_a_unit_not_asked_cannot_submit(office, clerk_b, township_a):
    asked = make_report_request(office, [township_a])
    with pytest.raises(PermissionDenied):
        submit(clerk_b, asked)
    assert not Submission.objects.exists()


def test_a_stale_form_is_refused(office, clerk_a, township_a):
    asked = make_report_request(office, [township_a])
    first = submit(clerk_a, asked)
    services.submission_return(user=office, submission=first, reason="补充", version=1)
    with pytest.raises(ValidationError, match="本次未保存"):
        services.submission_accept(user=office, submission=first, version=1)
    with pytest.raises(ValidationError, match="本次未保存"):
        submit(clerk_a, asked, version=1)  # opened before the return
    with pytest.raises(ValidationError, match="本次未保存"):
        services.request_save(user=office, request=asked, units=[township_a], version=0)
    assert Submission.objects.get().status == "returned"


def test_a_return_needs_its_reason(office, clerk_a, township_a):
    first = submit(clerk_a, make_report_request(office, [township_a]))
    with pytest.raises(ValidationError, match="退回原因"):
        services.submission_return(user=office, submission=first, reason=" ", version=1)
    assert Submission.objects.get().status == "submitted"


@pytest.mark.parametrize(
    ("content", "accepted"),
    [(PDF_BYTES, "application/pdf"), (b"\x89PNG\r\n\x1a\n" + b"0" * 20, None)],
)
def test_a_template_is_a_pdf_word_or_excel_file(office, township_a, plan, content, accepted):
    request = ReportRequest(title="模板", period="2015年", due_on=date(2015, 6, 30))
    upload = SimpleUploadedFile("模板.bin", content)
    if accepted is None:
        with pytest.raises(ValidationError, match="Word"):
            services.request_save(user=office, request=request, units=[township_a], template=upload)
        assert not ReportRequest.objects.exists()
    else:
        saved = services.request_save(
            user=office, request=request, units=[township_a], template=upload
        )
        assert saved.template_type == accepted and saved.template_name == "模板.bin"


def _zip(part: str) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("part", "kind"),
    [
        ("xl/workbook.xml", "spreadsheetml.sheet"),
        ("word/document.xml", "wordprocessingml.document"),
        ("other/thing.xml", None),
    ],
)
def test_an_excel_and_a_word_template_are_told_apart(office, township_a, plan, part, kind):
    request = ReportRequest(title="表", period="2015年", due_on=date(2015, 6, 30))
    upload = SimpleUploadedFile("表.zip", _zip(part))
    if kind is None:  # any other zip archive is refused
        with pytest.raises(ValidationError, match="Word"):
            services.request_save(user=office, request=request, units=[township_a], template=upload)
        return
    made = services.request_save(user=office, request=request, units=[township_a], template=upload)
    assert made.template_type.endswith(kind)


def test_a_request_asks_at_least_one_unit(office, plan):
    with pytest.raises(ValidationError, match="至少选择一个"):
        services.request_save(
            user=office,
            request=ReportRequest(title="x", period="x", due_on=date(2015, 6, 30)),
            units=[],
        )
    assert not ReportRequest.objects.exists()


def test_moving_the_due_date_moves_the_lateness(settings, office, clerk_a, township_a):
    asked = make_report_request(office, [township_a], due_on=date(2015, 6, 10))
    late = submit(clerk_a, asked)  # today is 06-15
    assert late.late
    asked.due_on = date(2015, 6, 20)
    services.request_save(user=office, request=asked, units=[township_a], version=asked.version)
    late.refresh_from_db()
    assert not late.late and late.submitted_on == date(2015, 6, 15)
    assert states_by_unit(asked) == {"甲镇": states.ON_TIME}
