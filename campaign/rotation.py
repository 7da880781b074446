"""Re-encrypting stored numbers under the first of FIELD_KEYS (and FIELD_CIPHER's algorithm),
a batch at a time: `manage.py rotate_field_keys`.

Each batch commits on its own, and which rows remain is read from the stored tokens' prefixes,
so a run that stops half way is finished by running it again; rows already under the new key
are never touched. Hashes do not change: their key is not rotated."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.db import models, transaction
from django.db.models.functions import Cast

from campaign import crypto
from campaign.fields import EncryptedCharField


@dataclass
class Column:
    model: type[models.Model]
    field: str

    @property
    def label(self) -> str:
        return f"{self.model._meta.label}.{self.field}"

    def pending(self):
        """Rows whose stored value is a token under another key or algorithm."""
        ring = crypto.keyring()
        current = f"{crypto.PREFIX}{ring.current_id}:{ring.algorithm}:"
        return (
            self.model._base_manager.annotate(
                _stored=Cast(self.field, output_field=models.TextField())
            )
            .exclude(_stored="")
            .exclude(_stored__isnull=True)
            .exclude(_stored__startswith=current)
        )


def encrypted_columns() -> list[Column]:
    """Every encrypted column of every model, history models included."""
    return [
        Column(model, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedCharField)
    ]


def rotate(batch: int = 500, report: Callable[[Column, int, int], None] | None = None) -> int:
    """Re-encrypt every stored value not under the first key; the number of values rewritten."""
    rewritten = 0
    for column in encrypted_columns():
        total = column.pending().count()
        done = 0
        for written in _batches(column, batch):
            done += written
            rewritten += written
            if report:
                report(column, done, total)
    return rewritten


def _batches(column: Column, batch: int) -> Iterator[int]:
    manager = column.model._base_manager
    previous = None
    while True:
        with transaction.atomic():
            pks = list(column.pending().order_by("pk").values_list("pk", flat=True)[:batch])
            if not pks:
                return
            if pks == previous:
                raise RuntimeError(f"{column.label}: a batch was rewritten but is still pending")
            rows = list(manager.filter(pk__in=pks).select_for_update().only("pk", column.field))
            # Loading decrypts under whichever key wrote the row; saving encrypts under the
            # first key.
            manager.bulk_update(rows, [column.field])
        previous = pks
        yield len(rows)
