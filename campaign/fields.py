"""Model fields for numbers kept encrypted at rest (campaign.crypto).

``EncryptedCharField`` holds a clear value in Python (forms, masks and templates see the number)
and a token in the database; its ``max_length`` is the clear value's, the column is wide enough
for the token.

An exact filter (``id_number=…``, ``id_number__in=…``) is answered by the ``HashField``
beside it (``HashField(of="id_number")``), which holds ``hash_of(number)``. Any other filter,
or an exact one on a field with no hash, raises: no query silently compares a number with
ciphertext.
"""

import math

from django.core.exceptions import FieldError
from django.db import models
from django.db.models.lookups import Exact, In, IsNull

from campaign.crypto import decrypt, encrypt, hash_of

__all__ = ["EncryptedCharField", "HashField", "hash_of", "stored_length"]


def stored_length(max_length: int) -> int:
    """The column width a token of max_length characters needs: version, key id, algorithm
    and nonce (at most 48 characters), then base64 of up to four bytes a character and the tag."""
    return 48 + math.ceil((4 * max_length + 16) / 3) * 4


def _hash_field(field):
    for other in field.model._meta.concrete_fields:
        if isinstance(other, HashField) and other.of == field.name:
            return other
    return None


def _refused(field):
    return FieldError(
        f"{field.name} is stored encrypted and has no hash beside it: it cannot be searched."
    )


def _on_hash(lookup, lhs, rhs, values):
    """lhs and rhs moved onto the hash column: a clear number compares with its hash."""
    field = getattr(lhs, "target", None)
    if not isinstance(field, EncryptedCharField) or hasattr(rhs, "resolve_expression"):
        return lhs, rhs
    if not values and rhs in ("", None):
        return lhs, rhs
    hashed = _hash_field(field)
    if hashed is None:
        raise _refused(field)
    rhs = [hash_of(v) for v in rhs] if values else hash_of(rhs)
    return hashed.get_col(lhs.alias), rhs


class _HashedExact(Exact):
    def __init__(self, lhs, rhs):
        super().__init__(*_on_hash(self, lhs, rhs, values=False))


class _HashedIn(In):
    def __init__(self, lhs, rhs):
        super().__init__(*_on_hash(self, lhs, rhs, values=True))


class EncryptedCharField(models.CharField):
    def db_type(self, connection):
        return models.CharField(max_length=stored_length(self.max_length)).db_type(connection)

    def cast_db_type(self, connection):
        return self.db_type(connection)

    def get_prep_value(self, value):
        return encrypt(super().get_prep_value(value))

    def from_db_value(self, value, expression, connection):
        return decrypt(value)

    def get_lookup(self, lookup_name):
        if lookup_name == "exact":
            return _HashedExact
        if lookup_name == "in":
            return _HashedIn
        if lookup_name == "isnull":
            return IsNull
        return None


class HashField(models.CharField):
    """The keyed hash of another field of the model (``of``), set on every save."""

    def __init__(self, *args, of: str, **kwargs):
        self.of = of
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        kwargs.setdefault("db_index", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["of"] = self.of
        for key, default in (("max_length", 64), ("editable", False), ("blank", True)):
            if kwargs.get(key, default) == default:
                kwargs.pop(key, None)
        if kwargs.get("default") == "":
            kwargs.pop("default")
        if kwargs.get("db_index") is True:
            kwargs.pop("db_index")
        else:
            kwargs["db_index"] = False
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = hash_of(getattr(model_instance, self.of))
        setattr(model_instance, self.attname, value)
        return value
