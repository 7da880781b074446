"""The workbooks clerks download: the empty template, and the same layout holding the rows of
an upload with an 错误 column, to fix and upload again. openpyxl write-only mode."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from campaign import watermark
from campaign.xlsx import neutralise
from outreach.imports.cells import cell_value
from outreach.imports.layout import (
    BY_KEY,
    COLUMNS,
    DATA_SHEET,
    ERROR_HEADER,
    GRADE_LABELS,
    INSTRUCTIONS_SHEET,
    LISTS_SHEET,
    NO,
    SEPARATOR,
    YES,
    nature_labels,
    relation_labels,
)
from outreach.imports.limits import MAX_BYTES, MAX_ROWS
from outreach.imports.plan import ImportPlan
from outreach.models import BeneficiaryCategory, PriorityMark

FONT = "宋体"  # on every county office PC; Noto Sans CJK SC is not
REQUIRED_FILL = PatternFill("solid", fgColor="F8CBAD")
OPTIONAL_FILL = PatternFill("solid", fgColor="D9E1F2")
ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")
DATE_FORMAT = "yyyy-mm-dd"


def template_workbook(*, county_id=None) -> bytes:
    """The blank sheet, its drop-down lists those the county offers (none without a county)."""
    return _workbook([], county_id=county_id)


def error_workbook(plan: ImportPlan, *, only_errors: bool = False, reader: str = "") -> bytes:
    """Every row of the upload with its errors beside it, or only the rows that have errors.
    Nothing is imported while any row has errors, so the whole file is what gets uploaded again.
    The reader goes in the properties, the page header and the instructions sheet, never on the
    data sheet, which must read back as it was written."""
    rows = [row for row in plan.rows if row.errors or not only_errors]
    return _workbook(rows, county_id=plan.township.area_id, errors=True, reader=reader)


def _workbook(rows, *, county_id, errors: bool = False, reader: str = "") -> bytes:
    workbook = Workbook(write_only=True)
    watermark.mark_workbook(workbook, reader)
    lists = _lists(county_id)
    data = workbook.create_sheet(DATA_SHEET)
    watermark.mark_sheet(data, reader)
    _write_data(data, rows, lists, errors=errors)
    instructions = workbook.create_sheet(INSTRUCTIONS_SHEET)
    _write_instructions(instructions)
    if reader:
        instructions.append([])
        instructions.append([reader])
    sheet = workbook.create_sheet(LISTS_SHEET)
    sheet.sheet_state = "hidden"
    width = max(len(values) for values in lists.values())
    sheet.append(list(lists))
    for index in range(width):
        sheet.append([values[index] if index < len(values) else None for values in lists.values()])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _lists(county_id) -> dict[str, list[str]]:
    def offered(model):
        return list(
            model.objects.filter(county_id=county_id).offered().values_list("name", flat=True)
        )

    return {
        "relation": relation_labels(),
        "categories": offered(BeneficiaryCategory),
        "priority_marks": offered(PriorityMark),
        "disability_grade": list(GRADE_LABELS.values()),
        "disability_nature": nature_labels(),
        "deceased": [YES, NO],
    }


def _cell(sheet, value, *, bold=False, fill=None, number_format=None, color=None):
    # The rows written back are the clerk's upload: text that reads as a formula stays text.
    cell = WriteOnlyCell(sheet, value=neutralise(value))
    if isinstance(value, str):
        cell.data_type = "s"
    cell.font = Font(name=FONT, size=11, bold=bold, color=color)
    if fill is not None:
        cell.fill = fill
    if number_format:
        cell.number_format = number_format
    return cell


def _write_data(sheet, rows, lists: dict, *, errors: bool) -> None:
    for index, column in enumerate(COLUMNS, start=1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = column.width
        dimension.font = Font(name=FONT, size=11)
        if column.text:
            dimension.number_format = "@"
        elif column.key == "plaque_hung_on":
            dimension.number_format = DATE_FORMAT
    if errors:
        sheet.column_dimensions[get_column_letter(len(COLUMNS) + 1)].width = 60
    sheet.freeze_panes = "A2"
    last_row = MAX_ROWS + 1
    for position, (key, values) in enumerate(lists.items()):
        letter = get_column_letter(position + 1)
        source = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(values) + 1}"
        several = key in ("categories", "priority_marks")
        validation = DataValidation(
            type="list",
            formula1=source,
            allow_blank=True,
            # Several names separated by 、 are allowed, so the list only suggests.
            showErrorMessage=not several,
            errorTitle=_("Not in the list"),
            error=_("Choose a value from the list."),
            showInputMessage=several,
            promptTitle=BY_KEY[key].header,
            prompt=_("Several allowed, separated by %(separator)s") % {"separator": SEPARATOR},
        )
        column = get_column_letter([c.key for c in COLUMNS].index(key) + 1)
        validation.add(f"{column}2:{column}{last_row}")
        sheet.data_validations.append(validation)

    header = [
        _cell(sheet, c.header, bold=True, fill=REQUIRED_FILL if c.required else OPTIONAL_FILL)
        for c in COLUMNS
    ]
    if errors:
        header.append(_cell(sheet, ERROR_HEADER, bold=True, fill=ERROR_FILL, color="9C0006"))
    sheet.append(header)
    for row in rows:
        wrong = {column for column, _message in row.errors}
        cells = [
            _cell(
                sheet,
                cell_value(row.values.get(c.key)),
                fill=ERROR_FILL if c.header in wrong else None,
                number_format="@" if c.text else DATE_FORMAT if c.key == "plaque_hung_on" else None,
            )
            for c in COLUMNS
        ]
        if errors:
            text = "；".join(
                f"{column}：{message}" if column else message for column, message in row.errors
            )
            cells.append(_cell(sheet, text, color="9C0006"))
        sheet.append(cells)


def _write_instructions(sheet) -> None:
    sheet.column_dimensions["A"].width = 110
    header = {c.key: c.header for c in COLUMNS}
    required = SEPARATOR.join(c.header for c in COLUMNS if c.required)
    lines = [
        _("How to fill in the beneficiary import template"),
        _(
            "1. One row per person, on the sheet “%(sheet)s”. The persons of one household share "
            "its %(number)s; the household's own columns need filling on one of its rows only."
        )
        % {"sheet": DATA_SHEET, "number": header["number"]},
        _("2. Required columns (orange headers): %(columns)s.") % {"columns": required},
        _(
            "3. %(number)s is your township's own number for the household. A household is "
            "matched by this number within your township, a person by the ID number, so "
            "uploading the same file twice adds nothing twice."
        )
        % {"number": header["number"]},
        _(
            "4. %(id)s: 18 characters, typed as text (the column is formatted as text already). "
            "Sex and birth date are taken from it."
        )
        % {"id": header["id_number"]},
        _("5. %(relation)s: choose from the list: %(choices)s.")
        % {"relation": header["relation"], "choices": SEPARATOR.join(relation_labels())},
        _(
            "6. %(categories)s and %(marks)s: one or several names from the list, separated "
            "by %(separator)s."
        )
        % {
            "categories": header["categories"],
            "marks": header["priority_marks"],
            "separator": SEPARATOR,
        },
        _("7. %(grade)s: %(first)s to %(last)s. %(nature)s: %(natures)s; it needs a grade.")
        % {
            "grade": header["disability_grade"],
            "first": GRADE_LABELS[1],
            "last": GRADE_LABELS[10],
            "nature": header["disability_nature"],
            "natures": SEPARATOR.join(nature_labels()),
        },
        _("8. %(plaque)s: a date such as 2015-06-15.") % {"plaque": header["plaque_hung_on"]},
        _("9. %(deceased)s: %(yes)s or %(no)s.")
        % {"deceased": header["deceased"], "yes": YES, "no": NO},
        _(
            "10. For people already registered, an empty cell keeps what is stored. The import "
            "never deletes a household or a person."
        ),
        _(
            "11. At most %(rows)s rows and %(size)s MB per file. Keep the headers as they are; "
            "columns you add are ignored."
        )
        % {"rows": MAX_ROWS, "size": MAX_BYTES // 1024 // 1024},
        _(
            "12. After uploading you see a preview. Nothing is written until you confirm, and "
            "nothing at all while any error remains."
        ),
    ]
    for number, line in enumerate(lines):
        cell = _cell(sheet, line, bold=number == 0)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.append([cell])
