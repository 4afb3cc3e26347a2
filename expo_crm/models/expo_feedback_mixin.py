# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..rules import nps

NPS_SCORES = [(str(score), str(score)) for score in nps.SCORES]
INTENT_SELECTION = [("yes", "Yes"), ("maybe", "Maybe"), ("no", "No")]
NPS_CATEGORIES = [
    ("promoter", "Promoter"),
    ("passive", "Passive"),
    ("detractor", "Detractor"),
]


class ExpoFeedbackMixin(models.AbstractModel):
    """What a customer said of an edition: satisfaction index, NPS and intents,
    filled by surveys or entered by staff (on expo.participation)."""

    _name = "expo.feedback.mixin"
    _description = "Exhibition Feedback"

    feedback_date = fields.Date(
        help="When the feedback below was recorded; without it the satisfaction "
        "index is unknown."
    )
    satisfaction_index = fields.Float(
        digits=(5, 1),
        help="Overall satisfaction, 0 (angry) to 100 (delighted): experience minus "
        "expectation, rescaled.",
    )
    nps_score = fields.Selection(
        NPS_SCORES,
        "NPS Score",
        help="How likely to recommend the show, 0 to 10; empty when not asked.",
    )
    nps_category = fields.Selection(
        NPS_CATEGORIES,
        "NPS Category",
        compute="_compute_nps_category",
        store=True,
        help="Promoter 9-10, passive 7-8, detractor 0-6.",
    )
    intent_rebook = fields.Selection(INTENT_SELECTION, "Intends to Rebook")
    intent_recommend = fields.Selection(INTENT_SELECTION, "Intends to Recommend")
    satisfaction_notes = fields.Text("Feedback Notes")

    @api.depends("nps_score")
    def _compute_nps_category(self):
        for record in self:
            record.nps_category = nps.category(record.nps_score)
