"""Long work as jobs: asked for in a request, run by the queue (inside the request in these
tests; tests/jobs/test_worker.py runs real workers), watched on the job's page, downloaded by
whoever asked or the county office, and deleted when its time is up."""

import gc
import io
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_q.models import OrmQ
from openpyxl import load_workbook

from jobs import runner
from jobs.models import Job
from jobs.progress import Progress
from jobs.services import start
from outreach.models import Household, Person
from tests.exports import export
from tests.fixtures.jobs import make_job
from tests.outreach.import_files import households_rows, upload, xlsx

pytestmark = pytest.mark.django_db

YEAREND = reverse("reports:workbook", args=[2015])


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def workbook(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return load_workbook(io.BytesIO(content))


def test_the_office_asks_for_the_yearend_workbook_and_downloads_it_from_its_page(
    plan, office, case
):
    client = client_of(office)
    response = client.post(YEAREND)
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert (job.kind, job.status, job.requested_by, job.attempts) == (
        "reports.yearend_workbook",
        "done",
        office,
        1,
    )
    assert job.total == job.done == 8 + 1  # eight sheets and the one case on the ledger
    page = client.get(job.get_absolute_url()).content.decode()
    assert (
        "2015年度报表" in page
        and "100%" in page
        and reverse("jobs:download", args=[job.pk]) in page
    )
    state = client.get(reverse("jobs:job_state", args=[job.pk])).json()
    assert state["status"] == "done" and state["percent"] == 100 and state["download"]
    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    assert ".xlsx" in download["Content-Disposition"]
    book = workbook(download)
    assert "问题台账" in book.sheetnames
    assert case.number in [row[0] for row in book["问题台账"].iter_rows(values_only=True)]
    listed = client.get(reverse("jobs:jobs")).content.decode()
    assert "2015年度报表" in listed and "共 1 项" in listed


def test_a_job_and_its_file_are_for_whoever_asked_and_the_county_office(
    plan, office, leader, clerk_a, clerk_b, member, city
):
    job = make_job(clerk_a, title="甲镇的台账导出")
    urls = [
        reverse(name, args=[job.pk]) for name in ("jobs:job", "jobs:job_state", "jobs:download")
    ]
    for user, status in [(clerk_a, 200), (office, 200)]:
        assert [client_of(user).get(url).status_code for url in urls] == [status] * 3
    for user in (leader, clerk_b, member, city):
        assert [client_of(user).get(url).status_code for url in urls] == [404] * 3
        assert "甲镇的台账导出" not in client_of(user).get(reverse("jobs:jobs")).content.decode()
    # The office's list names who asked; a clerk's own list has no such column.
    assert clerk_a.display_name in client_of(office).get(reverse("jobs:jobs")).content.decode()
    office_job = make_job(office, title="县里的年度报表")
    assert client_of(clerk_a).get(office_job.get_absolute_url()).status_code == 404


def test_a_file_past_its_time_is_deleted_and_its_page_says_so(plan, clerk_a):
    job = make_job(clerk_a)
    stored = job.file.name
    assert runner.purge_expired() == 0
    job.expires_at = timezone.now() - timedelta(minutes=1)
    job.save()
    assert runner.purge_expired() == 1
    job.refresh_from_db()
    assert job.status == "expired" and not job.file and not default_storage.exists(stored)
    client = client_of(clerk_a)
    response = client.get(reverse("jobs:download", args=[job.pk]), follow=True)
    assert "该文件已过保留期限并已删除，请重新申请。" in response.content.decode()
    assert runner.purge_expired() == 0  # once only


def test_a_running_job_whose_worker_vanished_is_given_up_after_the_last_redelivery(
    plan, clerk_a, settings
):
    job = make_job(clerk_a, status=Job.Status.RUNNING)
    Job.objects.filter(pk=job.pk).update(
        started_at=timezone.now() - timedelta(seconds=settings.Q_CLUSTER["retry"] * 5)
    )
    runner.purge_expired()
    job.refresh_from_db()
    assert job.status == "failed" and "未能继续" in job.error


# The abandoned write-only workbook's sheet writers are closed when it is collected, after its
# temporary file: openpyxl's complaint about that is the failure this test makes on purpose.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_job_that_fails_says_why_in_chinese_and_keeps_no_file(plan, office, monkeypatch):
    def broken(sheet, report):
        raise RuntimeError("disk full")

    # The last sheet fails after seven were written: nothing of them may be kept.
    monkeypatch.setattr("reports.yearend._assessment", broken)
    client_of(office).post(YEAREND)
    job = Job.objects.get()
    assert job.status == "failed" and not job.file and not job.downloadable
    assert "工作因意外错误中止，未保留任何结果" in job.error
    page = client_of(office).get(job.get_absolute_url()).content.decode()
    assert "未完成" in page and "工作因意外错误中止" in page
    assert client_of(office).get(reverse("jobs:download", args=[job.pk])).status_code == 302
    gc.collect()  # here, under this test's filter, not in whichever test runs next


def test_a_job_is_queued_with_its_row_and_runs_for_the_rights_of_its_asker_when_run(
    plan, office, settings
):
    settings.JOBS_RUN_INLINE = False
    client_of(office).post(YEAREND)
    job = Job.objects.get()
    assert job.status == "queued" and OrmQ.objects.count() == 1
    page = client_of(office).get(job.get_absolute_url()).content.decode()
    assert "排队中" in page and "js/job-progress.js" in page
    office.is_active = False  # the office's account is closed before a worker takes the job
    office.save()
    runner.run(job.pk)
    job.refresh_from_db()
    assert job.status == "failed" and job.error == "您已无权进行这项工作，请联系县双拥办。"
    assert not job.file


def test_a_job_delivered_again_after_it_finished_is_not_run_again(plan, office):
    client_of(office).post(YEAREND)
    job = Job.objects.get()
    finished = job.finished_at
    runner.run(job.pk)
    job.refresh_from_db()
    assert (job.attempts, job.finished_at) == (1, finished)


def test_a_job_interrupted_too_often_is_given_up(plan, office, settings):
    settings.JOBS_RUN_INLINE = False
    client_of(office).post(YEAREND)
    job = Job.objects.get()
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.RUNNING, attempts=settings.JOBS_MAX_ATTEMPTS
    )
    runner.run(job.pk)
    job.refresh_from_db()
    assert job.status == "failed" and "已中断 3 次" in job.error


def test_progress_is_written_at_most_twice_a_second(plan, office, django_assert_num_queries):
    job = make_job(office, status=Job.Status.RUNNING, done=0, total=0)
    progress = Progress(job)
    with django_assert_num_queries(1):
        progress.stage("核对", total=10)
    with django_assert_num_queries(0):  # within the throttle
        for _ in range(5):
            progress.advance()
    assert Job.objects.get(pk=job.pk).done == 0
    progress.interval = 0
    progress.advance()
    assert Job.objects.get(pk=job.pk).done == 6


def test_a_long_ledger_export_is_offered_as_a_job_and_keeps_its_filter(
    plan, office, settings, township_a
):
    from tests.factories import CaseFactory, HouseholdFactory

    for _ in range(3):
        CaseFactory(household=HouseholdFactory(township=township_a), township=township_a)
    CaseFactory(status="closed")
    settings.JOBS_INLINE_ROWS = 2
    client = client_of(office)
    url = reverse("grievances:ledger_export") + "?status=registered"
    page = client.get(url).content.decode()
    assert (
        "当前筛选共 3 条问题" in page and 'action="/ledger/export.xlsx?status=registered"' in page
    )
    assert Job.objects.count() == 0
    book = workbook(export(client, url))
    job = Job.objects.get()
    assert job.outcome == "已导出 3 条问题。" and job.params["query"] == "status=registered"
    assert len(list(book.active.iter_rows(min_row=3))) == 3
    settings.JOBS_INLINE_ROWS = 3  # at the threshold it is written in the request
    assert client.get(url)["Content-Type"].startswith("application/vnd.openxml")


def test_a_long_import_runs_as_a_job_and_writes_every_row(plan, clerk_a, township_a, settings):
    settings.JOBS_INLINE_ROWS = 5
    client = client_of(clerk_a)
    rows = households_rows(9)
    client.post(reverse("outreach_import:start"), {"file": upload(xlsx(rows))})
    stored = client.session["outreach_import"]["name"]
    token = stored.rsplit("/", 1)[-1].removesuffix(".json")
    response = client.post(reverse("outreach_import:confirm"), {"upload": token})
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert job.status == "done" and job.done == job.total == 27 and not job.downloadable
    assert job.outcome.startswith("已导入甲镇：新建3户、9人")
    assert (Household.objects.count(), Person.objects.count()) == (3, 9)
    assert not default_storage.exists(stored) and "outreach_import" not in client.session
    page = client.get(job.get_absolute_url()).content.decode()
    assert "已导入甲镇" in page


def test_an_import_job_that_finds_the_file_gone_says_so_and_writes_nothing(
    plan, clerk_a, township_a, settings
):
    settings.JOBS_RUN_INLINE = False
    settings.JOBS_INLINE_ROWS = 5
    client = client_of(clerk_a)
    client.post(reverse("outreach_import:start"), {"file": upload(xlsx(households_rows(9)))})
    stored = client.session["outreach_import"]["name"]
    token = stored.rsplit("/", 1)[-1].removesuffix(".json")
    client.post(reverse("outreach_import:confirm"), {"upload": token})
    default_storage.delete(stored)
    job = Job.objects.get()
    runner.run(job.pk)
    job.refresh_from_db()
    assert job.status == "failed" and job.error == "上传的文件已不在系统中，请重新上传。"
    assert Household.objects.count() == 0


def test_a_city_office_gets_the_workbook_of_the_county_it_looked_at(plan, city, cast, client):
    from tests.other_county import build_other_county

    other = build_other_county()
    client.force_login(city)
    client.post(reverse("campaign:look_at_county"), {"county": other.township.area_id})
    book = workbook(export(client, reverse("reports:summary_workbook")))
    job = Job.objects.get(requested_by=city)
    assert job.county_id == other.township.area_id
    text = " ".join(str(c) for row in book.worksheets[0].iter_rows(values_only=True) for c in row)
    assert "乙县" in text


def test_starting_a_job_outside_tests_queues_it_for_a_worker(plan, office, settings):
    settings.JOBS_RUN_INLINE = False
    from campaign.access import county_in_view_id

    job = start(user=office, kind="reports.summary_workbook", title="总结", params={})
    assert job.county_id == county_in_view_id(office) and job.status == "queued"
    [queued] = OrmQ.objects.all()
    assert queued.task["args"] == (job.pk,) and queued.task["func"] == "jobs.runner.run"


@pytest.mark.parametrize("rows", [1, 3])
def test_the_list_takes_the_same_queries_at_any_length(
    rows, plan, office, clerk_a, django_assert_max_num_queries
):
    for n in range(rows):
        make_job(clerk_a if n % 2 else office, title=f"导出第{n}号")
    client = client_of(office)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("jobs:jobs")).content.decode()
    assert all(f"导出第{n}号" in page for n in range(rows))
    assert f"共 {rows} 项" in page
