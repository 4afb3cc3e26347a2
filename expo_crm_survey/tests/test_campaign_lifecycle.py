# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.expo_crm.tests.common import ExpoHttpCase

from .common import ExpoSurveyCommon


class SurveyLifecycleCommon(ExpoSurveyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.participation = cls._participate(
            cls.gallery, cls.edition_2025, state="attended"
        )
        cls.p_studio = cls._participate(cls.studio, cls.edition_2025, state="attended")
        cls.campaign = cls.env["expo.survey.campaign"].create(
            {
                "name": "Exhibitors 2025",
                "event_id": cls.edition_2025.id,
                "survey_id": cls.survey.id,
            }
        )


@tagged("post_install", "-at_install")
class TestCampaignLifecycle(SurveyLifecycleCommon):
    def test_closing_closes_the_invitations(self):
        self.campaign.action_send()
        invitations = self.campaign.user_input_ids
        self.assertEqual(len(invitations), 2)
        self.campaign.action_close()
        self.assertTrue(all(invitations.mapped("deadline")))
        # reopened, they follow the campaign's deadline again (none)
        self.campaign.action_reset_draft()
        self.assertFalse(any(invitations.mapped("deadline")))

    def test_answer_completed_after_closing_applies_nothing(self):
        self.campaign.action_send()
        answer = self.campaign.user_input_ids.filtered(
            lambda answer: answer.expo_participation_id == self.participation
        )
        self.campaign.action_close()
        self._answer(self.participation, nps=1, answer=answer)
        self.assertFalse(self.participation.nps_score)
        self.assertEqual(self.campaign.nps_answer_count, 0)

    def test_campaign_surveys_allow_one_attempt(self):
        self.assertTrue(self.survey.is_attempts_limited)
        self.assertEqual(self.survey.attempts_limit, 1)
        loose = self.env["survey.survey"].create(
            {"title": "Open survey", "expo_audience": "customer"}
        )
        self.assertEqual((loose.is_attempts_limited, loose.attempts_limit), (True, 1))
        loose.is_attempts_limited = False
        with self.assertRaisesRegex(ValidationError, "several times"):
            self.campaign.survey_id = loose

    def test_a_completed_invitation_cannot_be_taken_again(self):
        self.campaign.action_send()
        answer = self.campaign.user_input_ids[:1]
        self._answer(answer.expo_participation_id, nps=9, answer=answer)
        self.assertFalse(
            self.survey._has_attempts_left(
                answer.partner_id, answer.email, answer.invite_token
            )
        )

    def test_scale_answers_are_whole_numbers_of_the_scale(self):
        nps = self._question("nps")
        for value in ("11", "-1", "7.5", "great", 11, -1):
            with self.subTest(value):
                self.assertIn(nps.id, nps.validate_question(value))
        for value in ("0", "10", 7):
            self.assertFalse(nps.validate_question(value))

    def test_answers_readable_by_their_company_only(self):
        answer = self._answer(self.participation, nps=3, comment="Private complaint")
        other_company = self.env["res.company"].create({"name": "Other Organizer"})
        survey_manager = new_test_user(
            self.env,
            login="other_survey_manager",
            groups="survey.group_survey_manager,expo_crm.group_expo_manager",
            company_id=other_company.id,
            company_ids=[other_company.id],
        )
        UserInput = self.env["survey.user_input"].with_user(survey_manager)
        self.assertFalse(UserInput.search([("id", "=", answer.id)]))
        with self.assertRaises(AccessError):
            UserInput.browse(answer.id).read(["expo_nps_score"])
        lines = self.env["survey.user_input.line"].with_user(survey_manager)
        self.assertFalse(lines.search([("user_input_id", "=", answer.id)]))


@tagged("expo_browser", "post_install", "-at_install")
class TestCampaignLinks(ExpoHttpCase, SurveyLifecycleCommon):
    """Through the website: a closed campaign's links answer nothing, a completed
    invitation is not taken again, and out-of-scale NPS values are refused."""

    def _submit(self, answer, nps):
        base = f"{self.survey.get_base_url()}/survey"
        tokens = f"{self.survey.access_token}/{answer.access_token}"
        self.opener.post(url=f"{base}/begin/{tokens}", json={})
        question = self._question("nps")
        response = self.opener.post(
            url=f"{base}/submit/{tokens}",
            json={
                "params": {
                    str(question.id): nps,
                    "page_id": question.page_id.id,
                    "token": answer.access_token,
                }
            },
        )
        return response.json().get("result", [{}, {}])[1]

    def test_closed_campaign_link(self):
        self.campaign.action_send()
        answer = self.campaign.user_input_ids[:1]
        self.campaign.action_close()
        page = self.url_open(answer.get_start_url())
        self.assertNotIn(self._question("nps").title, page.text)
        self.assertEqual(self._submit(answer, "2").get("error"), "answer_deadline")
        self.assertEqual(answer.state, "new")
        self.assertEqual(self.campaign.nps_answer_count, 0)

    def test_retry_of_a_completed_invitation(self):
        self.campaign.action_send()
        answer = self.campaign.user_input_ids[:1]
        self._answer(answer.expo_participation_id, nps=9, answer=answer)
        answers = self.env["survey.user_input"].search_count([])
        self.url_open(f"/survey/retry/{self.survey.access_token}/{answer.access_token}")
        self.assertEqual(self.env["survey.user_input"].search_count([]), answers)

    def test_out_of_scale_nps(self):
        self.campaign.action_send()
        answer = self.campaign.user_input_ids[:1]
        for value in ("11", "-1", "7.5", "great"):
            result = self._submit(answer, value)
            self.assertEqual(result.get("error"), "validation", value)
        self.assertNotEqual(answer.state, "done")
        self.assertFalse(answer.expo_participation_id.nps_score)
