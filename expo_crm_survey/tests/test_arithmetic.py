# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSurveyArithmetic(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.UserInput = cls.env["survey.user_input"]

    def test_nps_undefined_without_answers(self):
        self.assertIsNone(self.UserInput._expo_net_promoter_score(0, 0, 0))

    def test_nps_all_detractors(self):
        self.assertEqual(self.UserInput._expo_net_promoter_score(0, 0, 7), -100.0)

    def test_nps_all_promoters_and_mix(self):
        self.assertEqual(self.UserInput._expo_net_promoter_score(3, 0, 0), 100.0)
        # 2 promoters, 1 passive, 1 detractor: 50 % - 25 %
        self.assertEqual(self.UserInput._expo_net_promoter_score(2, 1, 1), 25.0)
        # passives only: neither promoters nor detractors
        self.assertEqual(self.UserInput._expo_net_promoter_score(0, 4, 0), 0.0)

    def test_satisfaction_index_from_gaps(self):
        index = self.UserInput._expo_satisfaction_index
        self.assertEqual(index([0.0, 0.0], []), 50.0, "expectation met exactly")
        self.assertEqual(index([-1.0] * 5, []), 0.0, "expected the best, got the worst")
        self.assertEqual(index([1.0] * 5, []), 100.0)
        self.assertEqual(index([-0.5, 0.0, 0.25, 0.25, 0.0], []), 50.0)
        # gaps win over ratings when both exist
        self.assertEqual(index([0.5], [0.0]), 75.0)

    def test_satisfaction_index_without_gaps(self):
        index = self.UserInput._expo_satisfaction_index
        self.assertEqual(index([], [1.0, 0.5]), 75.0)
        self.assertIsNone(index([], []))

    def test_gaps_need_both_sides(self):
        results = {
            "expectation": {"concept": (4, 0.75), "visual": (2, 0.25)},
            "experience": {"concept": (2, 0.25), "service": (5, 1.0)},
        }
        gaps = self.UserInput._expo_gaps(results)
        self.assertEqual(list(gaps), ["concept"])
        self.assertEqual(gaps["concept"], (4, 2, -2, -0.5))

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
