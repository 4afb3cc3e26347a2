# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math

from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import formatLang


def check_computed_not_written(model, vals_list, fnames):
    """Refuse values for the computed results ``fnames`` of ``model``.

    Results the addons compute (amounts read from invoices, lifecycle stages,
    values, segments) are stored fields the batch jobs write as the superuser;
    ``readonly`` only hides them in forms, so a write over RPC or an import
    would otherwise store whatever it is given. Raises a ``UserError`` naming
    the fields, unless the environment is in superuser mode.
    """
    if model.env.su:
        return
    typed = sorted({fname for vals in vals_list for fname in vals if fname in fnames})
    if typed:
        raise UserError(
            model.env._(
                "%(fields)s of %(model)s are computed by Expo CRM and cannot be "
                "typed in, imported or written.",
                fields=", ".join(
                    model._fields[fname]._description_string(model.env)
                    for fname in typed
                ),
                model=model._description,
            )
        )


def check_finite_numbers(model, vals_list):
    """Refuse infinite or not-a-number values for the float fields of ``model``
    (``1e400`` in an amount), which PostgreSQL and rounding cannot hold: a
    ``ValidationError`` naming the field instead of a server error."""
    for vals in vals_list:
        for fname, value in vals.items():
            field = model._fields.get(fname)
            if (
                field is not None
                and field.type in ("float", "monetary")
                and isinstance(value, float)
                and not math.isfinite(value)
            ):
                raise ValidationError(
                    model.env._(
                        "%(field)s must be a finite number.",
                        field=field._description_string(model.env),
                    )
                )


def check_selection_values(model, vals_list):
    """Refuse values outside the choices of the selection fields of ``model``
    (an NPS of 11 or 7.5): a ``ValidationError`` listing the choices instead of
    a server error."""
    for vals in vals_list:
        for fname, value in vals.items():
            field = model._fields.get(fname)
            if field is None or field.type != "selection" or value in (False, None):
                continue
            choices = dict(field._description_selection(model.env))
            if value not in choices:
                raise ValidationError(
                    model.env._(
                        "%(value)s is not a valid %(field)s: choose one of "
                        "%(choices)s.",
                        value=value,
                        field=field._description_string(model.env),
                        choices=", ".join(choices.values()),
                    )
                )


def check_bounds(records, bounds):
    """Refuse settings outside their range: ``bounds`` is ``{field name: (lowest,
    highest)}``, both included. A value past any sensible range (churn days of
    99,999,999, trust after 10^10 editions) would otherwise be accepted and
    break every later run with an overflow."""
    for record in records:
        for fname, (lowest, highest) in bounds.items():
            value = record[fname]
            if not lowest <= value <= highest:
                raise ValidationError(
                    records.env._(
                        "%(setting)s must be from %(lowest)s to %(highest)s.",
                        setting=records._fields[fname]._description_string(records.env),
                        lowest=_number(records.env, lowest),
                        highest=_number(records.env, highest),
                    )
                )


def _number(env, value):
    """``value`` as the user's language writes numbers (1,000,000 or 1.000.000)."""
    digits = 0 if float(value).is_integer() else 2
    return formatLang(env, value, digits=digits)
