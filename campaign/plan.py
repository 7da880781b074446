"""The county's plan (reference/campaign-plan.zh.txt) as data: campaign window, seven phases,
five workstreams and seven survey topics."""

import calendar
from dataclasses import dataclass
from datetime import date


def month_start(year: int, month: int) -> date:
    return date(year, month, 1)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class PhaseRow:
    number: int
    name: str
    starts_on: date
    ends_on: date
    summary: str = ""
    note: str = ""


CAMPAIGN_NAME = "双拥在基层"
CAMPAIGN_WINDOW = (month_start(2015, 1), month_end(2016, 12))

PHASE_2_NOTE = (
    "原方案写作“2014年3月-2015年4月”，早于活动开始（2015年1月），系笔误，按2015年3月录入。"
)

PHASES = [
    PhaseRow(1, "宣传动员", month_start(2015, 1), month_end(2015, 2), "各单位宣传发动"),
    PhaseRow(
        2,
        "走访摸底",
        month_start(2015, 3),
        month_end(2015, 4),
        "走访驻军部队和优抚对象，按七个专题梳理问题",
        PHASE_2_NOTE,
    ),
    PhaseRow(
        3,
        "排忧解难",
        month_start(2015, 5),
        month_end(2015, 11),
        "开展七项专项活动，逐项明确措施、责任人和完成时限，建立台账",
    ),
    PhaseRow(
        4,
        "活动小结",
        month_start(2015, 12),
        month_end(2015, 12),
        "小结2015年工作，查找差距",
    ),
    PhaseRow(
        5,
        "巩固提高",
        month_start(2016, 1),
        month_end(2016, 11),
        "跟踪解决未彻底解决的问题，建立长效机制",
    ),
    PhaseRow(
        6,
        "检查督促",
        month_start(2015, 1),
        month_end(2016, 11),
        "县双拥办督查检查活动开展情况",
    ),
    PhaseRow(
        7,
        "总结宣传",
        month_start(2016, 12),
        month_end(2016, 12),
        "全面总结，宣传典型，表彰先进",
    ),
]

WORKSTREAMS = [
    (
        1,
        "热爱国防崇尚荣誉教育",
        "宣扬先进典型；军事日、军营开放、社会一日；挂光荣牌；送立功喜报；退役军人教育",
    ),
    (
        2,
        "帮助基层部队排忧解难",
        (
            "训练设施、信息化升级、训练场土地确权；生活文化设施、交通、粮油、水电；"
            "转业安置、随军家属就业、子女入学"
        ),
    ),
    (
        3,
        "解决优抚安置对象特殊困难",
        (
            "政策落实调查；灾病致困的生活、住房、医疗；涉法涉诉依法优先；"
            "退役士兵就业；社会组织服务；走访慰问老红军、老八路、老民兵、老英雄"
        ),
    ),
    (
        4,
        "爱民惠民助民",
        "美好乡村、三线三边、扶贫帮困、助学兴教、志愿服务、学雷锋、学生军训",
    ),
    (5, "双拥文化活动", "烈士纪念日公祭、文化进军营、军民联欢、双拥文艺汇演"),
]

# (number, name, about, workstream number, priority by rule)
TOPICS = [
    (1, "部队练兵打仗急需什么", "garrison", 2, False),
    (2, "部队执行任务短缺什么", "garrison", 2, False),
    (3, "基层官兵期盼什么", "garrison", 2, False),
    (4, "各项优抚安置政策是否落实到位", "beneficiary", 3, False),
    (5, "还有哪些特殊困难（生产、生活、住房、医疗）", "beneficiary", 3, False),
    (6, "还有哪些新期盼", "beneficiary", 3, False),
    (7, "军人军属涉法涉诉等纠纷问题", "beneficiary", 3, True),
]
