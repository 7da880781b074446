"""Figures kept between requests: a report section, or a county's row of the city's
comparison, stored with the county's figures version and the day it was computed on. A read is
one query; while neither the version nor the day has moved on it answers from the stored row,
else the figures are computed again and stored for the next read. Nothing stays in process
memory, so any number of app servers share the rows."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import JSONField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from campaign.models import Campaign
from reports.models import FiguresVersion, KeptFigures

UNIQUE = ["campaign", "year", "kind", "language"]


def _language() -> str:
    return get_language() or ""


def current_version(county):
    """An expression: the county's figures version (0 before its first change)."""
    versions = FiguresVersion.objects.filter(county=county).values("version")[:1]
    return Coalesce(Subquery(versions), Value(0))


def read(campaigns, *, year: int, today, kinds, **more) -> dict[int, dict]:
    """Per campaign: "version" (its county's, read before anything is computed, so figures
    stored at it are never newer than it says), each kind's kept figures where they are
    current (else None), and `more`'s annotations on the campaign. One query."""
    language = _language()

    def kept(kind):
        rows = KeptFigures.objects.filter(
            campaign=OuterRef("pk"),
            year=year,
            kind=kind,
            language=language,
            today=today,
            version=OuterRef("version"),
        ).values("figures")[:1]
        return Subquery(rows, output_field=JSONField())

    rows = (
        Campaign.objects.filter(pk__in=[c.pk for c in campaigns])
        .annotate(version=current_version(OuterRef("county")), **more)
        .annotate(**{f"kept_{kind}": kept(kind) for kind in kinds})
        .values("pk", "version", *more, *(f"kept_{kind}" for kind in kinds))
    )
    return {
        row["pk"]: {
            "version": row["version"],
            **{key: row[key] for key in more},
            **{kind: row[f"kept_{kind}"] for kind in kinds},
        }
        for row in rows
    }


def as_stored(figures):
    """The figures as a read gives them back, so a page shows the same whether it computed
    them or read them."""
    return json.loads(json.dumps(figures, cls=DjangoJSONEncoder))


def store(entries, *, year: int, today) -> None:
    """entries: (campaign, version, {kind: figures}). One statement; two requests storing the
    same key at once both succeed (the later one's row stays)."""
    language = _language()
    rows = [
        KeptFigures(
            county_id=campaign.county_id,
            campaign=campaign,
            year=year,
            kind=kind,
            language=language,
            today=today,
            version=version,
            figures=figures,
        )
        for campaign, version, by_kind in entries
        for kind, figures in by_kind.items()
    ]
    if rows:
        KeptFigures.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=UNIQUE,
            update_fields=["county", "today", "version", "figures"],
        )


def sections(campaign, *, year: int, today, kinds, compute, found=None) -> dict:
    """The kinds' figures for the campaign's year: kept where current, computed (and kept)
    where not. `found` is read()'s answer for the campaign when the caller read it already."""
    if found is None:
        found = read([campaign], year=year, today=today, kinds=kinds)[campaign.pk]
    fresh = {kind: as_stored(compute(kind)) for kind in kinds if found[kind] is None}
    store([(campaign, found["version"], fresh)], year=year, today=today)
    return {kind: fresh[kind] if kind in fresh else found[kind] for kind in kinds}


def figures_version(county_id) -> int:
    row = FiguresVersion.objects.filter(county_id=county_id).values_list("version", flat=True)
    return row.first() or 0
