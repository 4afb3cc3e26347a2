# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .common import ExpoSurveyCommon


@tagged("expo_browser", "post_install", "-at_install")
class TestSurveyTokenAccess(HttpCase, ExpoSurveyCommon):
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
