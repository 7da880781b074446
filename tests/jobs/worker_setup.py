"""Seeds a database for tests/jobs/test_worker.py and queues jobs on it, run as its own process
(`python -m tests.jobs.worker_setup …`) with DATABASE_URL naming that database, as a web
request would queue them: the workers started by the test take them from there."""

import sys

import django


def main(command: str, count: int) -> None:
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from campaign.models import Unit
    from campaign.services import plan_load
    from jobs.services import start
    from outreach.imports.jobs import HOUSEHOLDS_IMPORT
    from outreach.imports.reading import read_workbook
    from tests.factories import UnitFactory, UserFactory, county_for_tests
    from tests.outreach.import_files import households_rows, upload, xlsx

    county = county_for_tests()
    plan_load(county=county)
    if command == "import":
        township = UnitFactory(area=county, code="town-a", name="甲镇", kind=Unit.Kind.TOWNSHIP)
        clerk = UserFactory(username="clerk-a", unit=township, last_name="甲")
        sheet = read_workbook(upload(xlsx(households_rows(count))))
        name = default_storage.save("imports/worker-test.json", ContentFile(sheet.to_json()))
        job = start(
            user=clerk,
            kind=HOUSEHOLDS_IMPORT,
            title="导入",
            params={"upload": {"name": name, "filename": "x.xlsx"}, "township": township.pk},
        )
        print(job.pk)
    elif command == "exports":
        office_unit = UnitFactory(area=county, code="office", kind=Unit.Kind.OFFICE)
        office = UserFactory(username="office", unit=office_unit, last_name="周")
        for n in range(count):
            print(start(user=office, kind="grievances.ledger_export", title=f"导出{n}").pk)
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    django.setup()
    main(sys.argv[1], int(sys.argv[2]))
