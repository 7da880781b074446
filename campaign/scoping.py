"""visible_to(user), stated once. Every model that holds people's or units' data builds its
queryset on ScopedQuerySet and adds only its own scope: which of its rows a unit's user may
read. The common part — a stranger sees nothing, the county's readers see all — lives here."""

from django.db import models
from django.db.models import Q

from campaign import access


class ScopedQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not access.signed_in(user):
            return self.none()
        if access.reads_whole_county(user):
            return self
        scope = self.unit_scope(user)
        return self.none() if scope is None else self.filter(scope)

    def unit_scope(self, user) -> Q | None:
        """The rows a user who does not read the whole county may read (None: none). Each
        model answers through its app's access module."""
        raise NotImplementedError(f"{self.model.__name__} states no scope")
