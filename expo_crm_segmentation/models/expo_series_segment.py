# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .res_partner import PARETO_CLASSES, RFM_SCORES, VALUE_TIERS


class ExpoSeriesSegment(models.Model):
    """A partner's segments in one series, ranked against that series' customers."""

    _name = "expo.series.segment"
    _description = "Exhibition Segments per Series"
    _order = "series_id, economic_value desc, id"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, index=True, ondelete="cascade"
    )
    series_id = fields.Many2one(
        "expo.series", "Series", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")

    # RFM within the series
    recency = fields.Integer(
        "Editions Since Last",
        help="Past editions of the series held since the customer last took part.",
    )
    frequency = fields.Integer(
        "Editions in Window", help="Editions of the series in the RFM window."
    )
    economic_value = fields.Monetary(
        "Invoiced in Window",
        help="Invoiced amounts in the series' editions of the RFM window.",
    )
    recency_score = fields.Selection(RFM_SCORES)
    frequency_score = fields.Selection(RFM_SCORES)
    monetary_score = fields.Selection(RFM_SCORES)
    rfm_cell = fields.Char("RFM Cell")

    # value within the series
    pareto_class = fields.Selection(PARETO_CLASSES)
    value_tier = fields.Selection(VALUE_TIERS, index=True)

    _sql_constraints = [
        (
            "partner_series_uniq",
            "unique(partner_id, series_id)",
            "A customer has one set of segments per series.",
        ),
    ]

    def _compute_display_name(self):
        for segment in self:
            segment.display_name = (
                f"{segment.partner_id.display_name} / {segment.series_id.display_name}"
            )
