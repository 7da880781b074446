"""Accounts from a sheet: its layout, the template an administrator downloads, and each row
checked into what account creation needs, with every reason a row is refused. The file is read
by the household import's reader (outreach.imports.reading) with this layout, and waits for the
confirm as that import's uploads do (outreach.imports.pending)."""

from dataclasses import dataclass, field
from io import BytesIO

from django.core.exceptions import ValidationError
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from administration import access
from administration.accounts.rules import clean_phone, clean_username, flag_errors
from administration.accounts.services import AccountData
from campaign.models import User
from campaign.xlsx import cell, header_row
from outreach.imports.cells import cell_code, cell_name, cell_text
from outreach.imports.layout import NO, YES, Column, Layout, header_key

DATA_SHEET = "账号"
INSTRUCTIONS_SHEET = "说明"
COLUMNS = (
    Column("username", "用户名", 16, required=True, text=True),
    Column("name", "姓名", 12, required=True),
    Column("unit", "单位", 28, required=True),
    Column("phone", "手机", 16, text=True),
    Column("read_only", "只读", 8),
    Column("administrator", "管理员", 8),
)
LAYOUT = Layout(
    columns=COLUMNS,
    data_sheet=DATA_SHEET,
    other_sheets=(INSTRUCTIONS_SHEET,),
    anchor="username",
)
MAX_ACCOUNTS = 500  # a county's accounts number in the dozens
YES_WORDS = {YES, "Y", "YES", "1", "TRUE", "√", "✓"}
NO_WORDS = {NO, "", "N", "NO", "0", "FALSE", "×"}


@dataclass
class AccountRow:
    number: int  # the row Excel shows
    cells: dict
    data: AccountData | None = None
    errors: list[str] = field(default_factory=list)


@dataclass
class AccountPlan:
    rows: list[AccountRow]

    @property
    def errors(self) -> list[AccountRow]:
        return [row for row in self.rows if row.errors]

    @property
    def has_errors(self) -> bool:
        return any(row.errors for row in self.rows)

    def accounts(self) -> list[AccountData]:
        return [row.data for row in self.rows]


def plan_accounts(sheet, *, user) -> AccountPlan:
    """Every row checked: the unit among the county's, the username free in the sheet and in
    the database, the flags its unit allows, a name, a phone that is one."""
    units = _units_by_name(user)
    usernames = [cell_code(row.values.get("username")) for row in sheet.rows]
    taken = set(
        User.objects.annotate(lowered=Lower("username"))
        .filter(lowered__in=[name.lower() for name in usernames if name])
        .values_list("lowered", flat=True)
    )
    first_seen: dict[str, int] = {}
    rows = []
    for sheet_row, username in zip(sheet.rows, usernames, strict=True):
        row = AccountRow(number=sheet_row.number, cells=sheet_row.values)
        rows.append(row)
        values = sheet_row.values
        if username.lower() in first_seen:
            row.errors.append(
                _("The username “%(username)s” is also in row %(row)s.")
                % {"username": username, "row": first_seen[username.lower()]}
            )
        elif username:
            first_seen[username.lower()] = row.number
        if username.lower() in taken:
            row.errors.append(
                _("The username “%(username)s” is already taken; choose another.")
                % {"username": username}
            )
        elif username:
            try:
                clean_username(username)
            except ValidationError as exc:
                row.errors += exc.messages
        else:
            row.errors.append(_("The username is missing."))
        name = cell_name(values.get("name"))
        if not name:
            row.errors.append(_("The name is missing."))
        unit_name = cell_name(values.get("unit"))
        unit = units.get(header_key(unit_name))
        if not unit_name:
            row.errors.append(_("The unit is missing."))
        elif unit is None:
            row.errors.append(
                _("There is no active unit “%(unit)s” in this county.") % {"unit": unit_name}
            )
        try:
            phone = clean_phone(cell_code(values.get("phone")))
        except ValidationError as exc:
            phone = ""
            row.errors += exc.messages
        read_only = _yes(values.get("read_only"), "只读", row)
        administrator = _yes(values.get("administrator"), "管理员", row)
        if unit is not None:
            flags = flag_errors(unit=unit, read_only=read_only, is_administrator=administrator)
            row.errors += list(flags.values())
        if not row.errors:
            row.data = AccountData(username, name, unit, phone, read_only, administrator)
    return AccountPlan(rows)


def _units_by_name(user) -> dict:
    """The county's active units by full name, short name or code, as the sheet may write."""
    found = {}
    for unit in access.account_units(user):
        for name in (unit.code, unit.short_name, unit.name):  # the full name wins a clash
            if name:
                found[header_key(name)] = unit
    return found


def _yes(value, column: str, row: AccountRow) -> bool:
    text = cell_code(value).upper()
    if text in YES_WORDS:
        return True
    if text not in NO_WORDS:
        row.errors.append(
            _("Write 是 or leave empty in the column %(column)s, not “%(value)s”.")
            % {"column": column, "value": cell_text(value)}
        )
    return False


def template_workbook(*, user) -> bytes:
    workbook = Workbook(write_only=True)
    data = workbook.create_sheet(DATA_SHEET)
    for index, column in enumerate(COLUMNS):
        data.column_dimensions[chr(ord("A") + index)].width = column.width
    data.append(header_row(data, [column.header for column in COLUMNS]))
    flags = DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=True)
    flags.add("E2:F1000")
    data.data_validations.append(flags)

    notes = workbook.create_sheet(INSTRUCTIONS_SHEET)
    notes.column_dimensions["A"].width = 90
    for line in _instructions():
        notes.append([cell(notes, line)])
    notes.append([cell(notes, _("The county's units:"))])
    for unit in access.account_units(user):
        notes.append([cell(notes, unit.name)])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _instructions() -> list[str]:
    return [
        _("One account a row on the sheet 账号; keep the header row as it is."),
        _("用户名: letters, digits and @ . + - _ only; not already used by another account."),
        _("姓名: the user's name. 单位: a unit of this county, written as below."),
        _("手机: 11 digits, or a landline with its area code; may be left empty."),
        _("只读: 是 for a county leader who reads everything and changes nothing."),
        _("管理员: 是 for an administrator of 系统管理; county office only."),
        _(
            "Nothing is created while any row has an error. Each new account gets a one-time "
            "code, shown once on a printable slip."
        ),
    ]
