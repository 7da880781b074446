"""Evidence files (photos, PDFs): the type is read from the content, never from the name."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
SIGNATURES = [
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"%PDF-", "application/pdf", ".pdf"),
]


def evidence_type(upload) -> tuple[str, str]:
    """(content type, extension) of an uploaded photo or PDF; anything else is refused."""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s MB; at most 10 MB is accepted.")
            % {"size": round(upload.size / 1024 / 1024, 1)}
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for signature, content_type, extension in SIGNATURES:
        if head.startswith(signature):
            return content_type, extension
    raise ValidationError(
        _("Only photos (JPEG, PNG) and PDF files are accepted; this file is neither.")
    )


def _zip_document(upload) -> tuple[str, str] | None:
    """A Word or Excel file (both are zip archives): told apart by the parts they hold."""
    import zipfile

    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        return None
    finally:
        upload.seek(0)
    if any(name.startswith("word/") for name in names):
        return (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".docx",
        )
    if any(name.startswith("xl/") for name in names):
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"
    return None


def document_type(upload) -> tuple[str, str]:
    """(content type, extension) of a template to fill in: a PDF, Word or Excel file."""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s MB; at most 10 MB is accepted.")
            % {"size": round(upload.size / 1024 / 1024, 1)}
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "application/pdf", ".pdf"
    if head.startswith(b"PK\x03\x04") and (found := _zip_document(upload)):
        return found
    raise ValidationError(_("Only PDF, Word (.docx) and Excel (.xlsx) files are accepted."))
