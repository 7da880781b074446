"""What an uploaded workbook may cost, checked before openpyxl opens it.

An .xlsx file is a zip archive of XML parts, and openpyxl, even in read-only mode, reads some of
them whole as it opens a workbook: the shared strings, the styles, the workbook part, and every
worksheet that does not declare its size at its start. So a file well within the upload limit
could ask for gigabytes and minutes: a part that unpacks a thousandfold, one cell of a billion
characters, millions of empty rows, half a million cell formats. Here the archive's directory
is checked first; then each part is read once, as a stream, counting what it holds without
building anything from it. zipfile stops every part at the size the directory declares and
checks its CRC there, so a declared size cannot lie, to these checks or to openpyxl.

What a part may hold follows from what openpyxl does with it: a worksheet is read row by row
(bounded by its rows, and the elements of a row and of all rows), the shared strings are read
whole into a list (bounded by their elements and the length of each string), the styles and the
workbook part are built into objects at some 100 µs an element (bounded tightly), and anything
else is never read (bounded by its size, and its elements in case it is passed off as a sheet).
"""

import codecs
import logging
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree.ElementTree import fromstring
from xml.parsers import expat

from django.utils.translation import gettext as _
from openpyxl.packaging.manifest import Manifest
from openpyxl.packaging.relationship import get_rels_path
from openpyxl.utils.cell import range_boundaries
from openpyxl.xml.constants import (
    ARC_CONTENT_TYPES,
    ARC_CORE,
    ARC_CUSTOM,
    ARC_STYLE,
    ARC_WORKBOOK,
    SHARED_STRINGS,
    XLSM,
    XLSX,
    XLTM,
    XLTX,
)

from outreach.imports import ImportRefused

logger = logging.getLogger(__name__)

MAX_BYTES = 10 * 1024 * 1024  # the upload as it arrives
MAX_ROWS = 20_000  # data rows in one file
MAX_SCANNED_ROWS = 100_000  # rows of a sheet: those with a value where it declares its size
EXCEL_ROWS = 1_048_576  # a sheet formatted down to Excel's last row declares this many
MAX_COLUMNS = 256  # the template has 16: room for a clerk's own columns, not for a bomb
MAX_CELL_CHARS = 32_767  # what Excel itself allows in one cell
MAX_TEXT_CHARS = 10_000_000  # all the cells read from a file: 500 a row at 20,000 rows

MAX_PARTS = 1_000  # a workbook saved by Excel has one or two dozen
MAX_PART_BYTES = 32 * 1024 * 1024  # unpacked; 20,000 template rows take some 12 MB
MAX_TOTAL_BYTES = 64 * 1024 * 1024
MAX_RATIO = 100  # sheets compress about 10:1; zeros or one repeated row a thousandfold
RATIO_FLOOR = 1024 * 1024  # small parts may compress as they like
MAX_CELL_ELEMENTS = 3_000_000  # inside the rows of all sheets; a cell takes one to three
MAX_ROW_ELEMENTS = 4_096  # a row is parsed whole before it can be looked at
MAX_SHEET_EXTRAS = 50_000  # elements of a sheet outside its rows: columns, merges, validations
MAX_SHARED_STRING_ELEMENTS = 600_000  # two or three a string
MAX_OBJECT_ELEMENTS = 20_000  # styles, workbook part, manifest, properties: built into objects
MAX_PART_ELEMENTS = 500_000  # any other XML part
LONG_RUN = 10 * MAX_CELL_CHARS  # bytes of text without a tag: no cell is that long
CHUNK = 1024 * 1024

# Parts openpyxl reads whole into objects wherever the manifest points, or at these names.
OBJECT_PARTS = {ARC_CONTENT_TYPES, ARC_STYLE, ARC_CORE, ARC_CUSTOM}
WORKBOOK_TYPES = (XLTM, XLTX, XLSM, XLSX)  # the order openpyxl looks for them in

_NAME = rb"<(?:[\w.-]+:)?"  # an element's start, with or without a namespace prefix
SHEET_DATA = re.compile(_NAME + rb"sheetData[\s/>]")
SHEET_DATA_END = re.compile(rb"</(?:[\w.-]+:)?sheetData\s*>")
ROW = re.compile(_NAME + rb"row[\s/>]")
VALUE = re.compile(_NAME + rb"(?:v|is|f)[\s/>]")
FORMULA = re.compile(_NAME + rb"f[\s/>]")
CELL = re.compile(
    _NAME + rb"c\s[^>]*?\br\s*=\s*[\"']([A-Z]+\d+)[\"'][^>]*?(?:/>|>(.*?)</(?:[\w.-]+:)?c\s*>)",
    re.DOTALL,
)
SAVED_VALUE = re.compile(_NAME + rb"(?:v|is)\s*>\s*[^<\s]")
MERGE = re.compile(_NAME + rb"mergeCell\s[^>]*?\bref\s*=\s*[\"']([^\"']*)")
DIMENSION = re.compile(_NAME + rb"dimension\s[^>]*?\bref\s*=\s*[\"']([^\"']*)")
TEXT_AFTER_TAG = re.compile(rb">[^<]{%d}" % LONG_RUN)
CHARTSHEET = re.compile(rb"Type\s*=\s*[\"'][^\"']*chartsheet")
UTF16 = {b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16", b"<\x00": "utf-16-le", b"\x00<": "utf-16-be"}


def too_many_rows() -> ImportRefused:
    return ImportRefused(
        _(
            "The sheet has more than %(max)s rows counting empty ones. Delete the empty rows "
            "below the data and upload again."
        )
        % {"max": MAX_SCANNED_ROWS}
    )


def too_many_columns() -> ImportRefused:
    return ImportRefused(
        _(
            "The sheet has more than %(max)s columns. Delete the columns to the right of the "
            "data and upload again."
        )
        % {"max": MAX_COLUMNS}
    )


def cell_too_long() -> ImportRefused:
    return ImportRefused(
        _(
            "A cell holds more than %(max)s characters, more than Excel allows in one cell, so "
            "the file was not saved by Excel or is damaged. Copy the data into the import "
            "template and upload that."
        )
        % {"max": MAX_CELL_CHARS}
    )


def too_much(detail: str) -> ImportRefused:
    # The clerk can do nothing with the technical reason; whoever supports them finds it here.
    logger.info("import file refused before reading: %s", detail)
    return ImportRefused(
        _(
            "This file holds far more than a list of at most %(rows)s rows needs: a great many "
            "empty rows, formats or other content. Copy the data into the import template "
            "(paste values only) and upload that."
        )
        % {"rows": MAX_ROWS}
    )


@dataclass
class SheetFacts:
    """What openpyxl in read-only mode does not tell, noted as the scan passes: the merged
    ranges, and the formula cells saved without a value (by a program that never computed
    them)."""

    merges: list[str] = field(default_factory=list)
    unsaved_formulas: set[str] = field(default_factory=set)


def check_package(file) -> dict[str, SheetFacts]:
    """Refuse, with the clerk's message, a workbook that would cost too much to open; file is
    an .xlsx already checked for its size and its first bytes. Answers each sheet's facts by
    its part's name."""
    try:
        with zipfile.ZipFile(file) as archive:
            _check_directory(archive.infolist())
            tally = _Tally()
            part_kinds = _part_kinds(archive, tally)
            for info in archive.infolist():
                if info.filename not in tally.read:
                    _scan_part(archive, info, part_kinds.get(info.filename, "other"), tally)
            return tally.sheets
    except ImportRefused:
        raise
    except Exception:
        logger.info("damaged import file", exc_info=True)
        raise ImportRefused.damaged() from None
    finally:
        file.seek(0)


def _check_directory(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_PARTS:
        raise too_much(f"{len(infos)} parts")
    # Of two parts by one name, openpyxl would read the last and these checks the first.
    if len({info.filename for info in infos}) < len(infos):
        raise ImportRefused.damaged()
    total = 0
    for info in infos:
        # Excel only stores or deflates; zipfile would inflate bzip2 and lzma with no bound
        # on what one read returns.
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ImportRefused.damaged()
        total += info.file_size
        if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
            raise too_much(f"{info.filename} unpacks to {info.file_size} bytes, {total} so far")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * info.compress_size:
            raise too_much(f"{info.filename} compressed {info.file_size // info.compress_size}:1")


def _part_kinds(archive: zipfile.ZipFile, tally: "_Tally") -> dict[str, str]:
    """What openpyxl will do with each part, found where openpyxl looks for it."""
    _scan_part(archive, archive.getinfo(ARC_CONTENT_TYPES), "object", tally)
    manifest = Manifest.from_tree(fromstring(archive.read(ARC_CONTENT_TYPES)))
    part_kinds = dict.fromkeys(OBJECT_PARTS, "object")
    workbook = next(filter(None, map(manifest.find, WORKBOOK_TYPES)), None)
    workbook_path = workbook.PartName[1:] if workbook else ARC_WORKBOOK
    part_kinds[workbook_path] = part_kinds[get_rels_path(workbook_path)] = "object"
    strings = manifest.find(SHARED_STRINGS)
    if strings is not None:
        part_kinds[strings.PartName[1:]] = "strings"
    rels = get_rels_path(workbook_path)
    if rels in archive.namelist():
        _scan_part(archive, archive.getinfo(rels), "object", tally)
        # Even read-only, openpyxl reads a chart sheet's drawings and charts whole.
        if CHARTSHEET.search(archive.read(rels)):
            raise ImportRefused(
                _(
                    "The workbook has a chart sheet. Delete it, or copy the data into the import "
                    "template, and upload again."
                )
            )
    return part_kinds


@dataclass
class _Tally:
    """What the parts read so far hold between them."""

    objects: int = 0
    cells: int = 0
    read: set[str] = field(default_factory=set)
    sheets: dict[str, SheetFacts] = field(default_factory=dict)


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, kind: str, tally: _Tally) -> None:
    tally.read.add(info.filename)
    with archive.open(info) as stream:
        chunks = iter(lambda: stream.read(CHUNK), b"")
        if kind == "strings":
            _scan_shared_strings(chunks)
            return
        part = _Part(info.filename, kind, tally)
        for piece in _pieces(chunks):
            if part.binary:
                return  # not XML: openpyxl never parses it, and its size is bounded already
            part.feed(piece)


def _pieces(chunks):
    """The part as UTF-8, in pieces that each end just before a "<", so that no tag is cut in
    two; only where no "<" comes for more than LONG_RUN bytes does a piece end elsewhere."""
    carry, decoder = b"", None
    for number, chunk in enumerate(chunks):
        if number == 0 and chunk[:2] in UTF16:
            decoder = codecs.getincrementaldecoder(UTF16[chunk[:2]])(errors="replace")
        if decoder is not None:
            chunk = decoder.decode(chunk).encode()
        buffer = carry + chunk
        cut = buffer.rfind(b"<")
        if cut <= 0 and len(buffer) <= LONG_RUN:
            carry = buffer
            continue
        if cut <= 0:
            cut = len(buffer)
        yield buffer[:cut]
        carry = buffer[cut:]
    if carry:
        yield carry


def _elements(piece: bytes) -> int:
    return piece.count(b"<") - piece.count(b"</") - piece.count(b"<?") - piece.count(b"<!")


class _Part:
    """One XML part read piece by piece: a worksheet from its sheetData on, anything else by
    its elements alone."""

    def __init__(self, name: str, kind: str, tally: _Tally):
        self.name, self.kind, self.tally = name, kind, tally
        self.binary = None  # decided on the first piece
        self.phase = "head"  # then "rows" inside sheetData, then "tail" after it
        self.elements = 0  # before sheetData, or in all if there is none
        self.rows = 0
        self.row_elements = 0
        self.extras = 0
        self.declared = False  # a <dimension> before the rows: openpyxl will not read ahead
        self.facts = tally.sheets.setdefault(name, SheetFacts()) if kind == "other" else None

    def feed(self, piece: bytes) -> None:
        if self.binary is None:
            start = piece.lstrip(b"\xef\xbb\xbf \t\r\n")
            if not start:
                return  # white space so far: XML may still follow
            self.binary = not start.startswith(b"<")
            if self.binary:
                return
        if b"<!DOCTYPE" in piece:  # Excel writes none; entities would expand as they parse
            raise ImportRefused.damaged()
        if self.kind == "object":
            self._check_text(piece)
            self.tally.objects += _elements(piece)
            if self.tally.objects > MAX_OBJECT_ELEMENTS:
                raise too_much(f"{self.tally.objects} elements in styles and workbook parts")
            return
        if self.phase == "head":
            piece = self._head(piece)
        if self.phase == "rows":
            piece = self._rows(piece)
        if self.phase == "tail":
            if self.facts is not None and b"mergeCell" in piece:
                self.facts.merges += [m.decode("ascii", "replace") for m in MERGE.findall(piece)]
            self.extras += _elements(piece)
            if self.extras > MAX_SHEET_EXTRAS:
                raise too_much(f"{self.name}: {self.extras} elements outside rows")

    def _head(self, piece: bytes) -> bytes:
        start = SHEET_DATA.search(piece)
        head = piece if start is None else piece[: start.start()]
        self.elements += _elements(head)
        if self.elements > MAX_PART_ELEMENTS:
            raise too_much(f"{self.name}: {self.elements} elements")
        # The size a sheet declares, read where openpyxl reads it: before its rows.
        dimension = DIMENSION.search(head)
        if dimension is not None:
            _check_dimension(dimension.group(1))
            self.declared = True
        if start is None:
            return b""
        self.extras = self.elements
        if self.extras > MAX_SHEET_EXTRAS:
            raise too_much(f"{self.name}: {self.extras} elements before its rows")
        self.phase = "tail" if start.group().endswith(b"/") else "rows"
        return piece[start.end() :]

    def _rows(self, piece: bytes) -> bytes:
        end = SHEET_DATA_END.search(piece)
        body = piece if end is None else piece[: end.start()]
        self._check_text(body)
        self.tally.cells += _elements(body)
        if self.tally.cells > MAX_CELL_ELEMENTS:
            raise too_much(f"{self.tally.cells} elements in rows")
        starts = [match.start() for match in ROW.finditer(body)]
        ends = [*starts[1:], len(body)] if starts else []
        if self.declared:
            # Formatting down to the sheet's last row writes rows with no value: reading stops
            # after a run of them, so only rows with a value count.
            pairs = zip(starts, ends, strict=True)
            self.rows += sum(1 for first, after in pairs if VALUE.search(body, first, after))
        else:  # openpyxl reads every row to find the size
            self.rows += len(starts)
        if self.rows > MAX_SCANNED_ROWS:
            raise too_many_rows()
        if self.facts is not None and FORMULA.search(body):
            for ref, inside in CELL.findall(body):
                if inside and FORMULA.search(inside) and not SAVED_VALUE.search(inside):
                    self.facts.unsaved_formulas.add(ref.decode("ascii"))
        # The row the last piece ended in goes on up to the first row this one starts.
        self.row_elements += _elements(body[: starts[0] if starts else len(body)])
        for first, after in zip(starts, ends, strict=True):
            self._check_row()
            # An element takes four bytes at least (<c/>), so only a long row needs counting;
            # the last may go on in the next piece.
            short = after - first <= 4 * MAX_ROW_ELEMENTS and after < len(body)
            self.row_elements = 0 if short else _elements(body[first:after])
        self._check_row()
        if end is None:
            return b""
        self.phase = "tail"
        return piece[end.end() :]

    def _check_row(self) -> None:
        if self.row_elements > MAX_ROW_ELEMENTS:
            raise too_much(f"{self.name}: {self.row_elements} elements in one row")

    def _check_text(self, piece: bytes) -> None:
        if (b"<" not in piece and len(piece) > LONG_RUN) or TEXT_AFTER_TAG.search(piece):
            raise cell_too_long()


def _check_dimension(ref: bytes) -> None:
    try:
        _min_col, _min_row, max_col, max_row = range_boundaries(ref.decode().split()[0])
    except (ValueError, IndexError, UnicodeDecodeError):
        return  # openpyxl will refuse it as it opens the workbook
    if max_row is not None and max_row > EXCEL_ROWS:
        raise too_many_rows()
    if max_col is not None and max_col > MAX_COLUMNS:
        raise too_many_columns()


def _scan_shared_strings(chunks) -> None:
    """The length of each string as openpyxl will join it: its text and its runs' text, not
    the phonetic guide (rPh). expat hands text over in pieces, so nothing long is held."""
    parser = expat.ParserCreate(namespace_separator="}")
    count = {"elements": 0, "length": 0, "text": 0, "phonetic": 0}

    def start(name, _attributes):
        local = name.rpartition("}")[2]
        count["elements"] += 1
        if count["elements"] > MAX_SHARED_STRING_ELEMENTS:
            raise too_much(f"{count['elements']} elements in the shared strings")
        if local == "si":
            count["length"] = 0
        elif local == "t":
            count["text"] += 1
        elif local == "rPh":
            count["phonetic"] += 1

    def end(name):
        local = name.rpartition("}")[2]
        if local == "t":
            count["text"] -= 1
        elif local == "rPh":
            count["phonetic"] -= 1

    def text(data):
        if count["text"] and not count["phonetic"]:
            count["length"] += len(data)
            if count["length"] > MAX_CELL_CHARS:
                raise cell_too_long()

    def doctype(*_args):
        raise ImportRefused.damaged()

    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler, parser.StartDoctypeDeclHandler = text, doctype
    for chunk in chunks:
        parser.Parse(chunk, False)
    parser.Parse(b"", True)
