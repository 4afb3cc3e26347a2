# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools

from odoo.addons.expo_crm.models.expo_feedback_mixin import NPS_CATEGORIES
from odoo.addons.expo_crm.models.res_partner import LIFECYCLE_STAGES
from odoo.addons.expo_crm.rules import nps


class ExpoSurveyReport(models.Model):
    """One row per survey invitation tied to a participation.

    Averaging ``nps`` (100 a promoter, 0 a passive, -100 a detractor, empty when not
    answered) gives the NPS of any group, % promoters - % detractors, and stays
    empty for a group without answers; averaging ``response_rate`` (100 answered,
    0 not) gives the group's response rate.
    """

    _name = "expo.survey.report"
    _inherit = ["expo.selection.order.mixin"]
    _description = "Exhibition Survey Analysis"
    _auto = False
    _order = "event_id desc, partner_id"
    _depends = {
        "survey.user_input": [
            "survey_id",
            "expo_campaign_id",
            "expo_participation_id",
            "state",
            "test_entry",
            "expo_nps_score",
            "expo_nps_category",
            "expo_has_satisfaction_index",
            "expo_satisfaction_index",
        ],
        "expo.participation": [
            "partner_id",
            "event_id",
            "series_id",
            "role_id",
            "company_id",
            "user_id",
        ],
        "res.partner": ["expo_lifecycle_stage", "industry_id", "country_id"],
    }

    user_input_id = fields.Many2one("survey.user_input", "Survey Answer", readonly=True)
    survey_id = fields.Many2one("survey.survey", readonly=True)
    campaign_id = fields.Many2one("expo.survey.campaign", "Campaign", readonly=True)
    participation_id = fields.Many2one("expo.participation", readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    event_id = fields.Many2one("event.event", "Edition", readonly=True)
    series_id = fields.Many2one("expo.series", "Series", readonly=True)
    role_id = fields.Many2one("expo.role", "Role", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    # segments of the customer
    lifecycle_stage = fields.Selection(LIFECYCLE_STAGES, readonly=True)
    industry_id = fields.Many2one("res.partner.industry", "Industry", readonly=True)
    country_id = fields.Many2one("res.country", "Country", readonly=True)
    # response
    state = fields.Selection(
        [
            ("new", "Not started yet"),
            ("in_progress", "In Progress"),
            ("done", "Completed"),
        ],
        readonly=True,
    )
    invitation_count = fields.Integer("Invitations", readonly=True)
    answered_count = fields.Integer("Answers", readonly=True)
    response_rate = fields.Float(
        "Response Rate (%)", digits=(5, 1), aggregator="avg", readonly=True
    )
    # results
    nps_category = fields.Selection(NPS_CATEGORIES, "NPS Category", readonly=True)
    promoter_count = fields.Integer("Promoters", readonly=True)
    detractor_count = fields.Integer("Detractors", readonly=True)
    nps = fields.Float("NPS", digits=(4, 1), aggregator="avg", readonly=True)
    nps_score = fields.Float(
        "Average NPS Score", digits=(3, 1), aggregator="avg", readonly=True
    )
    satisfaction_index = fields.Float(digits=(5, 1), aggregator="avg", readonly=True)
    has_satisfaction_index = fields.Boolean("Satisfaction Index Known", readonly=True)

    @api.model
    def _expo_ordered_selections(self):
        return super()._expo_ordered_selections() | {
            "lifecycle_stage",
            "nps_category",
            "state",
        }

    def _select(self):
        """The view's columns (extend to add one)."""
        weights = " ".join(
            f"WHEN '{category}' THEN {weight:.1f}"
            for category, weight in nps.CATEGORY_WEIGHTS.items()
        )
        return f"""
            SELECT ui.id AS id,
                   ui.id AS user_input_id,
                   ui.survey_id,
                   ui.expo_campaign_id AS campaign_id,
                   p.id AS participation_id,
                   p.partner_id,
                   p.event_id,
                   p.series_id,
                   p.role_id,
                   p.company_id,
                   p.user_id,
                   -- the stage in the participation's company
                   partner.expo_lifecycle_stage ->> p.company_id::text
                       AS lifecycle_stage,
                   partner.industry_id,
                   partner.country_id,
                   ui.state,
                   1 AS invitation_count,
                   CASE WHEN ui.state = 'done' THEN 1 ELSE 0 END AS answered_count,
                   CASE WHEN ui.state = 'done' THEN 100.0 ELSE 0.0 END AS response_rate,
                   ui.expo_nps_category AS nps_category,
                   CASE WHEN ui.expo_nps_category = 'promoter' THEN 1 ELSE 0 END
                       AS promoter_count,
                   CASE WHEN ui.expo_nps_category = 'detractor' THEN 1 ELSE 0 END
                       AS detractor_count,
                   CASE ui.expo_nps_category {weights} END AS nps,
                   CAST(NULLIF(ui.expo_nps_score, '') AS float) AS nps_score,
                   CASE WHEN ui.expo_has_satisfaction_index
                       THEN ui.expo_satisfaction_index
                   END AS satisfaction_index,
                   ui.expo_has_satisfaction_index IS TRUE AS has_satisfaction_index
        """

    def _from(self):
        return """
              FROM survey_user_input ui
              JOIN expo_participation p ON p.id = ui.expo_participation_id
              JOIN res_partner partner ON partner.id = p.partner_id
        """

    def _where(self):
        """Test entries are no customer's answers."""
        return "WHERE ui.test_entry IS NOT TRUE"

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"CREATE OR REPLACE VIEW {self._table} AS "
            f"({self._select()} {self._from()} {self._where()})"
        )
