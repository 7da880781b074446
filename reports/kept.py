"""Figures kept between requests: a report section, or a county's row of the city's
comparison, stored with the county's figures version and the day it was computed on. A read is
one query; while neither the version nor the day has moved on it answers from the stored row,
else the figures are computed again and stored for the next read. Nothing stays in process
memory, so any number of app servers share the rows."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.db.models import JSONField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from campaign.models import Campaign
from reports.models import FiguresVersion, KeptFigures, Workday, YearSignOff

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


def read_year(campaign, *, year: int, today, kinds) -> dict:
    """read() for one campaign, with what a year's report asks at the same time: the id of
    the year's sign-off ("sign_off_id") and the working-day calendar's last day
    ("calendar_end"). One statement written out: the dashboard and the progress page ask
    this on every request, and building read()'s subqueries through the ORM took three
    times as long as running them."""
    tables = {
        "campaign": Campaign._meta.db_table,
        "version": FiguresVersion._meta.db_table,
        "kept": KeptFigures._meta.db_table,
        "sign_off": YearSignOff._meta.db_table,
        "workday": Workday._meta.db_table,
    }
    quoted = {key: connection.ops.quote_name(name) for key, name in tables.items()}
    kinds = list(kinds)
    sql = f"""
        SELECT
          (SELECT v.version FROM {quoted["version"]} v WHERE v.county_id = c.county_id),
          (SELECT s.id FROM {quoted["sign_off"]} s WHERE s.campaign_id = c.id AND s.year = %s),
          (SELECT MAX(w.day) FROM {quoted["workday"]} w),
          k.kind, k.version, k.figures
        FROM {quoted["campaign"]} c
        LEFT JOIN {quoted["kept"]} k ON k.campaign_id = c.id AND k.year = %s
          AND k.language = %s AND k.today = %s AND k.kind IN ({", ".join(["%s"] * len(kinds))})
        WHERE c.id = %s
    """
    day = connection.ops.adapt_datefield_value(today)
    with connection.cursor() as cursor:
        cursor.execute(sql, [year, year, _language(), day, *kinds, campaign.pk])
        rows = cursor.fetchall()
    version, sign_off_id, calendar_end = rows[0][:3] if rows else (None, None, None)
    version = version or 0
    found = {"version": version, "sign_off_id": sign_off_id}
    found["calendar_end"] = Workday._meta.get_field("day").to_python(calendar_end)
    figures = KeptFigures._meta.get_field("figures")
    for kind in kinds:
        found[kind] = next(
            (
                figures.from_db_value(stored, None, connection)
                for _, _, _, row_kind, kept_at, stored in rows
                if row_kind == kind and kept_at == version
            ),
            None,
        )
    return found


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
