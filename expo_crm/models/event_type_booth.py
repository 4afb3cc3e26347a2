# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class EventTypeBooth(models.Model):
    _inherit = "event.type.booth"

    expo_space_sqm = fields.Float(
        "Size (m²)",
        digits=(16, 2),
        compute="_compute_expo_space_sqm",
        store=True,
        readonly=False,
        help="Floor space of the booth; defaults to the size of its category.",
    )

    _sql_constraints = [
        (
            "expo_space_sqm_positive",
            "CHECK(expo_space_sqm >= 0)",
            "A booth size cannot be negative.",
        ),
    ]

    @api.depends("booth_category_id")
    def _compute_expo_space_sqm(self):
        for booth in self:
            booth.expo_space_sqm = booth.booth_category_id.expo_space_sqm

    @api.model
    def _get_event_booth_fields_whitelist(self):
        return super()._get_event_booth_fields_whitelist() + ["expo_space_sqm"]
