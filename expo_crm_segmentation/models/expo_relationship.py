# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .res_partner import PARETO_CLASSES, RFM_SCORES, VALUE_TIERS


class ExpoRelationship(models.Model):
    """Segments of a partner's relationship with one series, ranked against that
    series' customers; written by the segmentation run."""

    _inherit = "expo.relationship"

    @api.model
    def _expo_bulk_fields(self):
        """The segments the run writes in bulk."""
        return super()._expo_bulk_fields() | {
            "rfm_recency",
            "rfm_frequency",
            "rfm_monetary",
            "rfm_recency_score",
            "rfm_frequency_score",
            "rfm_monetary_score",
            "rfm_cell",
            "pareto_class",
            "value_tier",
        }

    # RFM within the series
    rfm_recency = fields.Integer(
        "Editions Since Last",
        readonly=True,
        help="Past editions of the series held since the customer last took part.",
    )
    rfm_frequency = fields.Integer(
        "Editions in Window",
        readonly=True,
        help="Editions of the series taken part in among its last editions (RFM "
        "window in Settings).",
    )
    rfm_monetary = fields.Monetary(
        "Invoiced in Window",
        readonly=True,
        help="Invoiced amounts in the series' editions of the RFM window.",
    )
    rfm_recency_score = fields.Selection(RFM_SCORES, "Recency Score", readonly=True)
    rfm_frequency_score = fields.Selection(RFM_SCORES, "Frequency Score", readonly=True)
    rfm_monetary_score = fields.Selection(RFM_SCORES, "Monetary Score", readonly=True)
    rfm_cell = fields.Char("RFM Cell", readonly=True)

    # value within the series
    pareto_class = fields.Selection(
        PARETO_CLASSES,
        readonly=True,
        help="Pareto class by economic value among the series' customers.",
    )
    value_tier = fields.Selection(
        VALUE_TIERS,
        readonly=True,
        index=True,
        help="Value tier of the relationship, from its Pareto class, frequency, "
        "lifecycle stage and relationship profit.",
    )

    @api.model
    def _expo_ordered_selections(self):
        return super()._expo_ordered_selections() | {"value_tier"}
