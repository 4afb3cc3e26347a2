# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools

from ..models.survey_question import DIMENSIONS

SIDES = [("expectation", "Expectation"), ("experience", "Experience")]


class ExpoSurveyDimensionReport(models.Model):
    """5S expectation versus experience: for each completed answer and dimension,
    one row per side of the triangle law rated, with its rating, so that a graph
    sets the expectation beside the experience of each dimension. Averaged, the
    expectation and experience columns (each filled on its side's rows only) and
    the gap (experience - expectation, on the experience rows) give each group's
    figures."""

    _name = "expo.survey.dimension.report"
    _inherit = ["expo.selection.order.mixin"]
    _description = "Exhibition 5S Satisfaction Analysis"
    _auto = False
    _order = "event_id desc, dimension"
    _depends = {
        "survey.user_input": [
            "survey_id",
            "expo_participation_id",
            "state",
            "test_entry",
        ],
        "survey.user_input.line": [
            "user_input_id",
            "question_id",
            "matrix_row_id",
            "suggested_answer_id",
            "skipped",
        ],
        "survey.question": ["expo_measure"],
        "survey.question.answer": ["expo_dimension", "expo_rating"],
        "expo.participation": [
            "partner_id",
            "event_id",
            "series_id",
            "role_id",
            "company_id",
        ],
    }

    user_input_id = fields.Many2one("survey.user_input", "Survey Answer", readonly=True)
    survey_id = fields.Many2one("survey.survey", readonly=True)
    participation_id = fields.Many2one("expo.participation", readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    event_id = fields.Many2one("event.event", "Edition", readonly=True)
    series_id = fields.Many2one("expo.series", "Series", readonly=True)
    role_id = fields.Many2one("expo.role", "Role", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    dimension = fields.Selection(DIMENSIONS, "5S Dimension", readonly=True)
    side = fields.Selection(
        SIDES,
        "Measured",
        readonly=True,
        help="What the rating measures: what the customer expected, or what it "
        "experienced.",
    )
    rating = fields.Float(digits=(3, 1), aggregator="avg", readonly=True)
    expectation = fields.Float(digits=(3, 1), aggregator="avg", readonly=True)
    experience = fields.Float(digits=(3, 1), aggregator="avg", readonly=True)
    gap = fields.Float(
        digits=(3, 1),
        aggregator="avg",
        readonly=True,
        help="Experience minus expectation: below zero the show fell short.",
    )

    @api.model
    def _expo_ordered_selections(self):
        return super()._expo_ordered_selections() | {"dimension", "side"}

    def _with(self):
        """The answered 5S ratings, averaged per answer and dimension."""
        return """
            WITH ratings AS (
                SELECT line.user_input_id,
                       question.expo_measure AS measure,
                       answer_row.expo_dimension AS dimension,
                       answer_column.expo_rating AS rating
                  FROM survey_user_input_line line
                  JOIN survey_question question ON question.id = line.question_id
                  JOIN survey_question_answer answer_row
                       ON answer_row.id = line.matrix_row_id
                  JOIN survey_question_answer answer_column
                       ON answer_column.id = line.suggested_answer_id
                 WHERE question.expo_measure IN ('expectation', 'experience')
                   AND line.skipped IS NOT TRUE
                   AND answer_row.expo_dimension IS NOT NULL
                   AND answer_column.expo_rating > 0
            ), pairs AS (
                SELECT user_input_id,
                       dimension,
                       AVG(rating) FILTER (WHERE measure = 'expectation')
                           AS expectation,
                       AVG(rating) FILTER (WHERE measure = 'experience')
                           AS experience
                  FROM ratings
                 GROUP BY user_input_id, dimension
            )
        """

    def _select(self):
        """The view's columns: one row per answer, dimension and side."""
        dimensions = ", ".join(f"'{code}'" for code, _label in DIMENSIONS)
        return f"""
            SELECT (pairs.user_input_id * 10
                    + array_position(ARRAY[{dimensions}]::varchar[], pairs.dimension))
                       * 2 + CASE side.side WHEN 'experience' THEN 1 ELSE 0 END
                       AS id,
                   pairs.user_input_id,
                   ui.survey_id,
                   p.id AS participation_id,
                   p.partner_id,
                   p.event_id,
                   p.series_id,
                   p.role_id,
                   p.company_id,
                   pairs.dimension,
                   side.side,
                   CASE side.side WHEN 'expectation' THEN pairs.expectation
                                  ELSE pairs.experience END AS rating,
                   CASE side.side WHEN 'expectation' THEN pairs.expectation END
                       AS expectation,
                   CASE side.side WHEN 'experience' THEN pairs.experience END
                       AS experience,
                   CASE side.side WHEN 'experience'
                        THEN pairs.experience - pairs.expectation END AS gap
        """

    def _from(self):
        return """
              FROM pairs
             CROSS JOIN (VALUES ('expectation'), ('experience')) AS side (side)
              JOIN survey_user_input ui ON ui.id = pairs.user_input_id
              JOIN expo_participation p ON p.id = ui.expo_participation_id
        """

    def _where(self):
        """Completed answers of customers, each side that was rated."""
        return """
             WHERE ui.state = 'done'
               AND ui.test_entry IS NOT TRUE
               AND CASE side.side WHEN 'expectation' THEN pairs.expectation
                                  ELSE pairs.experience END IS NOT NULL
        """

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"CREATE OR REPLACE VIEW {self._table} AS "
            f"({self._with()} {self._select()} {self._from()} {self._where()})"
        )
