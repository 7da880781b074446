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
