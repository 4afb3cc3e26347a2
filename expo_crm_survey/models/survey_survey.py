# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    expo_audience = fields.Selection(
        [("customer", "Exhibition Customers"), ("staff", "Organizer Staff")],
        string="Exhibition Audience",
        help="Customers answer the surveys sent by exhibition campaigns about their "
        "participation; organizer staff fill the evaluations of upstream partners. "
        "Empty: not an exhibition survey.",
    )
