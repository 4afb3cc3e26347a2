# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools import check_finite_numbers


class EventBoothCategory(models.Model):
    _inherit = "event.booth.category"

    expo_space_sqm = fields.Float(
        "Booth Size (m²)",
        digits=(16, 2),
        help="Default floor space of the booths of this category.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        check_finite_numbers(self, vals_list)
        return super().create(vals_list)

    def write(self, vals):
        check_finite_numbers(self, [vals])
        return super().write(vals)

    _sql_constraints = [
        (
            "expo_space_sqm_positive",
            "CHECK(expo_space_sqm >= 0)",
            "A booth size cannot be negative.",
        ),
    ]
