"""The usual document types and issuers (HD 36-HD/VPTW); editable afterwards in the admin."""

from django.db import migrations

from tuyengiao.documents.numbers import DEFAULT_ISSUERS, DEFAULT_TYPES


def seed(apps, schema_editor):
    DocumentType = apps.get_model("documents", "DocumentType")
    Issuer = apps.get_model("documents", "Issuer")
    for code, name in DEFAULT_TYPES.items():
        DocumentType.objects.get_or_create(code=code, defaults={"name": name})
    for code, name in DEFAULT_ISSUERS.items():
        Issuer.objects.get_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
