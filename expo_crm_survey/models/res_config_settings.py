# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    expo_survey_gap_threshold = fields.Float(
        related="company_id.expo_survey_gap_threshold", readonly=False
    )
    expo_survey_activity_days = fields.Integer(
        related="company_id.expo_survey_activity_days", readonly=False
    )
    expo_survey_evaluation_survey_id = fields.Many2one(
        related="company_id.expo_survey_evaluation_survey_id", readonly=False
    )
