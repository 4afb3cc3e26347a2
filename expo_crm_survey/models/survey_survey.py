# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    expo_audience = fields.Selection(
        [("customer", "Exhibition Customers"), ("staff", "Organizer Staff")],
        string="Exhibition Audience",
        help="Customers answer the surveys sent by exhibition campaigns about their "
        "participation; organizer staff fill the evaluations of upstream partners. "
        "Empty: not an exhibition survey.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        # a customer survey counts one answer per invitation: one attempt, unless
        # the creator says otherwise
        for vals in vals_list:
            if vals.get("expo_audience") == "customer":
                vals.setdefault("is_attempts_limited", True)
                vals.setdefault("attempts_limit", 1)
        return super().create(vals_list)
