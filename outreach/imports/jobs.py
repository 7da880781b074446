"""A long household import as background work. The rows are checked once with the progress
shown (outside any transaction, so the page can read it), then written as the request would
write them: checked again with the matched rows locked, in one transaction, all or nothing."""

from django.core.files.storage import default_storage
from django.db import IntegrityError
from django.utils.translation import gettext as _

from campaign.models import Unit
from jobs import kinds
from outreach.access import can_edit_township, can_import
from outreach.imports import ImportRefused, pending
from outreach.imports.plan import plan_import
from outreach.imports.services import households_import

HOUSEHOLDS_IMPORT = "outreach.households_import"


def registry_changed() -> str:
    return _(
        "The registry changed while this file was being imported, so nothing was imported. "
        "Look at the preview again and confirm."
    )


def imported_message(township, plan) -> str:
    return _(
        "Imported into %(township)s: %(households_new)s new households and "
        "%(persons_new)s new persons; %(households_changed)s households and "
        "%(persons_changed)s persons updated; %(unchanged)s rows unchanged."
    ) % {"township": township.name, **plan.counts}


def households_import_run(job, user, progress, handle) -> kinds.Outcome:
    upload = job.params["upload"]
    township = (
        Unit.objects.visible_to(user)
        .filter(pk=job.params["township"], kind=Unit.Kind.TOWNSHIP)
        .first()
    )
    if township is None or not can_edit_township(user, township):
        raise kinds.JobRefused(_("You may no longer do this; ask the county office."))
    if not default_storage.exists(upload["name"]):
        raise kinds.JobRefused(_("The uploaded file is no longer kept; upload it again."))
    sheet = pending.read(upload)
    # Each row is read and matched (two steps of the bar), then written: the last third moves
    # at once, when the transaction commits.
    progress.stage(_("Checking the rows"), total=len(sheet.rows) * 3)
    plan_import(sheet, township=township, progress=progress)
    progress.label(_("Writing to the registry"))
    try:
        plan = households_import(user=user, township=township, sheet=sheet)
    except ImportRefused as exc:
        raise kinds.JobRefused(exc.message) from None
    except IntegrityError:
        raise kinds.JobRefused(registry_changed()) from None
    default_storage.delete(upload["name"])
    return kinds.Outcome(message=imported_message(township, plan))


kinds.register(HOUSEHOLDS_IMPORT, run=households_import_run, allowed=can_import)
