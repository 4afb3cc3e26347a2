# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class EventBoothCategory(models.Model):
    _inherit = ["event.booth.category", "expo.number.check.mixin"]
    _name = "event.booth.category"

    expo_area_sqm = fields.Float(
        "Default Area (m²)",
        digits=(16, 2),
        help="Floor area a new booth of this category starts with.",
    )
    expo_price_per_sqm = fields.Float(
        "Price per m²",
        digits="Product Price",
        groups="event.group_event_registration_desk",
        help="When set, a booth of this category costs its area times this price "
        "(unless its own price is changed); empty: every booth costs the category's "
        "price.",
    )

    _sql_constraints = [
        (
            "expo_area_sqm_positive",
            "CHECK(expo_area_sqm >= 0)",
            "A booth area cannot be negative.",
        ),
        (
            "expo_price_per_sqm_positive",
            "CHECK(expo_price_per_sqm >= 0)",
            "A price per m² cannot be negative.",
        ),
    ]

    def _expo_price_per_sqm(self):
        """Price of a square metre of the category: its price per m², else its
        booth price over its default area (0 when neither is known)."""
        if len(self) != 1:
            return 0.0
        if self.expo_price_per_sqm:
            return self.expo_price_per_sqm
        if self.expo_area_sqm <= 0:
            return 0.0
        return self.price / self.expo_area_sqm
