"""The full ID number views already logged are looks at one person on the household page: each
takes the county of that person's household, so the office still finds them under its county."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def county_from_person(apps, schema_editor):
    IdNumberView = apps.get_model("outreach", "IdNumberView")
    Person = apps.get_model("outreach", "Person")
    area = Person.objects.filter(pk=OuterRef("person_id")).values("household__township__area")[:1]
    IdNumberView.objects.filter(county__isnull=True).update(county=Subquery(area))


class Migration(migrations.Migration):
    dependencies = [("outreach", "0007_personal_data_access")]

    operations = [migrations.RunPython(county_from_person, migrations.RunPython.noop)]
