"""Helpers for the accounts tests: the form's fields, a code issued the way the pages do."""

from administration.accounts import services
from administration.accounts.services import fingerprint


def form_for(account, **changes) -> dict:
    """The edit form as it was opened on the account, with changes."""
    data = {
        "username": account.username,
        "name": str(account),
        "unit": account.unit_id,
        "phone": account.phone,
        "seen": fingerprint(account),
    }
    if account.read_only:
        data["read_only"] = "on"
    if account.is_administrator:
        data["is_administrator"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def new_account(office, unit, username="new-clerk", name="新文书"):
    """An account made by the office as the page makes it; returns (account, code)."""
    issued = services.account_create(
        user=office, data=services.AccountData(username=username, name=name, unit=unit)
    )
    return issued.account, issued.code


SHEET_HEADERS = ["用户名", "姓名", "单位", "手机", "只读", "管理员"]


def sheet_bytes(rows) -> bytes:
    """A filled-in sheet of accounts, as an administrator saves it from Excel."""
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    data = workbook.active
    data.title = "账号"
    data.append(SHEET_HEADERS)
    for row in rows:
        data.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
