"""A campaign as a plan workbook (the sheets and columns campaign/plan_file.py reads), for the
office to edit into the next plan and upload again."""

from io import BytesIO

from openpyxl import Workbook

from campaign import plan_file as layout
from campaign.plan_spec import KindRow, PhaseRow, PlanSpec, TopicRow, WorkstreamRow
from campaign.xlsx import neutralise
from outreach.models import ActivityKind


def campaign_spec(campaign) -> PlanSpec:
    """The campaign as its plan file would describe it; its kinds are the county's kinds under
    its workstreams, retired ones left out."""
    kinds = (
        ActivityKind.objects.filter(
            county_id=campaign.county_id, workstream__campaign=campaign, retired=False
        )
        .select_related("workstream")
        .order_by("order", "name")
    )
    return PlanSpec(
        name=campaign.name,
        starts_on=campaign.starts_on,
        ends_on=campaign.ends_on,
        phases=[
            PhaseRow(p.number, p.name, p.starts_on, p.ends_on, p.summary, p.note, p.carries_over)
            for p in campaign.phases.order_by("number")
        ],
        workstreams=[
            WorkstreamRow(w.number, w.name, w.summary)
            for w in campaign.workstreams.order_by("number")
        ],
        topics=[
            TopicRow(
                t.number,
                t.name,
                t.about,
                t.workstream.number,
                t.priority,
                t.policy_check,
                t.time_limit_days,
            )
            for t in campaign.topics.select_related("workstream").order_by("number")
        ],
        kinds=[KindRow(k.name, k.workstream.number, k.code) for k in kinds],
    )


def _yes(flag: bool) -> str:
    return "是" if flag else ""


def plan_workbook(spec: PlanSpec) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)

    def sheet(title, columns, rows):
        ws = workbook.create_sheet(title)
        ws.append([name for name, _field, _required in columns])
        for row in rows:
            ws.append([neutralise(value) for value in row])
        for column in ws.columns:
            ws.column_dimensions[column[0].column_letter].width = 18

    sheet(
        layout.SHEET_CAMPAIGN, layout.CAMPAIGN_COLUMNS, [(spec.name, spec.starts_on, spec.ends_on)]
    )
    sheet(
        layout.SHEET_PHASES,
        layout.PHASE_COLUMNS,
        [
            (p.number, p.name, p.starts_on, p.ends_on, p.summary, p.note, _yes(p.carries_over))
            for p in spec.phases
        ],
    )
    sheet(
        layout.SHEET_WORKSTREAMS,
        layout.WORKSTREAM_COLUMNS,
        [(w.number, w.name, w.summary) for w in spec.workstreams],
    )
    sheet(
        layout.SHEET_TOPICS,
        layout.TOPIC_COLUMNS,
        [
            (
                t.number,
                t.name,
                t.about_shown,
                t.workstream,
                _yes(t.priority),
                _yes(t.policy_check),
                t.time_limit_days,
            )
            for t in spec.topics
        ],
    )
    sheet(
        layout.SHEET_KINDS,
        layout.KIND_COLUMNS,
        [(k.code, k.name, k.workstream) for k in spec.kinds],
    )
    for ws in workbook.worksheets:
        for row in ws.iter_rows(min_row=2):
            for c in row:
                if hasattr(c.value, "year"):
                    c.number_format = "yyyy-mm-dd"
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
