"""The dashboard's charts as Chart.js configurations, each point carrying the address of the
list behind it; static/js/report-charts.js draws them (no inline script)."""

from django.utils.translation import gettext as _

from grievances.models import Status
from reports import links
from reports.report import YearReport

STATUS_COLOURS = {
    Status.REGISTERED: "#adb5bd",
    Status.ASSIGNED: "#6c757d",
    Status.IN_PROGRESS: "#0d6efd",
    Status.RETURNED: "#fd7e14",
    Status.RESOLVED: "#20c997",
    Status.CLOSED: "#198754",
    Status.CARRIED: "#6f42c1",
    Status.ENDED: "#343a40",
}
WORKSTREAM_COLOURS = ["#dc3545", "#fd7e14", "#0d6efd", "#198754", "#6f42c1"]


def _bar(labels, datasets, *, stacked=True, horizontal=False):
    axis = {"stacked": stacked, "beginAtZero": True}
    return {
        "type": "bar",
        "data": {"labels": labels, "datasets": datasets},
        "options": {
            "indexAxis": "y" if horizontal else "x",
            "responsive": True,
            "maintainAspectRatio": False,
            "scales": {"x": axis, "y": axis},
        },
    }


def chart_configs(report: YearReport) -> list[dict]:
    year = report.year
    charts = report.section("charts")

    topics = charts["topic_status"]
    statuses = topics["statuses"]
    labels = dict(Status.choices)
    topic_chart = _bar(
        [f"{t['number']}. {t['name']}" for t in topics["topics"]],
        [
            {
                "label": str(labels[status]),
                "data": counts,
                "backgroundColor": STATUS_COLOURS[status],
            }
            for status, counts in zip(statuses, topics["counts"], strict=True)
        ],
        horizontal=True,
    )
    topic_links = [
        [links.cases(year, topic=t["pk"], status=status) for t in topics["topics"]]
        for status in statuses
    ]

    closures = charts["closures"]
    closure_chart = _bar(
        closures["months"],
        [
            {
                "label": _("registered"),
                "data": closures["registered"],
                "backgroundColor": "#adb5bd",
            },
            {"label": _("closed off"), "data": closures["closed"], "backgroundColor": "#198754"},
        ],
        stacked=False,
    )
    closure_links = [
        [links.cases(year, registered=m) for m in closures["months"]],
        [links.cases(year, measure="closed", closed=m) for m in closures["months"]],
    ]

    survey = charts["survey"]
    survey_chart = _bar(
        [t["name"] for t in survey["townships"]],
        [
            {"label": _("visited"), "data": survey["visited"], "backgroundColor": "#198754"},
            {
                "label": _("not yet visited"),
                "data": survey["unvisited"],
                "backgroundColor": "#dee2e6",
            },
        ],
    )
    survey_links = [
        [links.households(township=t["unit_id"], visited="yes") for t in survey["townships"]],
        [links.households(township=t["unit_id"], visited="no") for t in survey["townships"]],
    ]

    activities = charts["activities"]
    activity_chart = _bar(
        activities["months"],
        [
            {
                "label": f"{w['number']}. {w['name']}",
                "data": counts,
                "backgroundColor": WORKSTREAM_COLOURS[(w["number"] - 1) % len(WORKSTREAM_COLOURS)],
            }
            for w, counts in zip(activities["workstreams"], activities["counts"], strict=True)
        ],
    )
    activity_links = [
        [links.activities(year, workstream=w["pk"], month=m) for m in activities["months"]]
        for w in activities["workstreams"]
    ]
    overdue_charts = []
    # A year signed off before these charts existed has no series for them.
    for key, chart_id, title, param in [
        (
            "overdue_townships",
            "chart-overdue-townships",
            _("Overdue cases by township"),
            "township",
        ),
        ("overdue_leads", "chart-overdue-leads", _("Overdue cases by lead unit"), "lead_unit"),
    ]:
        if key not in charts:
            continue
        bars = charts[key]
        overdue_charts.append(
            {
                "id": chart_id,
                "title": title,
                "note": _(
                    "Cases in hand still being handled past their deadline, whatever the year "
                    "they were registered in; units with none are left out."
                ),
                "empty": not bars,
                "config": _bar(
                    [b["name"] for b in bars],
                    [
                        {
                            "label": _("overdue"),
                            "data": [b["overdue"] for b in bars],
                            "backgroundColor": "#dc3545",
                        }
                    ],
                    horizontal=True,
                ),
                "links": [
                    [
                        links.cases(
                            year, among="in_hand", measure="overdue", **{param: b["unit_id"]}
                        )
                        for b in bars
                    ]
                ],
            }
        )
    return [
        {
            "id": "chart-topics",
            "title": _("Cases by topic and status"),
            "config": topic_chart,
            "links": topic_links,
        },
        {
            "id": "chart-closures",
            "title": _("Registered and closed off by month"),
            "config": closure_chart,
            "links": closure_links,
        },
        {
            "id": "chart-survey",
            "title": _("Survey coverage by township"),
            "config": survey_chart,
            "links": survey_links,
        },
        {
            "id": "chart-activities",
            "title": _("Activities by workstream by month"),
            "config": activity_chart,
            "links": activity_links,
        },
        *overdue_charts,
    ]
