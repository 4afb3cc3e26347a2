# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class EventEvent(models.Model):
    _inherit = "event.event"

    expo_survey_campaign_ids = fields.One2many(
        "expo.survey.campaign", "event_id", string="Survey Campaigns"
    )
    expo_survey_campaign_count = fields.Integer(
        "Survey Campaign Count", compute="_compute_expo_survey_campaign_count"
    )

    def _compute_expo_survey_campaign_count(self):
        counts = dict(
            self.env["expo.survey.campaign"]._read_group(
                [("event_id", "in", self.ids)], ["event_id"], ["__count"]
            )
        )
        for event in self:
            event.expo_survey_campaign_count = counts.get(event, 0)

    def action_expo_view_survey_campaigns(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "expo_crm_survey.expo_survey_campaign_action"
        )
        action["domain"] = [("event_id", "=", self.id)]
        action["context"] = {
            "default_event_id": self.id,
            "default_name": self.name,
        }
        return action
