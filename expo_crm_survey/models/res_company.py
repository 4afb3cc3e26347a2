# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    expo_survey_gap_threshold = fields.Float(
        "Strongly Negative Gap",
        digits=(4, 1),
        default=-2.0,
        help="A 5S dimension whose experience falls this many scale points or more "
        "below the expectation (experience minus expectation, -10 to -0.1) calls for "
        "a follow-up by the salesperson.",
    )
    expo_survey_activity_days = fields.Integer(
        "Follow-up Within (Days)",
        default=3,
        help="Deadline of the follow-up activity created for an unhappy respondent, "
        "in days (0 to 365).",
    )
    expo_survey_evaluation_survey_id = fields.Many2one(
        "survey.survey",
        string="Service Partner Evaluation",
        domain="[('expo_audience', '=', 'staff')]",
        help="Survey staff fill to evaluate an upstream partner's work at an edition.",
    )

    @api.constrains("expo_survey_gap_threshold", "expo_survey_activity_days")
    def _check_expo_survey_settings(self):
        for company in self:
            if not -10 <= company.expo_survey_gap_threshold < 0:
                raise ValidationError(
                    _(
                        "The strongly negative gap must be below zero, down to -10, "
                        "e.g. -2."
                    )
                )
            if not 0 <= company.expo_survey_activity_days <= 365:
                raise ValidationError(_("The follow-up delay runs from 0 to 365 days."))
