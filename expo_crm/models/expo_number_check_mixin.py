# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

from ..tools import check_finite_numbers


class ExpoNumberCheckMixin(models.AbstractModel):
    """Refuses infinite and not-a-number values (``1e400`` sent over RPC) for the
    float and monetary fields of the models inheriting it, before they reach
    rounding or the database: a clear error instead of a server error."""

    _name = "expo.number.check.mixin"
    _description = "Exhibition Number Checks"

    @api.model_create_multi
    def create(self, vals_list):
        check_finite_numbers(self, vals_list)
        return super().create(vals_list)

    def write(self, vals):
        check_finite_numbers(self, [vals])
        return super().write(vals)
