# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ExpoSurveyCommon


@tagged("post_install", "-at_install")
class TestSurveyResults(ExpoSurveyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.participation = cls._participate(
            cls.gallery,
            cls.edition_2025,
            state="attended",
            contact_id=cls.gallery_contact.id,
        )

    def _activities(self, participation=None):
        """Follow-ups are scheduled on the participation: their detail is for
        its company's users only."""
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "expo.participation"),
                ("res_id", "=", (participation or self.participation).id),
            ]
        )

    def test_completion_updates_participation(self):
        answer = self._answer(
            self.participation,
            expectation={**self._all(4), "service": 5},
            experience={**self._all(4), "service": 2, "visual": 5},
            nps=8,
            rebook="yes",
            recommend="maybe",
            quality={"quality_trust": 5, "quality_belonging": 2},
            services={"Hotels": 4, "Catering": 1},
            comment="The shuttle buses were late.",
        )
        participation = self.participation
        self.assertEqual(participation.expo_gap_service, -3.0)
        self.assertEqual(participation.expo_gap_visual, 1.0)
        self.assertEqual(participation.expo_gap_concept, 0.0)
        # normalized gaps (5 levels: 1 point = 0.25): -0.75 + 0.25 -> mean -0.1
        self.assertEqual(participation.satisfaction_index, 45.0)
        self.assertEqual(participation.feedback_date, fields.Date.context_today(answer))
        self.assertEqual(participation.nps_score, "8")
        self.assertEqual(participation.nps_category, "passive")
        self.assertEqual(participation.intent_rebook, "yes")
        self.assertEqual(participation.intent_recommend, "maybe")
        self.assertEqual(participation.expo_quality_trust, "5")
        self.assertEqual(participation.expo_quality_belonging, "2")
        self.assertFalse(participation.expo_quality_satisfaction, "not asked")
        self.assertEqual(
            participation.satisfaction_notes, "The shuttle buses were late."
        )
        self.assertEqual(answer.expo_nps_category, "passive")
        self.assertTrue(answer.expo_has_satisfaction_index)
        # summarized on the customer, with a note in its chatter
        self.assertEqual(self.gallery.expo_avg_satisfaction, 45.0)
        self.assertEqual(self.gallery.expo_last_nps_score, "8")
        self.assertEqual(self.gallery.expo_feedback_count, 1)
        # the detail in the participation's chatter, its company's users only
        note = self.participation.message_ids[:1]
        self.assertIn("Satisfaction index: 45.0", note.body)
        self.assertIn("Hotels (Excellent)", note.body)
        self.assertIn("The shuttle buses were late.", note.body)
        # one line on the customer, read by every internal user of every company
        line = self.gallery.message_ids[:1]
        self.assertIn("answered the survey", line.body)
        self.assertNotIn("shuttle", line.body)
        self.assertNotIn("NPS", line.body)
        self.assertNotIn("Satisfaction", line.body)

    def test_unfinished_answer_changes_nothing(self):
        self._answer(self.participation, nps=2, done=False)
        self.assertFalse(self.participation.nps_score)
        self.assertFalse(self.participation.feedback_date)
        self.assertFalse(self._activities())

    def test_detractor_follow_up_activity(self):
        self._answer(
            self.participation,
            expectation=self._all(3),
            experience=self._all(3),
            nps=4,
            comment="Too few collectors came.",
        )
        activity = self._activities()
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.salesperson)
        self.assertIn("NPS: 4 (Detractor)", activity.note)
        self.assertIn("Too few collectors came.", activity.note)
        self.assertEqual(
            activity.date_deadline,
            fields.Date.add(fields.Date.context_today(activity), days=3),
        )
        self.assertFalse(self.gallery.expo_referral_candidate)

    def test_negative_gap_follow_up_activity(self):
        self.env.company.expo_survey_gap_threshold = -2.0
        self._answer(
            self.participation,
            expectation=self._all(4),
            experience={**self._all(4), "behaviour": 2, "product": 3},
            nps=8,
        )
        activity = self._activities()
        self.assertEqual(len(activity), 1)
        self.assertIn("Behaviour: expected 4, experienced 2 (gap -2)", activity.note)
        self.assertNotIn("Product", activity.note, "a gap of -1 explains nothing")

    def test_happy_customer_needs_no_follow_up(self):
        self._answer(
            self.participation,
            expectation=self._all(4),
            experience={**self._all(4), "behaviour": 3},
            nps=7,
        )
        self.assertFalse(self._activities())

    def test_promoter_referral_candidate(self):
        self.gallery.expo_recommendation_value = "3"
        self._answer(
            self.participation,
            expectation=self._all(3),
            experience=self._all(5),
            nps=10,
        )
        self.assertTrue(self.gallery.expo_referral_candidate)
        self.assertEqual(self.gallery.expo_recommendation_value, "4")
        # completing the same answer again counts once
        self.participation.expo_survey_input_ids._mark_done()
        self.assertEqual(self.gallery.expo_recommendation_value, "4")
        self.assertEqual(self.participation.satisfaction_index, 75.0)
        self.assertFalse(self._activities())
        # the rating never goes past its top
        self.gallery.expo_recommendation_value = "5"
        self._answer(self._participate(self.gallery, self.edition_2024), nps=9)
        self.assertEqual(self.gallery.expo_recommendation_value, "5")

    def test_detractor_moves_trusted_customer_to_weakening(self):
        self._participate(self.gallery, self.edition_2023, state="attended")
        self._participate(self.gallery, self.edition_2024, state="attended")
        self.assertEqual(self.gallery.expo_lifecycle_stage, "trust")
        self._answer(self.participation, nps=3)
        self.assertEqual(self.gallery.expo_lifecycle_stage, "weakening")

    def test_reports(self):
        other = self._participate(self.studio, self.edition_2025, state="attended")
        visitor = self._participate(
            self.collector, self.edition_2025, self.role_visitor, state="attended"
        )
        self._answer(
            self.participation,
            expectation=self._all(4),
            experience=self._all(2),
            nps=10,
        )
        self._answer(other, expectation=self._all(2), experience=self._all(3), nps=3)
        self._answer(
            other,
            nps=2,
            done=False,
            survey=self.env.ref("expo_crm_survey.survey_sponsor"),
        )
        self._invite(visitor)
        Report = self.env["expo.survey.report"]
        by_role = dict(
            (role, (nps, rate))
            for role, nps, rate in Report._read_group(
                [("event_id", "=", self.edition_2025.id)],
                ["role_id"],
                ["nps:avg", "response_rate:avg"],
            )
        )
        # exhibitors: one promoter, one detractor, one invitation pending
        nps, rate = by_role[self.role_exhibitor]
        self.assertEqual(nps, 0.0)
        self.assertAlmostEqual(rate, 200 / 3)
        # visitors: invited, no answer: NPS undefined, not 0
        nps, rate = by_role[self.role_visitor]
        self.assertIs(nps, False, "empty, not 0")
        self.assertEqual(rate, 0.0)
        dimensions = dict(
            (dimension, (expectation, experience, gap))
            for dimension, expectation, experience, gap in self.env[
                "expo.survey.dimension.report"
            ]._read_group(
                [("event_id", "=", self.edition_2025.id)],
                ["dimension"],
                ["expectation:avg", "experience:avg", "gap:avg"],
            )
        )
        self.assertEqual(len(dimensions), 5)
        self.assertEqual(dimensions["visual"], (3.0, 2.5, -0.5))
        # the 5S graph: each dimension's expectation beside its experience, in the
        # order of the 5S (concept, behaviour, visual, product, service)
        sides = self.env["expo.survey.dimension.report"]._read_group(
            [("event_id", "=", self.edition_2025.id)],
            ["dimension", "side"],
            ["rating:avg"],
        )
        self.assertEqual(
            [(dimension, side) for dimension, side, _rating in sides[:4]],
            [
                ("concept", "expectation"),
                ("concept", "experience"),
                ("behaviour", "expectation"),
                ("behaviour", "experience"),
            ],
        )
        ratings = {(dimension, side): rating for dimension, side, rating in sides}
        self.assertEqual(ratings["visual", "expectation"], 3.0)
        self.assertEqual(ratings["visual", "experience"], 2.5)

    def test_service_partner_evaluation_by_staff(self):
        builder = self.env["res.partner"].create(
            {"name": "Solid Stands Ltd", "is_company": True}
        )
        p_builder = self._participate(
            builder, self.edition_2025, self.role_builder, state="attended"
        )
        action = p_builder.action_expo_evaluate_partner()
        answer = p_builder.expo_survey_input_ids
        self.assertEqual(
            answer.survey_id, self.env.company.expo_survey_evaluation_survey_id
        )
        self.assertEqual(answer.partner_id, self.env.user.partner_id, "staff answer")
        self.assertIn(answer.access_token, action["url"])
        survey = answer.survey_id
        for measure, value in (
            ("partner_quality", 5),
            ("partner_punctuality", 3),
            ("partner_communication", 4),
            ("partner_value", 4),
        ):
            answer._save_lines(self._question(measure, survey), str(value))
        self._fill_choice(answer, "intent_rebook", "yes")
        answer._mark_done()
        # ratings 1-5 rescaled: (1 + 0.5 + 0.75 + 0.75) / 4
        self.assertEqual(p_builder.satisfaction_index, 75.0)
        self.assertEqual(p_builder.intent_rebook, "yes")
        with self.assertRaises(UserError):
            self.participation.action_expo_evaluate_partner()
