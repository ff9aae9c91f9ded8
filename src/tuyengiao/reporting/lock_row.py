"""The write path's first statement (issue 17): the unit's assignment for a form and
period, locked, joined with the form, the period, the unit and the unit's submission (none
before the first save). Written out once per process rather than compiled by the ORM on
every save (seventeen columns of subqueries cost more than the rest of a save); the rows
are turned into model objects with the fields' own database converters, as the ORM does.
"""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS, connections

from tuyengiao.orgs.models import OrgUnit

from .models import Assignment, Form, Period, Submission

_JOINED = (("f", Form), ("p", Period), ("u", OrgUnit), ("s", Submission))
_cache: dict[tuple, tuple] = {}


def _plan(connection, by_code: bool):
    key = (connection.vendor, by_code)
    if key in _cache:
        return _cache[key]
    q = connection.ops.quote_name
    columns, converters = ["a.id"], []
    for alias, model in _JOINED:
        fields = list(model._meta.concrete_fields)
        columns += [f"{alias}.{q(f.column)}" for f in fields]
        for f in fields:
            col = f.get_col(model._meta.db_table)
            converters.append(
                (col, connection.ops.get_db_converters(col) + f.get_db_converters(connection))
            )
    where = (
        "f.code = %s AND p.code = %s AND u.code = %s"
        if by_code
        else "a.form_id = %s AND a.period_id = %s AND a.unit_id = %s"
    )
    sql = (
        f"SELECT {', '.join(columns)} FROM {q(Assignment._meta.db_table)} a "
        f"INNER JOIN {q(Form._meta.db_table)} f ON f.id = a.form_id "
        f"INNER JOIN {q(Period._meta.db_table)} p ON p.id = a.period_id "
        f"INNER JOIN {q(OrgUnit._meta.db_table)} u ON u.id = a.unit_id "
        f"LEFT JOIN {q(Submission._meta.db_table)} s ON s.form_id = a.form_id "
        "AND s.period_id = a.period_id AND s.unit_id = a.unit_id "
        f"WHERE {where}"
    )
    if connection.features.has_select_for_update_of:
        sql += " FOR UPDATE OF a"
    _cache[key] = (sql, converters)
    return _cache[key]


def locked(*, form=None, period=None, unit=None, codes=None):
    """(form, period, unit, submission or None), or None when there is no such
    assignment. By objects, or by `codes` = (form code, period code, unit code)."""
    connection = connections[DEFAULT_DB_ALIAS]
    sql, converters = _plan(connection, codes is not None)
    params = list(codes) if codes is not None else [form.pk, period.pk, unit.pk]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    values = []
    for value, (col, functions) in zip(row[1:], converters, strict=True):
        for function in functions:
            value = function(value, col, connection)
        values.append(value)
    objects, start = [], 0
    for _alias, model in _JOINED:
        names = [f.attname for f in model._meta.concrete_fields]
        part = values[start : start + len(names)]
        start += len(names)
        objects.append(model.from_db(DEFAULT_DB_ALIAS, names, part) if part[0] else None)
    found_form, found_period, found_unit, submission = objects
    if submission is not None:
        cache = submission._state.fields_cache
        cache["form"], cache["period"], cache["unit"] = found_form, found_period, found_unit
    return found_form, found_period, found_unit, submission
