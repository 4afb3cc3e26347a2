# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from odoo.addons.expo_crm.models.expo_feedback_mixin import NPS_SCORES

MAX_RATING = 5


class ResPartner(models.Model):
    _inherit = "res.partner"

    # survey summary, from the participations' feedback
    expo_last_nps_score = fields.Selection(
        NPS_SCORES,
        "Latest NPS",
        compute="_compute_expo_survey_summary",
        help="NPS score given about the latest edition asked.",
    )
    expo_avg_satisfaction = fields.Float(
        "Average Satisfaction",
        digits=(5, 1),
        compute="_compute_expo_survey_summary",
        help="Average satisfaction index (0-100) over the participations with "
        "feedback.",
    )
    expo_feedback_count = fields.Integer(
        "Feedback Count", compute="_compute_expo_survey_summary"
    )
    expo_referral_candidate = fields.Boolean(
        "Referral Candidate",
        tracking=True,
        help="A promoter (NPS 9 or 10) worth asking for referrals and testimonials.",
    )

    @api.depends(
        "expo_participation_ids.nps_score",
        "expo_participation_ids.satisfaction_index",
        "expo_participation_ids.feedback_date",
    )
    def _compute_expo_survey_summary(self):
        commercial = self.commercial_partner_id
        Participation = self.env["expo.participation"]
        averages = {
            partner: (average, count)
            for partner, average, count in Participation._read_group(
                [("partner_id", "in", commercial.ids), ("feedback_date", "!=", False)],
                ["partner_id"],
                ["satisfaction_index:avg", "__count"],
            )
        }
        latest_nps = {}
        for participation in Participation.search_fetch(
            [("partner_id", "in", commercial.ids), ("nps_score", "!=", False)],
            ["partner_id", "nps_score"],
            order="event_date_begin desc, id desc",
        ):
            latest_nps.setdefault(participation.partner_id, participation.nps_score)
        for partner in self:
            average, count = averages.get(partner.commercial_partner_id, (0.0, 0))
            partner.expo_avg_satisfaction = average
            partner.expo_feedback_count = count
            partner.expo_last_nps_score = latest_nps.get(partner.commercial_partner_id)

    def _expo_mark_referral_candidate(self):
        """A promoter: mark it and raise its recommendation value one step."""
        for partner in self:
            rating = int(partner.expo_recommendation_value or 0)
            partner.write(
                {
                    "expo_referral_candidate": True,
                    "expo_recommendation_value": str(min(rating + 1, MAX_RATING)),
                }
            )
