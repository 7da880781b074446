import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("outreach", "0008_personal_data_access_county")]

    operations = [
        migrations.AlterField(
            model_name="idnumberview",
            name="county",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="campaign.area",
                verbose_name="county",
            ),
        ),
    ]
