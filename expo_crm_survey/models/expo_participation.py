# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

QUALITY_LEVELS = [
    ("1", "Very Low"),
    ("2", "Low"),
    ("3", "Medium"),
    ("4", "High"),
    ("5", "Very High"),
]
GAP_HELP = (
    "Experience minus expectation on this 5S dimension, in scale points, from the "
    "latest survey answer: below zero the show fell short, above it delighted."
)


class ExpoParticipation(models.Model):
    _inherit = "expo.participation"

    # 5S satisfaction gaps (experience - expectation), from surveys
    expo_gap_concept = fields.Float(
        "Concept Gap", digits=(3, 1), readonly=True, help=GAP_HELP
    )
    expo_gap_behaviour = fields.Float(
        "Behaviour Gap", digits=(3, 1), readonly=True, help=GAP_HELP
    )
    expo_gap_visual = fields.Float(
        "Visual Gap", digits=(3, 1), readonly=True, help=GAP_HELP
    )
    expo_gap_product = fields.Float(
        "Product Gap", digits=(3, 1), readonly=True, help=GAP_HELP
    )
    expo_gap_service = fields.Float(
        "Service Gap", digits=(3, 1), readonly=True, help=GAP_HELP
    )

    # relationship quality (trust, satisfaction, friendship, belonging), 1 to 5,
    # empty when not asked
    expo_quality_trust = fields.Selection(QUALITY_LEVELS, "Trust")
    expo_quality_satisfaction = fields.Selection(QUALITY_LEVELS, "Satisfaction")
    expo_quality_friendship = fields.Selection(QUALITY_LEVELS, "Commercial Friendship")
    expo_quality_belonging = fields.Selection(
        QUALITY_LEVELS,
        "Belonging",
        help="The wish to keep a long relationship with the show.",
    )

    # survey answers
    expo_survey_input_ids = fields.One2many(
        "survey.user_input", "expo_participation_id", string="Survey Answers"
    )
    expo_survey_input_count = fields.Integer(
        "Survey Answer Count", compute="_compute_expo_survey_input_count"
    )
    expo_survey_url = fields.Char(
        "Survey Link",
        compute="_compute_expo_survey_url",
        help="The personal link of the customer's latest survey invitation not "
        "answered yet, to send by phone, chat or any channel other than email.",
    )

    @api.depends("expo_survey_input_ids")
    def _compute_expo_survey_input_count(self):
        counts = dict(
            self.env["survey.user_input"]._read_group(
                [("expo_participation_id", "in", self.ids)],
                ["expo_participation_id"],
                ["__count"],
            )
        )
        for participation in self:
            participation.expo_survey_input_count = counts.get(participation, 0)

    def _compute_expo_survey_url(self):
        latest = {}
        for answer in self.env["survey.user_input"].search(
            [
                ("expo_participation_id", "in", self.ids),
                ("expo_campaign_id", "!=", False),
                ("state", "!=", "done"),
                ("test_entry", "=", False),
            ],
            order="create_date desc, id desc",
        ):
            latest.setdefault(answer.expo_participation_id, answer)
        for participation in self:
            answer = latest.get(participation)
            participation.expo_survey_url = answer.expo_answer_url if answer else False

    def action_expo_evaluate_partner(self):
        """Start the service partner evaluation of this upstream participation."""
        self.ensure_one()
        survey = self.company_id.expo_survey_evaluation_survey_id
        if not survey:
            raise UserError(
                _(
                    "Choose the service partner evaluation survey in the Exhibitions "
                    "settings first."
                )
            )
        if self.side != "upstream":
            raise UserError(
                _(
                    "Only upstream partners (venues, builders, logistics, travel, "
                    "media) are evaluated by staff; customers answer surveys."
                )
            )
        answer = survey.sudo()._create_answer(
            user=self.env.user, check_attempts=False, expo_participation_id=self.id
        )
        return {
            "type": "ir.actions.act_url",
            "url": answer.get_start_url(),
            "target": "self",
        }

    def action_expo_view_survey_inputs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "expo_crm_survey.expo_survey_input_action"
        )
        action["domain"] = [("expo_participation_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
