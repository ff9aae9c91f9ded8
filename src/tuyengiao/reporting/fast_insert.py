"""Many new rows in one executemany, past the ORM's per-object SQL compilation (issue 17:
the 5.000-row import spent most of its time compiling INSERTs of values, their history and
audit rows). Same rows as bulk_create: defaults and auto_now_add are applied by the
fields' own pre_save, and values the database needs converted (decimals, datetimes, JSON)
go through the fields' own get_db_prep_save. The new rows' ids are not read back."""

from __future__ import annotations

from decimal import Decimal

from django.db import DEFAULT_DB_ALIAS, connections, models

# Fields whose Python value the driver takes as it is.
_AS_IS = (
    models.IntegerField,
    models.CharField,
    models.TextField,
    models.BooleanField,
    models.ForeignKey,
)


def insert(objects: list, *, batch_size: int = 2000, conflict=(), update=()) -> int:
    """With `conflict` (unique columns) and `update` (columns): an upsert, rows that exist
    take the new columns (INSERT … ON CONFLICT … DO UPDATE, SQLite ≥ 3.24 and PostgreSQL)."""
    if not objects:
        return 0
    connection = connections[DEFAULT_DB_ALIAS]  # not the proxy: one look-up, not one a value
    model = type(objects[0])
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    plain = [
        isinstance(f, _AS_IS) and not isinstance(f, models.DecimalField) and not f.has_default()
        for f in fields
    ]
    q = connection.ops.quote_name
    columns = ", ".join(q(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {q(model._meta.db_table)} ({columns}) VALUES ({marks})"
    if conflict:
        sets = ", ".join(f"{q(c)} = excluded.{q(c)}" for c in update)
        sql += f" ON CONFLICT ({', '.join(q(c) for c in conflict)}) DO UPDATE SET {sets}"
    decimal = [isinstance(f, models.DecimalField) for f in fields]
    rows = []
    for obj in objects:
        row = []
        for f, is_plain, is_decimal in zip(fields, plain, decimal, strict=True):
            if is_plain:
                row.append(getattr(obj, f.attname))
            elif is_decimal and isinstance(getattr(obj, f.attname), Decimal | None):
                row.append(getattr(obj, f.attname))  # both drivers take a Decimal
            else:
                row.append(f.get_db_prep_save(f.pre_save(obj, True), connection))
        rows.append(row)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            cursor.executemany(sql, rows[start : start + batch_size])
    return len(rows)


def _sql(model, attnames, conflict=(), update=()) -> str:
    connection = connections[DEFAULT_DB_ALIAS]
    q = connection.ops.quote_name
    columns = ", ".join(q(model._meta.get_field(name).column) for name in attnames)
    marks = ", ".join(["%s"] * len(attnames))
    sql = f"INSERT INTO {q(model._meta.db_table)} ({columns}) VALUES ({marks})"
    if conflict:
        sets = ", ".join(f"{q(c)} = excluded.{q(c)}" for c in update)
        sql += f" ON CONFLICT ({', '.join(q(c) for c in conflict)}) DO UPDATE SET {sets}"
    return sql


def insert_rows(model, attnames, rows, *, batch_size=5000, conflict=(), update=()) -> int:
    """Rows given as tuples in the order of `attnames`, ready for the driver (ints, text,
    Decimal or None, `stamp(...)` for a datetime, `json(...)` for a JSON column): no model
    object at all (issue 17: 5.000 units are 45.000 rows)."""
    if not rows:
        return 0
    sql = _sql(model, attnames, conflict, update)
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            cursor.executemany(sql, rows[start : start + batch_size])
    return len(rows)


def stamp(moment):
    """A datetime as the database takes it (aware → UTC text on SQLite)."""
    return connections[DEFAULT_DB_ALIAS].ops.adapt_datetimefield_value(moment)


def json(model, attname, value):
    field = model._meta.get_field(attname)
    return field.get_db_prep_save(value, connections[DEFAULT_DB_ALIAS])


def copy_history(model, ids, history_type: str, user_id, moment) -> None:
    """django-simple-history's rows for `ids` of `model` as they are now, written by one
    INSERT … SELECT per 500 ids (what bulk_create_with_history and
    bulk_update_with_history write, without building an object per row)."""
    if not ids:
        return
    connection = connections[DEFAULT_DB_ALIAS]
    q = connection.ops.quote_name
    historical = model.history.model
    own = {f.attname for f in model._meta.concrete_fields}
    copied = [f for f in historical._meta.concrete_fields if f.attname in own]
    names = ", ".join(q(f.column) for f in copied)
    sql = (
        f"INSERT INTO {q(historical._meta.db_table)} ({names}, history_date, "
        f"history_change_reason, history_type, history_user_id) "
        f"SELECT {names}, %s, NULL, %s, %s FROM {q(model._meta.db_table)} WHERE id IN "
    )
    ids = list(ids)
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            cursor.execute(
                sql + f"({', '.join(['%s'] * len(chunk))})",
                [stamp(moment), history_type, user_id, *chunk],
            )
