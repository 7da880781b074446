"""The plan's activities that had no kind get one in each county that runs the plan: 宣传发动、
动员部署 (phase 1), 社会一日, 转业干部安置, 三线三边, 支持中小学特色教育, 创作双拥文艺精品 and the
others below, under the plan campaign's workstream of that number, at the end of the county's
list. A county that already has a kind of that code or name keeps its own and gets no second.
Going back leaves the kinds in place: by then the office may have used, renamed or reordered
them, and a kind of the list is harmless to the schema before."""

from django.db import migrations

NEW_KINDS = [
    ("publicity_mobilisation", 1, "宣传发动"),
    ("mobilisation_meeting", 1, "动员部署"),
    ("society_day", 1, "社会一日、军营一日"),
    ("see_local_development", 1, "组织官兵感受地方建设成果"),
    ("mission_support", 2, "遂行多样化军事任务服务保障"),
    ("training_ground_title", 2, "军事训练场土地确权"),
    ("utilities_support", 2, "交通、粮油、水电保障"),
    ("officer_resettlement", 2, "转业干部安置"),
    ("special_hardship", 3, "特殊困难救助（生活、住房、医疗）"),
    ("three_lines", 4, "三线三边"),
    ("vulnerable_groups_help", 4, "困难群体帮扶"),
    ("school_feature_education", 4, "支持中小学特色教育"),
    ("patriotic_education", 4, "爱国主义和革命传统教育"),
    ("art_works", 5, "创作双拥文艺精品"),
]

# A campaign runs the plan when its county's kinds under it include the plan's own.
PLAN_CODES = ["merit_notice", "plaque", "open_day", "condolence_visit", "martyrs_day"]


def kinds_add(apps, schema_editor):
    Kind = apps.get_model("outreach", "ActivityKind")
    Workstream = apps.get_model("campaign", "Workstream")
    plan_campaigns = (
        Kind.objects.filter(code__in=PLAN_CODES)
        .values_list("county_id", "workstream__campaign_id")
        .distinct()
        .order_by("county_id", "workstream__campaign_id")
    )
    for county, campaign in plan_campaigns:
        workstreams = dict(
            Workstream.objects.filter(campaign_id=campaign).values_list("number", "pk")
        )
        have = Kind.objects.filter(county_id=county)
        codes = set(have.values_list("code", flat=True))
        names = set(have.values_list("name", flat=True))
        order = max(have.values_list("order", flat=True), default=0)
        for code, number, name in NEW_KINDS:
            if code in codes or name in names or number not in workstreams:
                continue
            order += 1
            Kind.objects.create(
                county_id=county,
                code=code,
                name=name,
                order=order,
                workstream_id=workstreams[number],
            )
            codes.add(code)
            names.add(name)


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0014_activity_details"),
    ]

    operations = [migrations.RunPython(kinds_add, migrations.RunPython.noop)]
