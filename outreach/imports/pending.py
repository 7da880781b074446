"""An upload waiting between preview and confirm. The workbook is read once, at upload; the
rows read from it wait in default storage, as JSON under a random name kept in the session
(under the import's own key), so nothing is kept in process memory and no model is needed.
They are deleted once confirmed or cancelled, and stale ones are swept on the next upload.
Used by the household import and by the accounts of 系统管理."""

import secrets
from datetime import timedelta
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from outreach.imports.reading import Sheet

UPLOAD_DIR = "imports"
STALE_AFTER = timedelta(days=1)


def keep(request, key: str, *, sheet: Sheet, filename: str, **extra) -> dict:
    """Stores the rows read from an upload for this session, replacing any waiting under key."""
    discard(request, key)
    sweep_stale()
    name = default_storage.save(
        f"{UPLOAD_DIR}/{secrets.token_urlsafe(18)}.json", ContentFile(sheet.to_json())
    )
    data = {"name": name, "filename": PurePath(filename).name[:100], **extra}
    request.session[key] = data
    return data


def waiting(request, key: str) -> dict | None:
    """What keep stored under key (name, filename and the import's own entries), or None."""
    data = request.session.get(key)
    # An upload waiting as the workbook itself, from before the rows were kept, is gone.
    if not data or not data["name"].endswith(".json") or not default_storage.exists(data["name"]):
        return None
    return data


def token(data: dict) -> str:
    """Names the upload on the preview, so a confirm is for the file that was looked at."""
    return PurePath(data["name"]).stem


def read(data: dict) -> Sheet:
    with default_storage.open(data["name"]) as file:
        return Sheet.from_json(file.read())


def discard(request, key: str) -> None:
    data = request.session.pop(key, None)
    if data and default_storage.exists(data["name"]):
        default_storage.delete(data["name"])


def sweep_stale() -> None:
    try:
        _dirs, names = default_storage.listdir(UPLOAD_DIR)
    except FileNotFoundError:
        return
    cutoff = timezone.now() - STALE_AFTER
    for name in names:
        path = f"{UPLOAD_DIR}/{name}"
        if default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)
