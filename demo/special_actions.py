"""The seven special actions of phase 3 framed as the plan assigns them, with progress notes;
two of them completed with their results. The plan gives the garrison's three topics to "县各有
关单位" by what they need (training grounds and land, supplies and transport, families' jobs and
schools), the beneficiaries' policies and hardships to 县民政部门 working through the townships,
and disputes at law to 县司法救助体系. Deterministic; skipped once the actions are framed."""

from datetime import date

from django.db import transaction

from campaign.models import SpecialAction, SpecialActionNote
from demo.county import DemoCounty

STARTS, ENDS = date(2015, 5, 1), date(2015, 11, 30)  # phase 3 (排忧解难)
TOWNSHIPS = ("town-chengguan", "town-dongcheng", "town-xihe")

# topic number -> (lead unit, cooperating units, person responsible, plan)
FRAMES = {
    1: (
        "ziran",
        ("gongxin", "caizheng"),
        "自然资源局副局长",
        "梳理驻军训练场用地确权和训练设施配套问题，逐项明确办理单位和完成时限。",
    ),
    2: (
        "fagai",
        ("jiaotong", "caizheng"),
        "发改委副主任",
        "围绕遂行任务服务保障，协调营区交通、粮油、水电保障，列出清单逐项解决。",
    ),
    3: (
        "renshe",
        ("jiaoyu", "tuiyi"),
        "人社局副局长",
        "随军家属对等对口安置和公益性岗位就业，落实军人子女入学入托优待政策。",
    ),
    4: (
        "minzheng",
        TOWNSHIPS,
        "民政局优抚股股长",
        "依托各乡镇对优抚对象政策落实情况逐户核查，未落实的限期落实到位。",
    ),
    5: (
        "minzheng",
        ("zhujian", "yibao", "weijian"),
        "民政局副局长",
        "对遭遇灾害、重大疾病的优抚对象，依托社会保障和救助体系解决生活、住房、医疗困难。",
    ),
    6: (
        "tuiyi",
        ("renshe",),
        "退役军人事务局副局长",
        "送岗位、送信息、送培训，扶持自主就业退役士兵创业。",
    ),
    7: (
        "sifa",
        ("gongan",),
        "司法局副局长",
        "军人军属涉法涉诉纠纷依法优先、快捷高效办理，开通法律援助绿色通道。",
    ),
}
# topic number -> progress notes (date, text)
NOTES = {
    1: [(date(2015, 5, 20), "召开训练场用地协调会，明确确权工作由自然资源局牵头。")],
    2: [(date(2015, 6, 5), "完成营区周边道路及供水情况摸排，列出问题清单5项。")],
    3: [
        (date(2015, 5, 25), "摸清随军家属待安置12人，子女入学需求8人。"),
        (date(2015, 6, 10), "协调公益性岗位6个，首批4名随军家属上岗。"),
    ],
    4: [
        (date(2015, 5, 15), "各乡镇完成优抚对象政策落实情况逐户核查。"),
        (date(2015, 6, 8), "补发抚恤补助金23户，政策落实问题全部销号。"),
    ],
    5: [(date(2015, 6, 1), "对重病、危房优抚对象建立台账，逐户制定帮扶措施。")],
    7: [
        (date(2015, 5, 18), "设立军人军属法律援助窗口，受理涉法涉诉纠纷9件。"),
        (date(2015, 6, 12), "9件纠纷全部办结，当事人均表示满意。"),
    ],
}
# topic number -> result of a completed action
RESULTS = {
    4: "核查优抚对象全部到户，补发抚恤补助金23户，政策落实问题全部解决。",
    7: "受理军人军属涉法涉诉纠纷9件，全部依法优先办结，开通法律援助绿色通道。",
}


@transaction.atomic
def seed_special_actions(county: DemoCounty) -> int:
    actions = SpecialAction.objects.filter(topic__campaign=county.campaign).select_related("topic")
    if actions.filter(lead_unit__isnull=False).exists():
        return 0
    units = {unit.code: unit for unit in county.units}
    framed = 0
    for action in actions:
        frame = FRAMES.get(action.topic.number)
        if frame is None or frame[0] not in units:
            continue
        lead_code, cooperating, responsible, plan = frame
        lead = units[lead_code]
        action.lead_unit = lead
        action.responsible = responsible
        action.plan = plan
        action.starts_on, action.ends_on = STARTS, ENDS
        notes = NOTES.get(action.topic.number, [])
        if action.topic.number in RESULTS:
            action.status = SpecialAction.Status.COMPLETED
            action.result = RESULTS[action.topic.number]
        elif notes:
            action.status = SpecialAction.Status.UNDER_WAY
        action.version += 1
        action._history_user = county.office
        action.full_clean()
        action.save()
        action.cooperating_units.set([units[code] for code in cooperating if code in units])
        author = county.staff.get(lead.pk) or county.office
        for noted_on, text in notes:
            note = SpecialActionNote(
                action=action, noted_on=noted_on, text=text, author=author, unit=author.unit
            )
            note._history_user = author
            note.save()
        framed += 1
    return framed
