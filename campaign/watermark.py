"""Whose screen, whose file: pages showing personal details and every workbook with them carry
the reader's name and the time, so a photographed screen or a forwarded file says whose it
was. The `WATERMARK` setting turns both off."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _


def enabled() -> bool:
    return bool(getattr(settings, "WATERMARK", True))


def reader_text(user, at=None) -> str:
    """`周科员（zhou）2016-03-15 10:42`: the name as the office knows it, the login that cannot
    be mistaken for another, and the minute."""
    at = timezone.localtime(at or timezone.now())
    return _("%(name)s (%(username)s) %(time)s") % {
        "name": user.display_name,
        "username": user.get_username(),
        "time": at.strftime("%Y-%m-%d %H:%M"),
    }


def export_line(user, at=None) -> str:
    """The words a workbook carries, or "" when watermarks are off."""
    if not enabled() or user is None:
        return ""
    return _("Exported by %(reader)s") % {"reader": reader_text(user, at)}


def mark_workbook(workbook, line: str) -> None:
    """The reader in the document properties, which travel with the file and show in its
    properties dialog. Call before saving."""
    if not line:
        return
    workbook.properties.description = line
    workbook.properties.keywords = line
    workbook.properties.lastModifiedBy = line[:255]


def mark_sheet(sheet, line: str) -> None:
    """The reader in the page header of every printed page (the footer already carries page
    numbers on the official sheets). Header codes start with `&`, so a name's own `&` is
    doubled."""
    if not line:
        return
    text = line.replace("&", "&&")
    for header in (sheet.oddHeader, sheet.evenHeader, sheet.firstHeader):
        header.right.text = text
        header.right.size = 8
        header.right.color = "808080"
