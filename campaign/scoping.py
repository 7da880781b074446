"""visible_to(user), stated once. Every model that holds people's or units' data builds its
queryset on ScopedQuerySet, names the path to the county its rows belong to, and adds only its
own scope: which of the county's rows a unit's user may read. The common part lives here and
in campaign.access: a stranger sees nothing; everyone else sees one county first (its own, or
for a city or province office the county it is looking at), then within it everything if it
reads the whole county, or what its unit's scope grants. The registry of persons is read
inside the county only: an office above the counties reads their figures, not their people."""

from django.db import models
from django.db.models import Q

from campaign import access


class ScopedQuerySet(models.QuerySet):
    county_field: str = ""  # the path from a row to its county (an Area), e.g. "township__area"
    personal = False  # rows about persons (the registry, the survey, evidence photos)

    def visible_to(self, user):
        if not access.signed_in(user):
            return self.none()
        if self.personal and not access.reads_personal_data(user):
            return self.none()
        county = access.county_in_view_id(user)
        if county is None:
            return self.none()
        rows = self.filter(**{self.county_field: county})
        if access.reads_whole_county(user):
            return rows
        scope = self.unit_scope(user)
        return rows.none() if scope is None else rows.filter(scope)

    def in_county(self, county):
        """The rows of one county, for work that is not a user's (reports, commands)."""
        return self.filter(**{self.county_field: county})

    def unit_scope(self, user) -> Q | None:
        """The rows of its county a user who does not read the whole county may read (None:
        none). Each model answers through its app's access module."""
        raise NotImplementedError(f"{self.model.__name__} states no scope")
