# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.addons.expo_crm.tests.common import ExpoCrmCommon


class ExpoSurveyCommon(ExpoCrmCommon):
    """The shipped exhibitor survey, customers with email and helpers to answer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env.ref("expo_crm_survey.survey_exhibitor")
        cls.salesperson = cls.env["res.users"].create(
            {
                "name": "Chen Sales",
                "login": "chen.sales@example.com",
                "email": "chen.sales@example.com",
                "groups_id": [(6, 0, [cls.env.ref("expo_crm.group_expo_user").id])],
            }
        )
        cls.gallery.write(
            {"email": "info@lumen.example.com", "user_id": cls.salesperson.id}
        )
        cls.gallery_contact.email = "li.na@lumen.example.com"
        cls.studio = cls.env["res.partner"].create(
            {
                "name": "Studio Borealis",
                "is_company": True,
                "email": "hello@borealis.example.com",
                "user_id": cls.salesperson.id,
            }
        )

    def _question(self, measure, survey=None):
        return (survey or self.survey).question_ids.filtered(
            lambda question: question.expo_measure == measure
        )

    def _invite(self, participation, survey=None):
        return (
            (survey or self.survey)
            .sudo()
            ._create_answer(
                partner=participation.contact_id or participation.partner_id,
                check_attempts=False,
                expo_participation_id=participation.id,
            )
        )

    def _fill_matrix(self, answer, measure, ratings):
        """ratings: {dimension or row value: column rating}"""
        question = self._question(measure, answer.survey_id)
        columns = {
            column.expo_rating: column for column in question.suggested_answer_ids
        }
        rows = {row.expo_dimension or row.value: row for row in question.matrix_row_ids}
        answer._save_lines(
            question,
            {rows[key].id: [columns[rating].id] for key, rating in ratings.items()},
        )

    def _fill_choice(self, answer, measure, intent):
        question = self._question(measure, answer.survey_id)
        choice = question.suggested_answer_ids.filtered(
            lambda choice: choice.expo_intent == intent
        )
        answer._save_lines(question, choice.id)

    def _answer(
        self,
        participation,
        expectation=None,
        experience=None,
        nps=None,
        rebook=None,
        recommend=None,
        quality=None,
        services=None,
        comment=None,
        survey=None,
        answer=None,
        done=True,
    ):
        """Answer the survey about a participation (as the token controller does,
        in sudo), then complete it."""
        answer = (answer or self._invite(participation, survey)).sudo()
        if expectation:
            self._fill_matrix(answer, "expectation", expectation)
        if experience:
            self._fill_matrix(answer, "experience", experience)
        if nps is not None:
            answer._save_lines(self._question("nps", answer.survey_id), str(nps))
        if rebook:
            self._fill_choice(answer, "intent_rebook", rebook)
        if recommend:
            self._fill_choice(answer, "intent_recommend", recommend)
        for measure, value in (quality or {}).items():
            answer._save_lines(self._question(measure, answer.survey_id), str(value))
        if services:
            self._fill_matrix(answer, "services", services)
        if comment:
            answer._save_lines(self._question("comments", answer.survey_id), comment)
        if done:
            answer._mark_done()
        return answer

    @classmethod
    def _all(cls, rating):
        return dict.fromkeys(
            ("concept", "behaviour", "visual", "product", "service"), rating
        )
