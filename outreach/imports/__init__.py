"""The clerks' Excel import of beneficiary households, in the order a file goes through it:

layout    the template's sheets and columns, shared by the reading and the writing
limits    what a file may cost, checked before it is opened
reading   the checks that refuse a file outright, and the rows of its data sheet
cells     one cell read as the clerk meant it
rows      each row cleaned into what the registry stores, with the errors of its cells
plan      the rows matched against the township's registry: what confirming would do
services  the writing, in one transaction
template  the workbooks clerks download: the empty template and the file marked with errors
views     download, upload, preview, confirm (urls: the outreach_import namespace)"""

from django.utils.translation import gettext as _


class ImportRefused(Exception):
    """The file as a whole cannot be imported; message says why, in words for the clerk."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    @classmethod
    def damaged(cls) -> "ImportRefused":
        return cls(
            _(
                "The file is damaged or not a real Excel workbook (.xlsx), and cannot be read. "
                "Open it in Excel, save it again as an Excel workbook (.xlsx) and upload that."
            )
        )
