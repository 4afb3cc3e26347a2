# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

BOOTH_TYPES = [
    ("inline", "Inline"),
    ("corner", "Corner"),
    ("peninsula", "Peninsula"),
    ("island", "Island"),
]


class EventTypeBooth(models.Model):
    _inherit = "event.type.booth"

    expo_area_sqm = fields.Float(
        "Area (m²)",
        digits=(16, 2),
        compute="_compute_expo_area_sqm",
        store=True,
        readonly=False,
        help="Net floor area of the booth, in m²; starts from the default area of "
        "its category.",
    )
    expo_booth_type = fields.Selection(
        BOOTH_TYPES,
        string="Booth Type",
        default="inline",
        required=True,
        help="Open sides: inline (one, in a row), corner (two), peninsula (three, "
        "at the end of a row), island (four, free-standing).",
    )

    _sql_constraints = [
        (
            "expo_area_sqm_positive",
            "CHECK(expo_area_sqm >= 0)",
            "A booth area cannot be negative.",
        ),
    ]

    @api.depends("booth_category_id")
    def _compute_expo_area_sqm(self):
        for booth in self:
            booth.expo_area_sqm = booth.booth_category_id.expo_area_sqm

    @api.model
    def _get_event_booth_fields_whitelist(self):
        # a booth prices itself from its category and area, not from the template
        fields_list = super()._get_event_booth_fields_whitelist()
        return [fname for fname in fields_list if fname != "price"] + [
            "expo_area_sqm",
            "expo_booth_type",
        ]
