# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class EventBoothCategory(models.Model):
    _inherit = "event.booth.category"

    expo_space_sqm = fields.Float(
        "Booth Size (m²)",
        digits=(16, 2),
        help="Default floor space of the booths of this category.",
    )

    _sql_constraints = [
        (
            "expo_space_sqm_positive",
            "CHECK(expo_space_sqm >= 0)",
            "A booth size cannot be negative.",
        ),
    ]

    def _expo_price_per_sqm(self):
        """Price of a square metre of the category: its booth price over its booth
        size (0 when either is unknown)."""
        if len(self) != 1 or self.expo_space_sqm <= 0:
            return 0.0
        return self.price / self.expo_space_sqm
