"""Files made to cost far more to open than their size. Each is built here, the zip archive
written field by field where zipfile would not write what the bomb needs, and each must be
refused at upload with its Chinese message before openpyxl reads it: quickly, in little memory,
and leaving the registry, the session and the upload folder as they were.

The cost asserted is a bound, not a performance claim. Refused, each file costs milliseconds
and a few MB; unbounded, the same files cost 2 to 40 s and 150 MB to 6 GB (measured when the
bounds were added), so the bounds hold with a wide margin on any machine. Time is process time,
which a busy machine does not inflate; memory is tracemalloc's peak of Python's allocations,
which is where openpyxl and ElementTree put what they build."""

import io
import random
import struct
import time
import tracemalloc
import zipfile
import zlib
from typing import NamedTuple

import openpyxl
import pytest
from django.urls import reverse

from outreach.imports.layout import DATA_SHEET
from outreach.imports.template import template_workbook
from outreach.models import Household, Person
from tests.outreach.import_files import HEADERS, person_row, registry_counts, upload, xlsx
from tests.reports.test_libreoffice import convert

pytestmark = pytest.mark.django_db

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
MB = 1024 * 1024

TOO_MUCH = (
    "该文件包含的内容远超过一份不超过20000行的名册所需，可能带有大量空行、格式或其他内容。"
    "请把数据复制到导入模板中（用“选择性粘贴—数值”），再上传模板。"
)
TOO_MANY_ROWS = "工作表连同空行超过100000行。请删除数据下方的空行后重新上传。"
TOO_MANY_COLUMNS = "工作表超过256列。请删除数据右侧多余的列后重新上传。"
CELL_TOO_LONG = (
    "有单元格超过32767个字符，超出了 Excel 单个单元格的上限，说明该文件不是由 Excel "
    "保存的或已损坏。请把数据复制到导入模板中再上传。"
)
DAMAGED = "文件已损坏或不是真正的 Excel 工作簿（.xlsx），无法读取。"


@pytest.fixture
def client_a(client_for, clerk_a):
    return client_for(clerk_a)


def refused_cheaply(client, content: bytes, settings) -> str:
    """The page answering the upload, which must be the form again, cheaply."""
    before = registry_counts()
    file = upload(content)
    tracemalloc.start()
    started = time.process_time()
    try:
        response = client.post(reverse("outreach_import:start"), {"file": file})
        seconds = time.process_time() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert response.status_code == 200
    # tracemalloc slows Python several-fold: a cheap refusal measured 2.1 s on a loaded 2-core
    # machine. The memory bound below is what shows the part was not inflated.
    assert seconds < 5, f"{seconds:.1f} s of processor time"
    assert peak < 50 * MB, f"{peak / MB:.0f} MB at peak"
    assert registry_counts() == before
    assert "outreach_import" not in client.session
    folder = settings.MEDIA_ROOT / "imports"
    assert not folder.exists() or list(folder.iterdir()) == []
    return response.content.decode()


# ---------------------------------------------------------------------------------------------
# Building the files


class Packed(NamedTuple):
    data: bytes  # deflated
    crc: int
    size: int  # as the archive declares it


def packed(data: bytes | Packed) -> Packed:
    if isinstance(data, Packed):
        return data
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return Packed(compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data))


def repeated(prefix: bytes, unit: bytes, times: int, suffix: bytes) -> Packed:
    """prefix + unit * times + suffix, deflated without ever being held: after a full flush the
    compressor starts afresh, so the unit's deflated bytes can simply be repeated. Its CRC is
    left at 0: each of these files is refused on what its directory declares, before a byte is
    inflated, or (when the declared size lies) at the declared size, where any CRC fails."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    body = compressor.compress(unit) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.compress(suffix) + compressor.flush()
    return Packed(head + body * times + tail, 0, len(prefix) + len(unit) * times + len(suffix))


def archive(parts: list[tuple[str, Packed]]) -> bytes:
    """A zip archive written field by field, so that a part may declare what size it likes."""
    out, directory = bytearray(), bytearray()
    for name, part in parts:
        encoded, offset = name.encode(), len(out)
        sizes = (part.crc, len(part.data), part.size, len(encoded))
        # version 2.0, UTF-8 names, deflated, 1980-01-01
        out += struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0x800, 8, 0, 0x21, *sizes, 0)
        out += encoded + part.data
        directory += struct.pack(
            "<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0x800, 8, 0, 0x21, *sizes, 0, 0, 0, 0, 0, offset
        )
        directory += encoded
    count = len(parts)
    end = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, count, count, len(directory), len(out), 0)
    return bytes(out + directory + end)


def workbook(parts: dict[str, bytes | Packed], *, then: tuple = ()) -> bytes:
    """The test workbook of one person row, with these parts replaced or added, and then these
    (name, content) pairs after them."""
    source = zipfile.ZipFile(io.BytesIO(xlsx([person_row()])))
    contents = [*({name: source.read(name) for name in source.namelist()} | parts).items(), *then]
    return archive([(name, packed(data)) for name, data in contents])


def sheet(rows: str = "", *, dimension: str | None = None) -> bytes:
    head = "".join(f'<c t="inlineStr"><is><t>{header}</t></is></c>' for header in HEADERS)
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<worksheet xmlns="{MAIN}">{declared}<sheetData><row r="1">{head}</row>{rows}'
        "</sheetData></worksheet>"
    ).encode()


def with_shared_strings(strings: str, rows: str) -> dict[str, bytes]:
    """A sheet whose cells point into a shared strings table, as Excel saves text."""
    source = zipfile.ZipFile(io.BytesIO(xlsx([])))
    types = source.read("[Content_Types].xml").replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    return {
        "[Content_Types].xml": types,
        STRINGS: f'<sst xmlns="{MAIN}">{strings}</sst>'.encode(),
        SHEET: sheet(rows),
    }


def chinese_text(length: int) -> str:
    """Text that compresses as little as Chinese does, so only its length can refuse it."""
    return "".join(map(chr, random.Random(length).choices(range(0x4E00, 0x9FA5), k=length)))


def empty_rows(first: int, last: int) -> str:
    return "".join(f'<row r="{n}"/>' for n in range(first, last + 1))


# ---------------------------------------------------------------------------------------------
# The sheet's size


def test_a_sheet_declaring_five_million_rows_is_refused_by_its_declaration(client_a, settings):
    # Two real rows: only the <dimension> at the sheet's start says five million.
    content = workbook({SHEET: sheet(dimension="A1:P5000000")})
    assert TOO_MANY_ROWS in refused_cheaply(client_a, content, settings)


def test_a_million_rows_in_a_sheet_that_declares_no_size_are_counted_unread(client_a, settings):
    # Without a <dimension>, openpyxl reads the whole sheet as it opens the workbook.
    content = workbook({SHEET: sheet(empty_rows(2, 1_000_001))})
    assert len(content) < 3 * MB
    assert TOO_MANY_ROWS in refused_cheaply(client_a, content, settings)


def test_rows_are_counted_in_a_sheet_written_in_utf16(client_a, settings):
    content = workbook({SHEET: sheet(empty_rows(2, 150_000)).decode().encode("utf-16")})
    assert TOO_MANY_ROWS in refused_cheaply(client_a, content, settings)


@pytest.mark.parametrize(
    "part",
    [
        sheet(dimension="A1:XFD2"),
        sheet('<row r="2"><c r="XFD2" t="inlineStr"><is><t>宽</t></is></c></row>'),
    ],
    ids=["declared", "undeclared"],
)
def test_a_sheet_wider_than_256_columns_is_refused(client_a, settings, part):
    assert TOO_MANY_COLUMNS in refused_cheaply(client_a, workbook({SHEET: part}), settings)


def test_a_row_of_ten_thousand_cells_is_refused_before_it_is_parsed(client_a, settings):
    cells = '<c t="inlineStr"><is><t>x</t></is></c>' * 10_000  # no r=: the columns are hidden
    content = workbook({SHEET: sheet(f'<row r="2">{cells}</row>')})
    assert TOO_MUCH in refused_cheaply(client_a, content, settings)


# ---------------------------------------------------------------------------------------------
# The cells' text


def test_one_enormous_shared_string_is_refused_as_it_streams_by(client_a, settings):
    strings = with_shared_strings(
        f"<si><t>{chinese_text(2_000_000)}</t></si>",
        '<row r="2"><c r="A2" t="s"><v>0</v></c></row>',
    )
    content = workbook(strings)
    assert len(content) < 10 * MB
    assert CELL_TOO_LONG in refused_cheaply(client_a, content, settings)


def test_a_shared_string_of_many_runs_is_measured_whole(client_a, settings):
    runs = "".join(f"<r><t>{chinese_text(1000)}</t></r>" for _ in range(40))
    content = workbook(with_shared_strings(f"<si>{runs}</si>", ""))
    assert CELL_TOO_LONG in refused_cheaply(client_a, content, settings)


def test_an_inline_string_longer_than_excel_allows_is_refused(client_a, settings):
    cell = f'<c r="G2" t="inlineStr"><is><t>{chinese_text(40_000)}</t></is></c>'
    content = workbook({SHEET: sheet(f'<row r="2">{cell}</row>')})
    assert CELL_TOO_LONG in refused_cheaply(client_a, content, settings)


def test_one_long_string_in_every_cell_is_refused_before_it_multiplies(client_a, settings):
    # 30,000 characters once in the file, 12 million once every cell points at them.
    cells = "".join(f'<c r="{column}{{n}}" t="s"><v>0</v></c>' for column in "ABCDEFGHIJKLMNOP")
    rows = "".join(f'<row r="{n}">{cells.format(n=n)}</row>' for n in range(2, 27))
    content = workbook(with_shared_strings(f"<si><t>{chinese_text(30_000)}</t></si>", rows))
    page = refused_cheaply(client_a, content, settings)
    assert "该文件各单元格的文字合计超过10000000个字符，远超过一份名册所需。" in page


# ---------------------------------------------------------------------------------------------
# The archive


def sheet_of_spaces() -> dict:
    prefix = f'<worksheet xmlns="{MAIN}"><sheetData>'.encode()
    return {SHEET: repeated(prefix, b" " * MB, 3_800, b"</sheetData></worksheet>")}


def cell_of_letters() -> dict:
    parts = with_shared_strings("", '<row r="2"><c r="A2" t="s"><v>0</v></c></row>')
    prefix = f'<sst xmlns="{MAIN}"><si><t>'.encode()
    return parts | {STRINGS: repeated(prefix, b"a" * MB, 3_800, b"</t></si></sst>")}


@pytest.mark.parametrize("bomb", [sheet_of_spaces, cell_of_letters])
def test_a_zip_bomb_within_the_upload_limit_is_refused_unopened(client_a, settings, bomb):
    # Nearly 4 GB, about the most a zip's 32-bit size field declares, from under 4 MB.
    parts = bomb()
    content = workbook(parts)
    assert len(content) < 4 * MB
    assert max(part.size for part in parts.values() if isinstance(part, Packed)) > 3.9e9
    assert TOO_MUCH in refused_cheaply(client_a, content, settings)


def test_a_part_that_declares_less_than_it_holds_is_stopped_at_the_declared_size(
    client_a, settings, caplog
):
    # Empty comments that inflate to 4 GB, declared as no bigger than they are packed: zipfile
    # stops the part at the size declared, where its CRC cannot match.
    comments = b"<!---->" * (MB // 7)
    bomb = repeated(f'<worksheet xmlns="{MAIN}"><sheetData>'.encode(), comments, 4_000, b"")
    lying = bomb._replace(size=len(bomb.data))
    assert DAMAGED in refused_cheaply(client_a, workbook({SHEET: lying}), settings)
    assert "Bad CRC-32 for file 'xl/worksheets/sheet1.xml'" in caplog.text


@pytest.mark.parametrize("count", [25_000, 500_000])
def test_cell_formats_by_the_ten_thousand_are_refused(client_a, settings, count):
    # openpyxl builds an object for each format as it opens the workbook, some 100 µs apiece.
    source = zipfile.ZipFile(io.BytesIO(xlsx([person_row()]))).read("xl/styles.xml").decode()
    formats = "".join(f'<xf numFmtId="{n % 50}" fontId="0"/>' for n in range(count))
    styles = source.replace("</cellXfs>", formats + "</cellXfs>").encode()
    assert TOO_MUCH in refused_cheaply(client_a, workbook({"xl/styles.xml": styles}), settings)


def test_a_thousand_parts_are_refused(client_a, settings):
    parts = {f"customXml/item{n}.xml": b"<a/>" for n in range(1_000)}
    assert TOO_MUCH in refused_cheaply(client_a, workbook(parts), settings)


def test_a_second_part_of_the_same_name_is_refused(client_a, settings):
    # openpyxl would read the second, the bomb; a check reading the first would pass it.
    content = workbook({}, then=[(SHEET, sheet(empty_rows(2, 1_000_001)))])
    assert DAMAGED in refused_cheaply(client_a, content, settings)


def test_a_part_compressed_otherwise_than_excel_does_is_refused(client_a, settings):
    buffer = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(xlsx([person_row()])))
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            method = zipfile.ZIP_BZIP2 if name == SHEET else zipfile.ZIP_DEFLATED
            target.writestr(name, source.read(name), compress_type=method)
    assert DAMAGED in refused_cheaply(client_a, buffer.getvalue(), settings)


def test_entities_are_refused(client_a, settings, caplog):
    laughs = '<!DOCTYPE worksheet [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">]>'
    content = workbook({SHEET: laughs.encode() + sheet('<row r="2"><c><v>&a;</v></c></row>')})
    assert DAMAGED in refused_cheaply(client_a, content, settings)
    assert "damaged import file" not in caplog.text  # refused on sight, not by the parser


def test_a_chart_sheet_is_refused(client_a, settings):
    # openpyxl reads a chart sheet's drawings and charts whole even in read-only mode.
    source = zipfile.ZipFile(io.BytesIO(xlsx([person_row()])))
    rels = source.read("xl/_rels/workbook.xml.rels").replace(
        b"</Relationships>",
        f'<Relationship Id="rId99" Type="{RELATIONSHIPS}/chartsheet" '
        'Target="chartsheets/sheet1.xml"/></Relationships>'.encode(),
    )
    page = refused_cheaply(client_a, workbook({"xl/_rels/workbook.xml.rels": rels}), settings)
    assert "该工作簿含有图表工作表。请删除图表工作表，或把数据复制到导入模板中，再上传。" in page


# ---------------------------------------------------------------------------------------------
# What must still pass


def filled_template(path, rows: list[dict], county_id=None) -> None:
    template = openpyxl.load_workbook(io.BytesIO(template_workbook(county_id=county_id)))
    for row in rows:
        template[DATA_SHEET].append([row[header] for header in HEADERS])
    template.save(path)


@pytest.mark.parametrize("saved_by", ["openpyxl", "libreoffice"])
def test_an_ordinary_template_still_imports(client_a, township_a, tmp_path, saved_by):
    # LibreOffice saves as Excel does: shared strings, a declared size, its own styles.
    path = tmp_path / "优抚对象.xlsx"
    rows = [person_row(), person_row(name="刘秀英", relation="配偶", notes="长" * 500)]
    filled_template(path, rows, township_a.area_id)
    if saved_by == "libreoffice":
        convert(path, "xlsx", tmp_path / "saved")
        path = tmp_path / "saved" / path.name
        assert b"sharedStrings" in path.read_bytes()
    response = client_a.post(reverse("outreach_import:start"), {"file": upload(path.read_bytes())})
    assert response.status_code == 302, response.content.decode()
    page = client_a.get(reverse("outreach_import:preview")).content.decode()
    assert 'data-testid="count-persons-new">2<' in page
    token = client_a.session["outreach_import"]["name"].rsplit("/", 1)[-1].removesuffix(".json")
    client_a.post(reverse("outreach_import:confirm"), {"upload": token})
    assert Household.objects.get().township == township_a
    assert sorted(Person.objects.values_list("name", flat=True)) == ["刘秀英", "王建国"]
