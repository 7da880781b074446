"""The demo county's bulletins (信息简报): three issues published in 2015 that pass on good
practice, citing a publicised model and activities, and one draft still at the office; some
units have read them. Skipped once the county has a bulletin."""

from datetime import date

from django.db import transaction

from bulletins.models import Bulletin
from bulletins.services import bulletin_publish, bulletin_save, receipt_record
from campaign.models import Commendation, ModelFigure, Unit
from demo.county import DemoCounty
from outreach.models import Activity

# (title, text, published on or None for the draft, the activity kind it cites, cites a model)
ISSUES = [
    (
        "城关镇建立“一户一档”优抚对象走访机制",
        (
            "城关镇对辖区优抚对象逐户建档，每季度走访一次，问题当场登记、限时办结。"
            "其做法经验是：台账到户、责任到人、结果公开。"
        ),
        date(2015, 4, 20),
        "condolence_visit",
        False,
    ),
    (
        "“最美拥军人物”评选宣传的做法",
        (
            "县里通过评选宣传“最美拥军人物”，带动全社会关心支持国防和军队建设。"
            "先进典型事迹在镇村宣传栏、广播中轮流播出。"
        ),
        date(2015, 7, 28),
        "publicise_models",
        True,
    ),
    (
        "军地联合开展退役士兵技能培训",
        "县人社局与驻军联合开办技能培训班，退役士兵按需选课，结业后推荐就业。",
        date(2015, 10, 15),
        "job_training",
        False,
    ),
    (
        "军人子女入学协调工作经验（待审）",
        "教育部门为军人子女入学开辟绿色通道的做法，拟作为下一期简报刊发。",
        None,
        "child_schooling",
        False,
    ),
]


@transaction.atomic
def seed_bulletins(county: DemoCounty) -> None:
    if Bulletin.objects.in_county(county.area).exists():
        return
    office = county.office
    figure = ModelFigure.objects.in_county(county.area).order_by("pk").first()
    commendation = Commendation.objects.in_county(county.area).order_by("pk").first()
    readers = [
        county.login_for(unit.pk)
        for unit in county.of_kind(Unit.Kind.TOWNSHIP, Unit.Kind.MEMBER, Unit.Kind.GARRISON)
        if unit.pk in county.staff
    ]
    for n, (title, body, published_on, kind, cites_model) in enumerate(ISSUES):
        activities = list(
            Activity.objects.in_county(county.area)
            .filter(kind__code=kind)
            .order_by("held_on", "pk")[:1]
        )
        figures = [figure] if cites_model and figure else []
        commendations = [commendation] if cites_model and commendation else []
        bulletin = bulletin_save(
            user=office,
            bulletin=Bulletin(title=title, body=body),
            citations=(figures, commendations, activities),
        )
        if published_on is None:
            continue
        bulletin = bulletin_publish(user=office, bulletin=bulletin, on=published_on)
        # The older an issue, the more units have read it.
        for reader in readers[: max(0, len(readers) - 3 * n)]:
            receipt_record(user=reader, bulletin=bulletin)
