"""The values a new county's lists start with: today's national practice (DOMAIN.md). The
office renames, reorders, retires and adds to them in 系统管理; the codes stay, and the app's
rules (outreach/models/plaques.py) name the values by them."""

from django.db import transaction
from django.utils.translation import gettext as _

CATEGORIES = [
    ("transferred_officer", "军队转业干部"),
    ("discharged_soldier", "退役士兵"),
    ("retired_cadre", "军队离休退休干部和退休士官"),
    ("retired_staff", "军队无军籍离休退休退职职工"),
    ("demobilised", "复员军人"),
    ("red_army_veteran", "退伍红军老战士"),
    ("west_route_veteran", "西路军红军老战士"),
    ("red_army_straggler", "红军失散人员"),
    ("disabled_soldier", "残疾军人"),
    ("disabled_militia", "伤残民兵民工"),
    ("martyr_survivor", "烈士遗属"),
    ("fallen_on_duty_survivor", "因公牺牲军人遗属"),
    ("died_in_service_survivor", "病故军人遗属"),
    ("serving_family", "现役军人家属"),
]
MARKS = [
    ("rural_demobilised", "在乡复员军人"),
    ("returned_ill", "带病回乡退伍军人"),
    ("war_veteran", "参战退役人员"),
    ("test_veteran", "参试(参核)退役人员"),
    ("rural_over_60", "60周岁以上农村籍退役士兵"),
    ("martyr_child", "烈士子女"),
]
POLICIES = [
    ("pension", "定期抚恤补助"),
    ("preferential_payment", "优待金"),
    ("medical", "医疗保障"),
    ("housing", "住房保障"),
    ("employment", "就业安置"),
    ("schooling", "子女教育优待"),
    ("plaque", "悬挂光荣牌"),
    ("travel", "交通出行优待"),
    ("assistive_devices", "残疾辅助器具"),
    ("pension_transfer", "养老保险接续"),
]


def lists():
    from outreach.models import BeneficiaryCategory, Policy, PriorityMark

    return ((BeneficiaryCategory, CATEGORIES), (PriorityMark, MARKS), (Policy, POLICIES))


@transaction.atomic
def starter_lists_create(county) -> None:
    """The county's categories, marks and policies, those it lacks (by code). Its activity
    kinds come with each campaign's plan (plan_kinds_write)."""
    for model, values in lists():
        have = set(model.objects.filter(county=county).values_list("code", flat=True))
        model.objects.bulk_create(
            model(county=county, code=code, name=name, order=order)
            for order, (code, name) in enumerate(values, start=1)
            if code not in have
        )


def _kind_of(kinds, row):
    """The county's kind a plan's row means: by its code, or by its name if it has none."""
    if row.code:
        return next((k for k in kinds if k.code == row.code), None)
    return next((k for k in kinds if k.name == row.name), None)


def plan_kinds_errors(county, spec) -> list[str]:
    """A plan's kinds against the county's list: each code and name once, and none that is
    already a kind of another campaign (a kind's workstream is its campaign's)."""
    from outreach.models import ActivityKind

    errors = []
    for label, values in (
        (_("code"), [row.code for row in spec.kinds if row.code]),
        (_("name"), [row.name for row in spec.kinds]),
    ):
        for value in sorted({v for v in values if values.count(v) > 1}):
            errors.append(
                _("The activity kind %(what)s “%(value)s” appears more than once.")
                % {"what": label, "value": value}
            )
    kinds = list(ActivityKind.objects.filter(county=county).select_related("workstream__campaign"))
    for row in spec.kinds:
        mine = _kind_of(kinds, row)
        same_name = next((k for k in kinds if k.name == row.name), None)
        for kind in {k for k in (mine, same_name) if k is not None}:
            if kind.workstream.campaign.name != spec.name:
                errors.append(
                    _(
                        "The activity kind “%(name)s” is already a kind of the campaign "
                        "“%(campaign)s”; give this plan's kind another name and code."
                    )
                    % {"name": row.name, "campaign": kind.workstream.campaign.name}
                )
            elif kind is same_name and mine is not None and kind != mine:
                errors.append(
                    _("The activity kind name “%(name)s” is already another kind's.")
                    % {"name": row.name}
                )
    return errors


@transaction.atomic
def plan_kinds_write(county, spec, workstreams) -> int:
    """The plan's kinds in the county's list, under the campaign's workstreams: new ones at
    the end, known ones renamed and moved as the plan says. The office's own order, retired
    kinds and added kinds stay as they are. Returns how many were added or changed."""
    from outreach.models import ActivityKind

    kinds = list(ActivityKind.objects.filter(county=county))
    order = max((k.order for k in kinds), default=0)
    changed = 0
    for row in spec.kinds:
        workstream = workstreams[row.workstream]
        kind = _kind_of(kinds, row)
        if kind is None:
            order += 1
            kind = ActivityKind(
                county=county, code=row.code, name=row.name, order=order, workstream=workstream
            )
            kind.save()
            kinds.append(kind)
            changed += 1
        elif (kind.name, kind.workstream_id) != (row.name, workstream.pk):
            kind.name, kind.workstream = row.name, workstream
            kind.save(update_fields=["name", "workstream"])
            changed += 1
    return changed
