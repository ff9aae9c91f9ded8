"""PostgreSQL only: pg_trgm and a GIN trigram index on every folded search column, so that
the lists' `contains` (LIKE '%word%') searches use an index. A no-op on SQLite; the models
declare nothing, so they stay portable (docs/adr/0009-search-on-postgresql.md)."""

from django.db import migrations

from tuyengiao.core.search import create_trigram_indexes, drop_trigram_indexes


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        # Every app with a searched column, at the migration that last shaped it.
        ("awards", "0001_initial"),
        ("campaigns", "0003_campaign_own_period"),
        ("documents", "0004_catalogue_owner"),
        ("initiatives", "0001_initial"),
        ("meetings", "0003_labels_2"),
        ("orgs", "0002_membership_history"),
        ("outreach", "0001_initial"),
        ("targets", "0001_initial"),
        ("training", "0002_training_kind_owner"),
    ]

    operations = [
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes, elidable=False),
    ]
