"""python -m bench.isolated TASK ARGS…: one heavy operation in a fresh process, so its peak
memory (the process's high-water RSS, VmHWM) is its own. (getrusage's ru_maxrss would not do:
Linux carries the parent's RSS at fork over into the child's maximum.) Prints
{"seconds", "peak_rss_mb", "start_rss_mb", …} as JSON; a task that returns its own "seconds"
has timed only its own work, leaving out what the bench does to set it up. Database writes are
rolled back, so every run starts from the same data."""

import json
import sys
import time


def _status(key: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024  # kB
    return 0.0


def rss_mb() -> float:
    return _status("VmRSS")


def peak_mb() -> float:
    return _status("VmHWM")


class Rollback(Exception):
    pass


def rolled_back(work):
    from django.db import transaction

    result = {}
    try:
        with transaction.atomic():
            result.update(work())
            raise Rollback
    except Rollback:
        pass
    return result


def task_import(path: str, username: str) -> dict:
    """A township clerk imports the file into its own township."""
    from campaign.models import User
    from outreach.imports.reading import read_workbook
    from outreach.imports.services import households_import

    user = User.objects.select_related("unit").get(username=username)
    township = user.unit

    def work():
        with open(path, "rb") as handle:
            sheet = read_workbook(handle)
        plan = households_import(user=user, township=township, sheet=sheet)
        return {"rows": len(plan.rows), "persons": plan.counts["persons_new"]}

    return rolled_back(work)


def task_import_baseline(path: str, username: str) -> dict:
    """The same rows into the same clerk's township, without the import's checks."""
    from bench.baselines import bulk_import
    from campaign.models import User

    township = User.objects.select_related("unit").get(username=username).unit
    return rolled_back(lambda: bulk_import(path, township))


def task_yearend(year: str, out: str) -> dict:
    """The workbook of the measured county's campaign (bench.county). Its two parts are timed
    apart as well ("seconds" is their sum): reading the year's figures (the sections its
    sheets show, computed or read as kept) and writing the sheets (the ledger's rows are read
    while they are written)."""
    import io
    import time

    from bench.county import measured_county
    from campaign.models import Campaign
    from reports.report import SECTIONS, YearReport
    from reports.yearend import KEPT_SECTIONS, write_yearend

    # Finding the measured county is the bench's own work; the job is given its campaign.
    measured = measured_county().campaign
    # The job runs in a worker that has run jobs before: its code, translations and database
    # connection are warm. Writing another year's workbook first (untimed) makes this process
    # such a worker; the figures of the year measured are read afresh all the same.
    warm_up = Campaign.objects.get(pk=measured)
    other = int(year) + 1 if int(year) < warm_up.ends_on.year else int(year) - 1
    write_yearend(YearReport.load(other, campaign=warm_up), io.BytesIO(), preparer="bench")
    started = time.perf_counter()
    campaign = Campaign.objects.select_related("county").get(pk=measured)
    # As the job loads it: the sections the pages keep are read when current.
    report = YearReport.load(int(year), campaign=campaign, kept_sections=KEPT_SECTIONS)
    for section in SECTIONS:
        if section != "charts":  # the dashboard's, not the workbook's
            report.section(section)
    read = time.perf_counter()
    with open(out, "wb") as handle:
        write_yearend(report, handle, preparer="bench")
    done = time.perf_counter()
    return {
        "seconds": round(done - started, 3),
        "reading_s": round(read - started, 3),
        "writing_s": round(done - read, 3),
    }


def task_yearend_baseline(values_path: str, out: str) -> dict:
    from bench.baselines import write_values

    return write_values(values_path, out)


def task_yearend_plain(values_path: str, out: str) -> dict:
    from bench.baselines import write_plain

    return write_plain(values_path, out)


TASKS = {
    "import": task_import,
    "import-baseline": task_import_baseline,
    "yearend": task_yearend,
    "yearend-baseline": task_yearend_baseline,
    "yearend-plain": task_yearend_plain,
}


def main() -> None:
    import django

    django.setup()
    task, args = sys.argv[1], sys.argv[2:]
    start_rss = rss_mb()
    started = time.perf_counter()
    extra = TASKS[task](*args)
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "seconds": round(seconds, 3),
                "peak_rss_mb": round(peak_mb(), 1),
                "start_rss_mb": round(start_rss, 1),
                **extra,
            }
        )
    )


if __name__ == "__main__":
    main()
