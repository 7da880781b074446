from django.db import migrations

CATEGORIES = [
    "军队转业干部",
    "退役士兵",
    "军队离休退休干部和退休士官",
    "军队无军籍离休退休退职职工",
    "复员军人",
    "退伍红军老战士",
    "西路军红军老战士",
    "红军失散人员",
    "残疾军人",
    "伤残民兵民工",
    "烈士遗属",
    "因公牺牲军人遗属",
    "病故军人遗属",
    "现役军人家属",
]
MARKS = [
    "在乡复员军人",
    "带病回乡退伍军人",
    "参战退役人员",
    "参试(参核)退役人员",
    "60周岁以上农村籍退役士兵",
    "烈士子女",
]
POLICIES = [
    "定期抚恤补助",
    "优待金",
    "医疗保障",
    "住房保障",
    "就业安置",
    "子女教育优待",
    "悬挂光荣牌",
    "交通出行优待",
    "残疾辅助器具",
    "养老保险接续",
]


def load(apps, schema_editor):
    for model, names in (
        ("BeneficiaryCategory", CATEGORIES),
        ("PriorityMark", MARKS),
        ("Policy", POLICIES),
    ):
        Model = apps.get_model("outreach", model)
        for order, name in enumerate(names, start=1):
            Model.objects.update_or_create(name=name, defaults={"order": order})


class Migration(migrations.Migration):
    dependencies = [("outreach", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
