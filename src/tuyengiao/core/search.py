"""Search that finds: every word of the query, accent-free, in any order."""

from __future__ import annotations

from django.db.models import Q


def words_q(query: str | None, *fields: str) -> Q:
    """Every word of the query, accent-free and in any order, in one of the folded `fields`:
    "tuyen truyen bien dao" finds «Kế hoạch tuyên truyền biển, đảo Việt Nam». Q() if empty.

    The fields hold `text.fold`-ed copies (SQLite and PostgreSQL alike, no unaccent needed);
    `contains` on them is a plain LIKE."""
    from .text import search_words

    condition = Q()
    for word in search_words(query):
        either = Q()
        for field in fields:
            either |= Q(**{f"{field}__contains": word})
        condition &= either
    return condition


# --- PostgreSQL: trigram indexes on the folded columns -------------------------------------
# `contains` is LIKE '%word%', which no B-tree can serve; on PostgreSQL a GIN trigram index
# (pg_trgm) can. The folded columns stay the only search rule on both databases, so
# PostgreSQL finds exactly the rows SQLite finds (docs/adr/0009-search-on-postgresql.md).
SEARCH_COLUMNS = ("search_text", "number_search")


def trigram_index_name(table: str, column: str) -> str:
    return f"{table}_{column}_trgm"[:63]  # PostgreSQL's identifier limit


def searched_columns(apps) -> list[tuple[type, str]]:
    """(model, column) for every searched column of every concrete model; simple_history's
    copies are not searched."""
    found = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed or model.__name__.startswith("Historical"):
            continue
        found += [(model, f.column) for f in model._meta.local_fields if f.name in SEARCH_COLUMNS]
    return found


def trigram_available(connection) -> bool:
    """pg_trgm installed in this database, or installed now if the server has it (a trusted
    extension since PostgreSQL 13: the database owner may create it). False elsewhere."""
    if connection.vendor != "postgresql":
        return False
    from django.db import DatabaseError, transaction

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        if cursor.fetchone() is None:
            return False
        try:
            with transaction.atomic(using=connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DatabaseError:  # no privilege: searches still work, without an index
            return False
    return True


def create_trigram_indexes(apps, schema_editor):
    """Migration step: a GIN trigram index on every searched column (PostgreSQL only)."""
    if not trigram_available(schema_editor.connection):
        return
    from django.contrib.postgres.indexes import GinIndex

    existing = _index_names(schema_editor.connection)
    for model, column in searched_columns(apps):
        name = trigram_index_name(model._meta.db_table, column)
        if name not in existing:
            field = next(f.name for f in model._meta.local_fields if f.column == column)
            index = GinIndex(fields=[field], opclasses=["gin_trgm_ops"], name=name)
            schema_editor.add_index(model, index)


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    existing = _index_names(schema_editor.connection)
    for model, column in searched_columns(apps):
        name = trigram_index_name(model._meta.db_table, column)
        if name in existing:
            schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(name)}")


def _index_names(connection) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
        return {row[0] for row in cursor.fetchall()}
