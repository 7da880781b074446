"""The workbook opens in LibreOffice, headless: it converts to PDF, and to CSV with the Chinese
text intact (make test installs libreoffice-calc, see scripts/ensure-system-packages.sh)."""

import csv
import shutil
import subprocess

import pytest

from reports.report import YearReport
from reports.yearend import write_yearend

pytestmark = pytest.mark.django_db

CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76"


@pytest.fixture
def workbook_file(county, plan, tmp_path):
    path = tmp_path / "年度报表.xlsx"
    with path.open("wb") as handle:
        write_yearend(YearReport.load(2015, campaign=plan), handle, preparer="周")
    return path


def convert(path, target, outdir):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    assert office, "LibreOffice is missing: run make system-packages"
    result = subprocess.run(
        [
            office,
            "--headless",
            f"-env:UserInstallation=file://{outdir}/profile",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr


def test_it_converts_to_pdf(workbook_file, tmp_path):
    out = tmp_path / "pdf"
    convert(workbook_file, "pdf", out)
    pdf = (out / "年度报表.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert pdf.count(b"/Type /Page") + pdf.count(b"/Type/Page") > 8  # a page or more a sheet


def test_it_converts_to_csv_with_the_chinese_text_intact(workbook_file, tmp_path):
    out = tmp_path / "csv"
    convert(workbook_file, CSV_FILTER, out)
    with (out / "年度报表.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    text = "\n".join(",".join(row) for row in rows)
    assert "测试县2015年度双拥在基层活动总体情况" in rows[0][0]
    for words in ["优抚对象户数", "已走访户数", "按期办结率", "填报单位", "负责人", "填报人"]:
        assert words in text
    assert "??" not in text
    households = next(row for row in rows if row[1] == "优抚对象户数")
    assert households[2] == "5"
    coverage = next(row for row in rows if row[1] == "走访覆盖率")
    assert coverage[2] == "40.0%"
