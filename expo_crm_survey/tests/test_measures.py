# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSurveyMeasures(TransactionCase):
    def test_question_measure_type(self):
        survey = self.env["survey.survey"].create({"title": "Checks"})
        with self.assertRaises(ValidationError):
            self.env["survey.question"].create(
                {
                    "survey_id": survey.id,
                    "title": "How likely?",
                    "question_type": "scale",
                    "scale_min": 1,
                    "scale_max": 5,
                    "expo_measure": "nps",
                }
            )
        with self.assertRaises(ValidationError):
            self.env["survey.question"].create(
                {
                    "survey_id": survey.id,
                    "title": "Expectation",
                    "question_type": "scale",
                    "expo_measure": "expectation",
                }
            )

    def test_shipped_surveys_map_every_measure(self):
        """Editing texts never breaks results: the measures sit on the questions."""
        exhibitor = self.env.ref("expo_crm_survey.survey_exhibitor")
        self.assertEqual(
            set(exhibitor.question_ids.mapped("expo_measure")),
            {
                "expectation",
                "experience",
                "nps",
                "intent_rebook",
                "intent_recommend",
                "quality_trust",
                "quality_satisfaction",
                "quality_friendship",
                "quality_belonging",
                "services",
                "comments",
            },
        )
        services = exhibitor.question_ids.filtered(
            lambda question: question.expo_measure == "services"
        )
        self.assertEqual(len(services.matrix_row_ids), 21)
        expectation = exhibitor.question_ids.filtered(
            lambda question: question.expo_measure == "expectation"
        )
        self.assertEqual(
            set(expectation.matrix_row_ids.mapped("expo_dimension")),
            {"concept", "behaviour", "visual", "product", "service"},
        )

    def test_copied_survey_keeps_its_measures(self):
        exhibitor = self.env.ref("expo_crm_survey.survey_exhibitor")
        variant = exhibitor.copy()
        self.assertEqual(
            sorted(variant.question_ids.mapped("expo_measure")),
            sorted(exhibitor.question_ids.mapped("expo_measure")),
        )

    def test_settings_reject_a_gap_threshold_that_is_not_negative(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.expo_survey_gap_threshold, -2.0)
        with self.assertRaises(ValidationError):
            self.env.company.expo_survey_gap_threshold = 1.0
        with self.assertRaises(ValidationError):
            self.env.company.expo_survey_activity_days = -1
