# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.expo_crm.tests.common import ExpoHttpCase

from .common import ExpoSurveyCommon


@tagged("expo_browser", "post_install", "-at_install")
class TestSurveyTokenAccess(ExpoHttpCase, ExpoSurveyCommon):
    """Through the website, respondent A's personal link shows A's invitation and
    never B's answers."""

    def test_token_isolation(self):
        p_gallery = self._participate(self.gallery, self.edition_2025, state="attended")
        p_studio = self._participate(self.studio, self.edition_2025, state="attended")
        answer_a = self._invite(p_gallery)
        answer_b = self._answer(
            p_studio,
            expectation=self._all(3),
            experience=self._all(3),
            nps=2,
            comment="B-secret-complaint",
        )
        # A opens its personal link
        response = self.url_open(answer_a.get_start_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.survey.title, response.text)
        # A's token on the print page shows no answer of B
        print_a = self.url_open(
            f"/survey/print/{self.survey.access_token}?answer_token={answer_a.access_token}"
        )
        self.assertNotIn("B-secret-complaint", print_a.text)
        # guessing another token reaches nothing
        guessed = self.url_open(
            f"/survey/print/{self.survey.access_token}?answer_token=not-{answer_b.access_token}"
        )
        self.assertNotIn("B-secret-complaint", guessed.text)
        # B's own token does show B's answers (the page works)
        print_b = self.url_open(
            f"/survey/print/{self.survey.access_token}?answer_token={answer_b.access_token}"
        )
        self.assertIn("B-secret-complaint", print_b.text)

    def test_respondent_answers_through_the_website(self):
        """A visitor answers through its link; its participation gets the results
        and another respondent's invitation stays untouched."""
        survey = self.env.ref("expo_crm_survey.survey_visitor")
        p_visitor = self._participate(
            self.collector, self.edition_2025, self.role_visitor, state="attended"
        )
        p_other = self._participate(
            self.studio, self.edition_2025, self.role_visitor, state="attended"
        )
        answer = self._invite(p_visitor, survey=survey)
        other = self._invite(p_other, survey=survey)
        self.assertEqual(self.url_open(answer.get_start_url()).status_code, 200)
        base = f"{survey.get_base_url()}/survey"
        tokens = f"{survey.access_token}/{answer.access_token}"
        self.opener.post(url=f"{base}/begin/{tokens}", json={})

        def matrix(measure, rating):
            question = self._question(measure, survey)
            column = question.suggested_answer_ids.filtered(
                lambda column: column.expo_rating == rating
            )
            return {str(row.id): [str(column.id)] for row in question.matrix_row_ids}

        rebook = self._question("intent_rebook", survey)
        post_data = {
            str(self._question("expectation", survey).id): matrix("expectation", 4),
            str(self._question("experience", survey).id): matrix("experience", 2),
            str(self._question("nps", survey).id): "5",
            str(rebook.id): str(
                rebook.suggested_answer_ids.filtered(
                    lambda choice: choice.expo_intent == "no"
                ).id
            ),
            str(self._question("comments", survey).id): "Queues everywhere.",
            "token": answer.access_token,
        }
        response = self.opener.post(
            url=f"{base}/submit/{tokens}", json={"params": post_data}
        )
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("error", response.json().get("result", [{}, {}])[1])
        self.assertEqual(answer.state, "done")
        self.assertEqual(p_visitor.nps_score, "5")
        self.assertEqual(p_visitor.intent_rebook, "no")
        self.assertEqual(p_visitor.satisfaction_index, 25.0)
        self.assertEqual(p_visitor.expo_gap_visual, -2.0)
        self.assertEqual(p_visitor.satisfaction_notes, "Queues everywhere.")
        self.assertEqual(other.state, "new")
        self.assertFalse(p_other.nps_score)
