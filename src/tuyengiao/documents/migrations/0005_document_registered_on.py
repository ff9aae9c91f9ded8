"""Documents get a registration date (the day the department entered them in its register).

Existing rows take their signing date, not their creation date: every row so far came in
through the demo loader or a register import, so `created_at` is the day the data was loaded
(all 686 demo documents would count as "registered this month"), while a department enters a
document within days of its signing. New rows default to the day they are created."""

import django.utils.timezone
from django.db import migrations, models
from django.db.models import F


def backfill(apps, schema_editor):
    for name in ("Document", "HistoricalDocument"):
        apps.get_model("documents", name).objects.update(registered_on=F("signed_on"))


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0004_catalogue_owner"),
    ]

    operations = [
        migrations.AddField(
            model_name="document",
            name="registered_on",
            field=models.DateField(null=True, verbose_name="registration date"),
        ),
        migrations.AddField(
            model_name="historicaldocument",
            name="registered_on",
            field=models.DateField(null=True, verbose_name="registration date"),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="document",
            name="registered_on",
            field=models.DateField(
                default=django.utils.timezone.localdate, verbose_name="registration date"
            ),
        ),
        migrations.AlterField(
            model_name="historicaldocument",
            name="registered_on",
            field=models.DateField(
                default=django.utils.timezone.localdate, verbose_name="registration date"
            ),
        ),
        migrations.AddIndex(
            model_name="document",
            index=models.Index(fields=["registered_on"], name="document_registered_on"),
        ),
    ]
