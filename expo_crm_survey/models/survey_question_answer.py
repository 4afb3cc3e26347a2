# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from odoo.addons.expo_crm.models.expo_feedback_mixin import INTENT_SELECTION

from .survey_question import DIMENSIONS


class SurveyQuestionAnswer(models.Model):
    _inherit = "survey.question.answer"

    expo_dimension = fields.Selection(
        DIMENSIONS,
        string="5S Dimension",
        help="The satisfaction dimension this row of a 5S expectation or experience "
        "matrix asks about.",
    )
    expo_rating = fields.Integer(
        "Exhibition Rating",
        help="Value of this matrix column: a level from 1 (lowest) up for 5S "
        "expectation and experience, or the rating of an organizer service, 0 "
        "meaning the service was not used.",
    )
    expo_intent = fields.Selection(
        INTENT_SELECTION,
        string="Exhibition Intent",
        help="The intent this choice records on the participation (rebook or "
        "recommend questions).",
    )
