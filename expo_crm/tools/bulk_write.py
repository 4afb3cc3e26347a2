# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import models
from odoo.models import BaseModel
from odoo.tools import SQL, split_every
from odoo.tools.sql import drop_index, make_index_name

BULK_WRITE_BATCH_SIZE = 1000
# automated action triggers that react to a record's creation or change
AUTOMATION_TRIGGERS = (
    "on_create",
    "on_create_or_write",
    "on_write",
    "on_stage_set",
    "on_state_set",
    "on_priority_set",
    "on_tag_set",
    "on_user_set",
    "on_archive",
    "on_unarchive",
)


def bulk_fields(model):
    """The fields a batch job may write on ``model`` with plain SQL: those the
    model declares in ``_expo_bulk_fields()``, after checking that none of its
    ``create``/``write`` overrides reacts to them (a test pins the overrides)."""
    declared = getattr(model, "_expo_bulk_fields", None)
    return frozenset(declared()) if declared else frozenset()


def _watched_by_automations(model):
    """Whether an active automated action reacts to changes on ``model``: then
    the batch job writes through the ORM, so that the action sees them."""
    if "base.automation" not in model.env:
        return False
    return bool(
        model.env["base.automation"]
        .sudo()
        .search_count(
            [
                ("model_name", "=", model._name),
                ("trigger", "in", AUTOMATION_TRIGGERS),
            ],
            limit=1,
        )
    )


def drop_unindexed_field_indexes(model, fnames):
    """Drop the column indexes of ``fnames`` that ``model`` declares without
    one (``index=False``): Odoo keeps an index a field stops asking for. A
    column the jobs rewrite for every customer pays for each of its indexes
    on every write."""
    for fname in fnames:
        if not model._fields[fname].index:
            drop_index(model.env.cr, make_index_name(model._table, fname), model._table)


def write_computed_values(model, values_by_id):
    """Write computed results on many records of ``model`` with set-based SQL.

    :param values_by_id: ``{record id: {field name: value}}``, values as the
        fields store them (rounded amounts, valid selection keys, ids)

    For results a batch job computes for thousands of records, where ``write``
    costs about a millisecond a record: only the fields ``model`` declares in
    ``_expo_bulk_fields()`` (plain stored columns, no x2many or translated
    field, not tracked in the chatter, no ``write`` override reacting to them).
    Company-dependent fields are written for the company of ``model``'s
    environment, as ``write`` does, keeping the other companies' values. Values
    are converted by the fields' own ``convert_to_column``; rows are written with
    one ``UPDATE ... FROM unnest(...)`` per set of fields and thousand records
    (one typed array per column), ``write_date`` and ``write_uid`` included as
    the ORM flushes them; then the cache is invalidated, the records are marked
    modified, so that stored fields depending on them are recomputed as after
    ``write``, and their constraints are checked. When an automated action
    watches the model, the values are written with ``write`` instead (grouped
    by identical values), so that the action runs.
    """
    if not values_by_id:
        return
    env = model.env
    fnames = set().union(*values_by_id.values())
    fields = {fname: model._fields[fname] for fname in fnames}
    _check_bulk_fields(model, fields.values())
    if _watched_by_automations(model):
        _write_with_orm(model, values_by_id)
        return
    model.flush_model(fnames)
    ids_by_fnames = defaultdict(list)
    for record_id, values in values_by_id.items():
        ids_by_fnames[tuple(sorted(values))].append(record_id)
    table = SQL.identifier(model._table)
    for names, ids in ids_by_fnames.items():
        columns = [SQL.identifier(fname) for fname in names]
        assignments = [
            _assignment(table, fields[fname], column, env.company.id)
            for fname, column in zip(names, columns, strict=True)
        ]
        if model._log_access:
            assignments += [
                SQL("write_uid = %s", env.uid),
                SQL("write_date = %s", env.cr.now()),
            ]
        for batch in split_every(BULK_WRITE_BATCH_SIZE, ids):
            arrays = [SQL("%s::int4[]", list(batch))] + [
                _array(
                    model,
                    fields[fname],
                    [values_by_id[record_id][fname] for record_id in batch],
                )
                for fname in names
            ]
            env.cr.execute(
                SQL(
                    """
                    UPDATE %(table)s
                       SET %(assignments)s
                      FROM unnest(%(arrays)s) AS __new(id, %(columns)s)
                     WHERE %(table)s.id = __new.id
                    """,
                    table=table,
                    assignments=SQL(", ").join(assignments),
                    arrays=SQL(", ").join(arrays),
                    columns=SQL(", ").join(columns),
                )
            )
    records = model.browse(list(values_by_id))
    records.invalidate_recordset([*fnames, "write_uid", "write_date"])
    records.modified(fnames)
    records._validate_fields(fnames)


def _write_with_orm(model, values_by_id):
    """``values_by_id`` written with ``write``, one call per set of values."""
    ids_by_values = defaultdict(list)
    for record_id, values in values_by_id.items():
        ids_by_values[tuple(sorted(values.items()))].append(record_id)
    for values, ids in ids_by_values.items():
        model.browse(ids).write(dict(values))


def _assignment(table, field, column, company_id):
    """``SET`` clause of ``field`` from the ``__new`` row of the update: the
    column itself, or the value of ``company_id`` in a company-dependent one."""
    value = SQL("__new.%s::%s", column, SQL(field._column_type[1]))
    if not field.company_dependent:
        return SQL("%s = %s", column, value)
    return SQL(
        "%s = COALESCE(%s.%s, '{}'::jsonb) || jsonb_build_object(%s::text, %s)",
        column,
        table,
        column,
        company_id,
        value,
    )


def create_computed_records(model, vals_list):
    """Create many records of ``model`` that a batch job computes, with
    set-based SQL, and return them.

    :param vals_list: values as the fields store them (as for
        ``write_computed_values``), the same field names for every record

    For records a batch job creates by the ten thousand, where ``create`` costs
    about half a millisecond a record: only plain stored columns, and only on a
    model that declares it (``_expo_bulk_creatable``: no ``create`` override
    reacts, nothing is tracked, logged or subscribed). When an automated action
    watches the model, the records are created with ``create`` instead.
    Defaults of the fields not given are computed once for all; stored computed
    fields not given are left to the ORM to compute, so the caller gives those
    it can compute cheaply. Rows are inserted with one
    ``INSERT ... SELECT ... FROM unnest(...)`` per thousand records (one typed
    array per column, the ids returned in the order given), with ``create_uid``,
    ``create_date``, ``write_uid`` and ``write_date`` as the ORM fills them;
    then the new records are marked created, so that stored fields depending on
    them are computed as after ``create``, and their constraints are checked.
    """
    if not vals_list:
        return model.browse()
    if not getattr(model, "_expo_bulk_creatable", False):
        raise ValueError(f"{model._name} does not declare _expo_bulk_creatable")
    if _watched_by_automations(model):
        return model.create(vals_list)
    env = model.env
    fnames = sorted(vals_list[0])
    if any(sorted(vals) != fnames for vals in vals_list):
        raise ValueError(
            "create_computed_records needs the same fields for every record"
        )
    missing = [
        fname
        for fname, field in model._fields.items()
        if field.store
        and field.column_type
        and fname not in fnames
        and not field.compute
        and fname not in models.LOG_ACCESS_COLUMNS
        and fname != "id"
    ]
    defaults = {
        fname: value
        for fname, value in model.default_get(missing).items()
        if fname in missing
    }
    fnames += sorted(defaults)
    fields = {fname: model._fields[fname] for fname in fnames}
    _check_bulk_fields(model, fields.values(), creating=True)
    if any(field.company_dependent for field in fields.values()):
        raise ValueError(
            "create_computed_records cannot create company-dependent values"
        )
    columns = [SQL.identifier(fname) for fname in fnames]
    selected = [SQL("__new.%s", column) for column in columns]
    if model._log_access:
        columns += [SQL.identifier(fname) for fname in models.LOG_ACCESS_COLUMNS]
        selected += [SQL("%s", value) for value in (env.uid, env.cr.now()) * 2]
    ids = []
    for batch in split_every(BULK_WRITE_BATCH_SIZE, vals_list):
        arrays = [
            _array(
                model,
                fields[fname],
                [vals.get(fname, defaults.get(fname)) for vals in batch],
            )
            for fname in fnames
        ]
        # the rows in the order given, so that the ids come back in that order
        ids += [
            record_id
            for [record_id] in env.execute_query(
                SQL(
                    """
                    INSERT INTO %(table)s (%(columns)s)
                    SELECT %(selected)s
                      FROM unnest(%(arrays)s) WITH ORDINALITY
                           AS __new(%(names)s, __position)
                     ORDER BY __position
                    RETURNING id
                    """,
                    table=SQL.identifier(model._table),
                    columns=SQL(", ").join(columns),
                    selected=SQL(", ").join(selected),
                    arrays=SQL(", ").join(arrays),
                    names=SQL(", ").join(columns[: len(fnames)]),
                )
            )
        ]
    records = model.browse(ids)
    computed = [
        field
        for fname, field in model._fields.items()
        if field.store and field.compute and fname not in fields
    ]
    for field in computed:
        env.add_to_compute(field, records)
    # the given values are not to be recomputed, as ``create`` protects them
    with env.protecting(fields.values(), records):
        records.modified(model._fields, create=True)
    records._validate_fields(fnames)
    return records


def _check_bulk_fields(model, fields, creating=False):
    """Raise unless ``fields`` can be written with plain SQL: stored columns, no
    x2many or translated field; when writing, only fields the model declares and
    none tracked (a new record has no tracking to show)."""
    allowed = bulk_fields(model)
    for field in fields:
        if (
            not (field.store and field.column_type)
            or field.relational
            and field.type != "many2one"
            or field.translate
            or not creating
            and (field.name not in allowed or getattr(field, "tracking", False))
        ):
            raise ValueError(f"{field} cannot be written in bulk")


def only_changed_values(model, values_by_id, keep=()):
    """The part of ``values_by_id`` (as for ``write_computed_values``) that differs
    from what the records hold, read with one query per thousand records. Fields
    in ``keep`` are always kept; records left with nothing to write are left
    out. Company-dependent fields are compared in the company of ``model``'s
    environment."""
    if not values_by_id:
        return {}
    fnames = sorted(set().union(*values_by_id.values()) - set(keep))
    if not fnames:
        return {record_id: dict(values) for record_id, values in values_by_id.items()}
    model.flush_model(fnames)
    fields = [model._fields[fname] for fname in fnames]
    changed = {}
    for ids in split_every(BULK_WRITE_BATCH_SIZE, list(values_by_id)):
        rows = model.env.execute_query(
            SQL(
                "SELECT id, %s FROM %s WHERE id IN %s",
                SQL(", ").join(
                    model._field_to_sql(model._table, fname) for fname in fnames
                ),
                SQL.identifier(model._table),
                tuple(ids),
            )
        )
        for record_id, *column_values in rows:
            values = values_by_id[record_id]
            diff = {}
            for field, current in zip(fields, column_values, strict=True):
                value = values.get(field.name, _MISSING)
                if value is _MISSING or (
                    # equal as they are (most values): no need to normalize them
                    not isinstance(value, BaseModel) and value == current
                ):
                    continue
                if _column_value(field, value) != _column_value(field, current):
                    diff[field.name] = value
            for fname in keep:
                if fname in values:
                    diff[fname] = values[fname]
            if diff:
                changed[record_id] = diff
    return changed


def _array(model, field, values):
    """``values`` of ``field`` as one typed array parameter, each converted by
    the field (``convert_to_column``): a column of ``unnest`` costs far less to
    send than a row of parameters per record."""
    convert = field.convert_to_column
    if field.type == "many2one":
        values = [
            value.id if isinstance(value, BaseModel) else value for value in values
        ]
    return SQL(
        "%s::%s[]",
        [convert(value, model) for value in values],
        SQL(field._column_type[1]),
    )


_MISSING = object()


def _column_value(field, value):
    """``value`` of ``field`` as its column holds it (read back from a query)."""
    if field.type == "boolean":
        return bool(value)
    if value is False or value is None or field.type == "json" and not value:
        return None
    if field.type == "many2one" and isinstance(value, BaseModel):
        return value.id
    return value
