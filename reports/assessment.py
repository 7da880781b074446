"""The annual assessment (考评) of every township and member unit: five indicators computed from
the data, weighed as the office sets them, plus the office's bonus and deduction items and the
one-vote veto; a total, a grade and a ranking among units of the same kind."""

from decimal import Decimal

from django.db.models import Avg, DecimalField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce

from campaign.models import Inspection, Unit
from reports.models import AssessmentItem, AssessmentScheme
from reports.selectors import FIVE_ONES, Period, count_of, progress_units, sum_of
from submissions.selectors import late_and_missing

INDICATORS = ["on_time", "coverage", "five_ones", "activities", "inspections"]
GRADES = [(90, "excellent"), (80, "good"), (60, "pass")]


def scheme_for(campaign, year: int) -> AssessmentScheme:
    """The office's weights for the campaign's year; the defaults until it sets them."""
    return AssessmentScheme.objects.filter(campaign=campaign, year=year).first() or (
        AssessmentScheme(campaign=campaign, year=year)
    )


def schemes_for(campaign, years: list[int]) -> dict[int, AssessmentScheme]:
    """scheme_for of several years, in one query."""
    kept = {s.year: s for s in AssessmentScheme.objects.filter(campaign=campaign, year__in=years)}
    return {y: kept.get(y) or AssessmentScheme(campaign=campaign, year=y) for y in years}


def _rating_score():
    # The score of the inspection's rating, as the county's list gives it.
    return Cast("rating__score", output_field=DecimalField(max_digits=5, decimal_places=1))


def _ratio_score(part, whole) -> float | None:
    if not whole:
        return None
    return round(100 * min(part / whole, 1), 1)


def grade(total: float, vetoed: bool) -> str:
    if vetoed:
        return "fail"
    return next((name for floor, name in GRADES if total >= floor), "fail")


def indicator_scores(row: dict, *, target: int, inspections: dict) -> dict:
    """Each indicator's score (0–100) with what it counts; None where it does not apply."""
    township = row["kind"] == Unit.Kind.TOWNSHIP
    due = row["closed"] + row["overdue"]
    return {
        "on_time": {
            "score": _ratio_score(row["on_time"], due),
            "on_time": row["on_time"],
            "closed": row["closed"],
            "overdue": row["overdue"],
        },
        "coverage": {
            "score": _ratio_score(row["visited"], row["households"]) if township else None,
            "visited": row["visited"],
            "households": row["households"],
        },
        "five_ones": {
            "score": _ratio_score(row["five_ones"], FIVE_ONES),
            "done": row["five_ones"],
            "possible": FIVE_ONES,
        },
        "activities": {
            "score": _ratio_score(row["activities"], target),
            "held": row["activities"],
            "target": target,
        },
        "inspections": {
            "score": inspections["average"],
            "count": inspections["count"],
        },
    }


def assessment(period: Period, progress_rows: list[dict]) -> dict:
    """All units' assessment for the year (three queries on top of the progress rows)."""
    scheme = scheme_for(period.campaign, period.year)
    extras = unit_extras(progress_units(period.county, period), period.year, [period.campaign])
    return {
        "weights": scheme.weights(),
        "activities_target": scheme.activities_target,
        "rows": scored_rows(progress_rows, scheme, extras),
        "items": recorded_items(period.campaign, period.year),
    }


def unit_extras(units, year: int, campaigns) -> dict[int, dict]:
    """Per unit: the year's inspections and their average rating, and the office's bonus,
    deduction and veto items, and its late and missing reports (one query for any number of
    units, of one county or many)."""
    figures = extra_figures(year, campaigns)
    fields = ["pk", *figures, "n_late_reports", "n_missing_reports"]
    return {
        u["pk"]: u
        for u in late_and_missing(units, year, campaigns).annotate(**figures).values(*fields)
    }


def extra_figures(year: int, campaigns) -> dict:
    """unit_extras' figures but the reports, as expressions on a unit (OuterRef "pk"), so
    several years' can stand side by side in one statement."""
    inspected = Inspection.objects.filter(
        unit=OuterRef("pk"), campaign__in=campaigns, inspected_on__year=year
    )
    averaged = (
        inspected.order_by().values("unit").annotate(average=Avg(_rating_score())).values("average")
    )
    items = AssessmentItem.objects.filter(campaign__in=campaigns, year=year, unit=OuterRef("pk"))
    return {
        "n_inspections": count_of(inspected, "unit"),
        "n_inspection_average": Subquery(averaged[:1]),
        "n_bonus": Coalesce(sum_of(items.filter(kind="bonus"), "unit", "points"), Decimal(0)),
        "n_deduction": Coalesce(
            sum_of(items.filter(kind="deduction"), "unit", "points"), Decimal(0)
        ),
        "n_vetoes": count_of(items.filter(kind="veto"), "unit"),
    }


def recorded_items(campaign, year: int) -> list[dict]:
    """The office's items of the year, oldest first, as the pages and the sign-off keep them."""
    return [
        {
            "id": item["pk"],
            "unit_id": item["unit_id"],
            "kind": item["kind"],
            "points": float(item["points"]),
            "reason": item["reason"],
            "by": item["created_by__last_name"] + item["created_by__first_name"]
            or item["created_by__username"],
            "at": item["created_at"].isoformat(),
        }
        for item in AssessmentItem.objects.filter(campaign=campaign, year=year)
        .filter(Q(unit__kind__in=[Unit.Kind.TOWNSHIP, Unit.Kind.MEMBER]))
        .order_by("created_at", "pk")
        .values(
            "pk",
            "unit_id",
            "kind",
            "points",
            "reason",
            "created_at",
            "created_by__username",
            "created_by__last_name",
            "created_by__first_name",
        )
    ]


def scored_rows(progress_rows: list[dict], scheme: AssessmentScheme, extras: dict) -> list[dict]:
    """Each unit's indicator scores, weighed base, items, total, grade and rank."""
    weights = scheme.weights()
    rows = []
    for row in progress_rows:
        extra = extras[row["unit_id"]]
        average = extra["n_inspection_average"]
        scores = indicator_scores(
            row,
            target=scheme.activities_target,
            inspections={
                "count": extra["n_inspections"],
                "average": round(float(average), 1) if average is not None else None,
            },
        )
        applicable = {k: weights[k] for k in INDICATORS if scores[k]["score"] is not None}
        weight_sum = sum(applicable.values())
        base = (
            round(sum(weights[k] * scores[k]["score"] for k in applicable) / weight_sum, 1)
            if weight_sum
            else 0.0
        )
        by_rule = rule_deductions(extra, scheme)
        bonus = float(extra["n_bonus"])
        deduction = round(float(extra["n_deduction"]) + sum(r["points"] for r in by_rule), 1)
        total = round(base + bonus - deduction, 1)
        vetoed = extra["n_vetoes"] > 0
        rows.append(
            {
                "unit_id": row["unit_id"],
                "name": row["name"],
                "label": row["label"],
                "kind": row["kind"],
                "indicators": scores,
                "base": base,
                "bonus": bonus,
                "deduction": deduction,
                "by_rule": by_rule,
                "vetoed": vetoed,
                "total": total,
                "grade": grade(total, vetoed),
            }
        )
    _rank(rows)
    return rows


def rule_deductions(extra: dict, scheme: AssessmentScheme) -> list[dict]:
    """The deductions the rules give a unit: per late and per missing report of the year."""
    lines = [
        ("late_reports", extra["n_late_reports"], scheme.late_report_points),
        ("missing_reports", extra["n_missing_reports"], scheme.missing_report_points),
    ]
    return [
        {"rule": rule, "count": count, "each": float(each), "points": float(count * each)}
        for rule, count, each in lines
        if count and each
    ]


def average_total(rows: list[dict]) -> float | None:
    """The county's assessment in one figure: the mean of its units' totals."""
    if not rows:
        return None
    return round(sum(row["total"] for row in rows) / len(rows), 1)


def _rank(rows: list[dict]) -> None:
    """Competition ranking (1, 2, 2, 4) within each kind; a vetoed unit is not ranked."""
    for kind in {row["kind"] for row in rows}:
        ranked = sorted(
            (r for r in rows if r["kind"] == kind and not r["vetoed"]),
            key=lambda r: -r["total"],
        )
        previous, position = None, 0
        for index, row in enumerate(ranked, start=1):
            if row["total"] != previous:
                position, previous = index, row["total"]
            row["rank"] = position
    for row in rows:
        row.setdefault("rank", None)
