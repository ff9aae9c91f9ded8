"""Search on PostgreSQL: trigram indexes serve the folded-column search, which finds exactly the
rows the same rule finds in Python (and so on SQLite). docs/adr/0009-search-on-postgresql.md."""

import pytest
from django.apps import apps
from django.db import connection

from tuyengiao.core.search import searched_columns, trigram_index_name
from tuyengiao.core.text import fold, matches_words, search_words
from tuyengiao.documents.models import Document
from tuyengiao.orgs.models import OrgUnit

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's trigram indexes"
)

QUERIES = [
    "tuyen truyen bien dao",
    "ke hoach",
    "dao",
    "Đảng",
    "QU",
    "05-KH/QU",
    "hoc tap nghi quyet",
]


def _indexes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes")
        return dict(cursor.fetchall())


@on_postgresql
@pytest.mark.django_db
def test_every_searched_column_has_a_gin_trigram_index():
    columns = searched_columns(apps)
    assert len(columns) >= 12  # documents ×2, units, campaigns, conferences, tasks, …
    indexes = _indexes()
    for model, column in columns:
        definition = indexes.get(trigram_index_name(model._meta.db_table, column), "")
        assert "USING gin" in definition and "gin_trgm_ops" in definition, (model, column)


@on_postgresql
@pytest.mark.django_db
def test_the_register_search_as_django_writes_it_can_use_the_trigram_indexes():
    # Whether the planner picks the index depends on the table's size (the demo's few hundred
    # rows are read faster whole); forbidding sequential scans shows that it *can*: the
    # `::text LIKE '%…%'` Django writes is served by the indexes on both columns.
    queryset = Document.objects.search("tuyen truyen", user=None)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = queryset.explain()
    assert "documents_document_search_text_trgm" in plan
    assert "documents_document_number_search_trgm" in plan


@pytest.mark.django_db
@pytest.mark.parametrize("query", QUERIES)
def test_the_database_finds_exactly_the_rows_the_python_rule_finds(query, admin):
    # The rule, in Python: every word in the number or in the number-and-title, folded.
    def found(document):
        haystacks = (document.number_search, fold(f"{document.number_text} {document.title}"))
        return all(any(word in h for h in haystacks) for word in search_words(query))

    expected = {d.pk for d in Document.objects.all() if found(d)}
    assert expected  # every query finds something in the demo
    assert set(Document.objects.search(query, admin).values_list("pk", flat=True)) == expected
    units = {
        u.pk
        for u in OrgUnit.objects.all()
        if matches_words(query, u.name + " " + u.code + " " + u.short_name)
    }
    assert set(OrgUnit.objects.search(query).values_list("pk", flat=True)) == units
