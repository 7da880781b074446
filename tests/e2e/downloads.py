"""Asking for a workbook in the browser: the button starts a job and opens its page, whose
download button appears once the file is written (the job runs inside the request here;
tests/e2e/test_jobs_journey.py watches one run by a worker)."""

from playwright.sync_api import expect


def download_workbook(page, timeout=60_000):
    page.get_by_test_id("download").click()
    expect(page.get_by_test_id("job-download")).to_be_visible(timeout=timeout)
    with page.expect_download() as info:
        page.get_by_test_id("job-download").click()
    return info.value
