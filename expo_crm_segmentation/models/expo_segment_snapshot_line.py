# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from odoo.addons.expo_crm.models.res_partner import LIFECYCLE_STAGES

from .res_partner import (
    KNOX_SEGMENTS,
    LOYALTY_SEGMENTS,
    PARETO_CLASSES,
    PROFIT_LOYALTY_SEGMENTS,
    SATISFACTION_SEGMENTS,
    VALUE_TIERS,
)


class ExpoSegmentSnapshotLine(models.Model):
    _name = "expo.segment.snapshot.line"
    _inherit = ["expo.selection.order.mixin"]
    _description = "Exhibition Segment Snapshot Line"
    _order = "snapshot_id, partner_id"

    snapshot_id = fields.Many2one(
        "expo.segment.snapshot", required=True, index=True, ondelete="cascade"
    )
    date = fields.Datetime(related="snapshot_id.date", store=True)
    company_id = fields.Many2one("res.company", required=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, index=True, ondelete="cascade"
    )
    value_tier = fields.Selection(VALUE_TIERS)
    pareto_class = fields.Selection(PARETO_CLASSES)
    loyalty_segment = fields.Selection(LOYALTY_SEGMENTS, "Loyalty (Dick & Basu)")
    profit_loyalty_segment = fields.Selection(
        PROFIT_LOYALTY_SEGMENTS, "Profit Loyalty (Reinartz & Kumar)"
    )
    satisfaction_segment = fields.Selection(
        SATISFACTION_SEGMENTS, "Satisfaction (Brandt)"
    )
    knox_segment = fields.Selection(KNOX_SEGMENTS, "Knox Diamond")
    rfm_cell = fields.Char("RFM Cell")
    churn_risk = fields.Boolean()
    lifecycle_stage = fields.Selection(LIFECYCLE_STAGES)
    economic_value = fields.Monetary()

    _sql_constraints = [
        (
            "snapshot_partner_uniq",
            "unique(snapshot_id, partner_id)",
            "A customer appears once per snapshot.",
        ),
    ]

    @api.model
    def _expo_ordered_selections(self):
        return super()._expo_ordered_selections() | {
            "knox_segment",
            "lifecycle_stage",
            "loyalty_segment",
            "profit_loyalty_segment",
            "satisfaction_segment",
            "value_tier",
        }
