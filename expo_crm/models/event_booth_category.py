# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class EventBoothCategory(models.Model):
    _inherit = "event.booth.category"

    expo_area_sqm = fields.Float(
        "Default Area (m²)",
        digits=(16, 2),
        help="Floor area a new booth of this category starts with.",
    )

    _sql_constraints = [
        (
            "expo_area_sqm_positive",
            "CHECK(expo_area_sqm >= 0)",
            "A booth area cannot be negative.",
        ),
    ]
