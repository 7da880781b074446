# The unique index on the hash comes in a migration of its own: PostgreSQL cannot build an
# index on a table with row updates still pending in the same transaction (0007 fills the
# hashes).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0011_encrypted_numbers"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="person",
            constraint=models.UniqueConstraint(
                condition=models.Q(("archived", False)),
                fields=("id_number_hash",),
                name="outreach_person_unique_id_number_hash",
            ),
        ),
    ]
