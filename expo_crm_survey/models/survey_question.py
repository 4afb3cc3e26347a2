# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules import satisfaction

# the 5S satisfaction dimensions
DIMENSIONS = [
    ("concept", "Concept"),
    ("behaviour", "Behaviour"),
    ("visual", "Visual"),
    ("product", "Product"),
    ("service", "Service"),
]
QUALITY_MEASURES = (
    "quality_trust",
    "quality_satisfaction",
    "quality_friendship",
    "quality_belonging",
)
PARTNER_MEASURES = (
    "partner_quality",
    "partner_punctuality",
    "partner_communication",
    "partner_value",
)
EXPO_MEASURES = [
    ("expectation", "5S Expectation (before the show)"),
    ("experience", "5S Experience (at the show)"),
    ("nps", "Likelihood to Recommend (NPS)"),
    ("intent_rebook", "Intent to Rebook"),
    ("intent_recommend", "Intent to Recommend"),
    ("quality_trust", "Relationship Quality: Trust"),
    ("quality_satisfaction", "Relationship Quality: Satisfaction"),
    ("quality_friendship", "Relationship Quality: Commercial Friendship"),
    ("quality_belonging", "Relationship Quality: Belonging"),
    ("services", "Organizer Services Used and Rated"),
    ("partner_quality", "Partner Evaluation: Quality of Work"),
    ("partner_punctuality", "Partner Evaluation: Punctuality"),
    ("partner_communication", "Partner Evaluation: Communication"),
    ("partner_value", "Partner Evaluation: Value for Money"),
    ("comments", "Comments"),
]
# question types each measure can be asked with
MEASURE_QUESTION_TYPES = {
    "expectation": ("matrix",),
    "experience": ("matrix",),
    "services": ("matrix",),
    "nps": ("scale",),
    "intent_rebook": ("simple_choice",),
    "intent_recommend": ("simple_choice",),
    **dict.fromkeys(QUALITY_MEASURES + PARTNER_MEASURES, ("scale",)),
    "comments": ("text_box", "char_box"),
}


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    expo_measure = fields.Selection(
        EXPO_MEASURES,
        string="Exhibition Measure",
        help="What this question measures for the exhibition results. The results "
        "read this, never the question's text, so texts can be edited and translated "
        "freely.",
    )

    _sql_constraints = [
        (
            "expo_measure_survey_uniq",
            "unique(survey_id, expo_measure)",
            "A survey asks each exhibition measure only once.",
        ),
    ]

    @api.constrains("expo_measure", "question_type", "scale_min", "scale_max")
    def _check_expo_measure_question_type(self):
        measure_labels = dict(
            self._fields["expo_measure"]._description_selection(self.env)
        )
        for question in self.filtered("expo_measure"):
            allowed = MEASURE_QUESTION_TYPES[question.expo_measure]
            if question.question_type not in allowed:
                raise ValidationError(
                    _(
                        "The question %(question)s measures %(measure)s: it must be "
                        "of type %(types)s.",
                        question=question.title,
                        measure=measure_labels[question.expo_measure],
                        types=", ".join(allowed),
                    )
                )
            if question.expo_measure == "nps" and (
                question.scale_min,
                question.scale_max,
            ) != (0, 10):
                raise ValidationError(
                    _(
                        "The NPS question %(question)s must use a scale from 0 to 10.",
                        question=question.title,
                    )
                )

    def _validate_scale(self, answer):
        """A scale answer is a whole number of the question's scale: anything
        else (11 on a 0-10 scale, -1, 7.5, text) sent to ``/survey/submit`` is
        refused with the question's error, as the page refuses it, instead of
        failing when it is saved."""
        errors = super()._validate_scale(answer)
        if errors or answer in (None, False, ""):
            return errors
        text = str(answer).strip()
        if not text.isdigit() or not self.scale_min <= int(text) <= self.scale_max:
            return {
                self.id: _(
                    "Choose a whole number from %(min)s to %(max)s.",
                    min=self.scale_min,
                    max=self.scale_max,
                )
            }
        return {}

    def _expo_normalized(self, value):
        """An answer's value rescaled from this question's range to 0 .. 1.

        Scale questions range from their minimum to their maximum; matrix questions
        over the ratings of their columns, a column rated 0 (not used) aside.
        """
        self.ensure_one()
        if self.question_type == "scale":
            low, high = self.scale_min, self.scale_max
        else:
            ratings = [r for r in self.suggested_answer_ids.mapped("expo_rating") if r]
            low, high = min(ratings, default=0), max(ratings, default=0)
        return satisfaction.normalized(value, low, high)
