# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ExpoSurveyCommon


@tagged("post_install", "-at_install")
class TestSurveySecurity(ExpoSurveyCommon):
    """Respondents reach their answers only through their token; salespeople
    read the results without survey rights."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.p_gallery = cls._participate(
            cls.gallery, cls.edition_2025, state="attended"
        )
        cls.p_studio = cls._participate(cls.studio, cls.edition_2025, state="attended")
        cls.portal_a = cls.env["res.users"].create(
            {
                "name": "Gallery Portal",
                "login": "portal.lumen@example.com",
                "partner_id": cls.gallery.id,
                "groups_id": [(6, 0, [cls.env.ref("base.group_portal").id])],
            }
        )
        cls.public = cls.env.ref("base.public_user")

    def setUp(self):
        super().setUp()
        self.answer_a = self._answer(
            self.p_gallery,
            expectation=self._all(4),
            experience=self._all(4),
            nps=9,
            comment="A's answer",
        )
        self.answer_b = self._answer(
            self.p_studio,
            expectation=self._all(4),
            experience=self._all(1),
            nps=1,
            comment="B's secret complaint",
        )

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_portal_and_public_read_no_participation_or_answers(self):
        for user in (self.portal_a, self.public):
            env = self.env(user=user)
            with self.assertRaises(AccessError):
                env["expo.participation"].search([])
            with self.assertRaises(AccessError):
                self.p_gallery.with_env(env).read(["satisfaction_index"])
            with self.assertRaises(AccessError):
                self.answer_b.with_env(env).read(["expo_nps_score"])
            with self.assertRaises(AccessError):
                self.answer_b.user_input_line_ids.with_env(env).read(["value_text_box"])
            with self.assertRaises(AccessError):
                env["expo.survey.report"].search([])

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_respondent_token_reaches_only_its_own_answer(self):
        """Answers are reached by token only, the way the survey controller
        fetches them: A's token finds A's answer, never B's."""
        UserInput = self.env["survey.user_input"].with_user(self.portal_a).sudo()
        found = UserInput.search(
            [
                ("survey_id", "=", self.survey.id),
                ("access_token", "=", self.answer_a.access_token),
            ]
        )
        self.assertEqual(found, self.answer_a)
        self.assertNotEqual(self.answer_a.access_token, self.answer_b.access_token)
        # without sudo (no token), the portal user of A cannot even read A's answer
        with self.assertRaises(AccessError):
            self.answer_a.with_user(self.portal_a).read(["state"])

    def test_salesperson_reads_results_without_survey_rights(self):
        self.assertFalse(self.salesperson.has_group("survey.group_survey_user"))
        env = self.env(user=self.salesperson)
        participation = self.p_studio.with_env(env)
        self.assertEqual(participation.nps_score, "1")
        self.assertEqual(participation.expo_gap_service, -3.0)
        self.assertEqual(participation.expo_survey_input_count, 1)
        self.assertEqual(
            participation.expo_survey_input_ids.expo_nps_category, "detractor"
        )
        self.assertEqual(self.studio.with_env(env).expo_last_nps_score, "1")
        self.assertTrue(env["expo.survey.report"].search([]))
        # answers unrelated to exhibitions stay out of reach
        other_survey = self.env["survey.survey"].create({"title": "HR pulse"})
        other = other_survey._create_answer(partner=self.studio)
        self.assertFalse(
            env["survey.user_input"].search([("id", "=", other.id)]),
            "salespeople see only answers about participations",
        )
        with self.assertRaises(AccessError):
            other_survey.with_env(env).read(["title"])
        with self.assertRaises(AccessError):
            env["survey.user_input"].browse(self.answer_b.id).write({"state": "new"})

    def test_salesperson_sees_answers_of_its_companies_only(self):
        other_company = self.env["res.company"].create({"name": "Other Fairs Ltd"})
        edition = self.env["event.event"].create(
            {
                "name": "Other Fair 2025",
                "expo_series_id": self.env["expo.series"]
                .create(
                    {"name": "Other Fair", "code": "OF", "company_id": other_company.id}
                )
                .id,
                "company_id": other_company.id,
                "date_begin": "2025-03-01 09:00:00",
                "date_end": "2025-03-03 18:00:00",
            }
        )
        foreign = self._participate(
            self.studio, edition, state="attended", company_id=other_company.id
        )
        foreign_answer = self._answer(foreign, nps=10)
        env = self.env(user=self.salesperson)
        visible = env["survey.user_input"].search([])
        self.assertIn(self.answer_b, visible)
        self.assertNotIn(foreign_answer, visible)
        self.assertNotIn(
            foreign_answer.id, env["expo.survey.report"].search([]).user_input_id.ids
        )
