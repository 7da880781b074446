"""Model fields for numbers kept encrypted at rest (campaign.crypto).

``EncryptedCharField`` holds a clear value in Python (forms, masks and templates see the number)
and a token in the database; its ``max_length`` is the clear value's, the column is wide enough
for the token. It cannot be searched: a filter on it other than ``isnull`` or ``= ""`` raises,
so no query silently compares a number with ciphertext. Search the ``HashField`` beside it,
with ``hash_of(number)``.
"""

import math

from django.core.exceptions import FieldError
from django.db import models
from django.db.models.lookups import Exact, IsNull

from campaign.crypto import decrypt, encrypt, hash_of

__all__ = ["EncryptedCharField", "HashField", "hash_of", "stored_length"]


def stored_length(max_length: int) -> int:
    """The column width a token of max_length characters needs: version, key id, algorithm
    and nonce (at most 48 characters), then base64 of up to four bytes a character and the tag."""
    return 48 + math.ceil((4 * max_length + 16) / 3) * 4


class _EmptyOnlyExact(Exact):
    def get_prep_lookup(self):
        if self.rhs not in ("", None) and not hasattr(self.rhs, "resolve_expression"):
            raise FieldError(
                f"{self.lhs.target.name} is stored encrypted: search its hash (hash_of) instead."
            )
        return super().get_prep_lookup()


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
            return _EmptyOnlyExact
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
