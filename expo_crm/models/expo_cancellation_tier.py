# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ExpoCancellationTier(models.Model):
    """Cancelling this many days or more before the opening costs this share of
    what is cancelled, up to the next tier."""

    _name = "expo.cancellation.tier"
    _description = "Cancellation Tier"
    _order = "schedule_id, min_days desc, id"

    schedule_id = fields.Many2one(
        "expo.contract.schedule", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="schedule_id.company_id", store=True)
    min_days = fields.Integer(
        "From (Days before Opening)",
        required=True,
        help="The tier applies to a cancellation or reduction this many days or "
        "more before the opening, up to the next tier.",
    )
    percent = fields.Float(
        "Penalty (%)",
        required=True,
        help="Share of the cancelled contract value (or of the space given back) "
        "the customer still owes, 0 to 100.",
    )
