# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import new_test_user, tagged

from odoo.addons.expo_crm.tests.common import ExpoHttpCase

from .common import ExpoSurveyCommon


@tagged("post_install", "-at_install", "expo_browser")
class TestSurveyUi(ExpoHttpCase, ExpoSurveyCommon):
    """In the browser, a marketing manager sends the exhibitors' survey of an
    edition, an exhibitor answers it through its personal link, and the manager
    reads the NPS and the follow-up the answer scheduled."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="tour_survey_manager",
            groups="expo_crm.group_expo_manager,event.group_event_user,"
            "survey.group_survey_user",
        )
        cls.participation = cls._participate(
            cls.gallery,
            cls.edition_2025,
            state="attended",
            contact_id=cls.gallery_contact.id,
        )
        # neither a visitor nor a cancelled exhibitor is asked
        cls._participate(
            cls.collector, cls.edition_2025, cls.role_visitor, state="attended"
        )
        cls._participate(cls.studio, cls.edition_2025, state="cancelled")

    def _campaign(self):
        return self.env["expo.survey.campaign"].search(
            [("event_id", "=", self.edition_2025.id)]
        )

    def test_send_answer_and_read_nps(self):
        # the manager sends the exhibitors' campaign from the edition
        self.start_tour(
            f"/odoo/action-event.action_event_view/{self.edition_2025.id}",
            "expo_crm_survey_campaign_send_tour",
            login="tour_survey_manager",
        )
        campaign = self._campaign()
        self.assertEqual(len(campaign), 1)
        self.assertEqual(campaign.state, "running")
        self.assertEqual(campaign.survey_id, self.survey)
        self.assertEqual(campaign.role_ids, self.role_exhibitor)
        answer = campaign.user_input_ids
        self.assertEqual(answer.expo_participation_id, self.participation)
        self.assertEqual(answer.partner_id, self.gallery_contact)
        self.assertEqual(answer.state, "new")
        self.assertTrue(answer.expo_invitation_date, "the invitation was mailed")

        # the exhibitor answers through its personal link, without logging in
        self.start_tour(answer.get_start_url(), "expo_crm_survey_answer_tour")
        self.assertEqual(answer.state, "done")
        self.assertEqual(answer.expo_nps_category, "detractor")
        participation = self.participation
        self.assertEqual(participation.nps_score, "3")
        self.assertEqual(participation.nps_category, "detractor")
        self.assertEqual(participation.intent_rebook, "no")
        self.assertEqual(participation.intent_recommend, "maybe")
        # expected 4, experienced 2 on every 5S dimension: far below expectations
        self.assertEqual(participation.expo_gap_visual, -2.0)
        self.assertEqual(participation.satisfaction_index, 25.0)
        self.assertEqual(participation.expo_quality_trust, "3")
        self.assertEqual(participation.expo_quality_belonging, "2")
        self.assertEqual(
            participation.satisfaction_notes, "Aisles too narrow, no signage to hall B."
        )
        self.assertEqual(campaign.nps, -100.0)
        activity = self.env["mail.activity"].search(
            [
                ("res_model", "=", "expo.participation"),
                ("res_id", "=", participation.id),
            ]
        )
        self.assertEqual(activity.user_id, self.salesperson)
        self.assertEqual(
            activity.summary, "Unhappy after Test Art Fair 2025: call back"
        )
        self.assertFalse(self.gallery.expo_referral_candidate)

        # back as the manager: the campaign's NPS, the report, the customer
        self.start_tour(
            f"/odoo/action-expo_crm_survey.expo_survey_campaign_action/{campaign.id}",
            "expo_crm_survey_results_tour",
            login="tour_survey_manager",
        )
        self.start_tour(
            f"/odoo/action-base.action_partner_form/{self.gallery.id}",
            "expo_crm_survey_partner_tour",
            login="tour_survey_manager",
        )

    def test_copy_personal_link(self):
        """An Exhibitions user (marketing) copies an invitee's personal link from
        its invitation, and the same link from its participation."""
        new_test_user(
            self.env, login="tour_survey_marketing", groups="expo_crm.group_expo_user"
        )
        campaign = self.env["expo.survey.campaign"].create(
            {
                "name": "Exhibitors after Test Art Fair 2025",
                "event_id": self.edition_2025.id,
                "survey_id": self.survey.id,
                "role_ids": [(6, 0, self.role_exhibitor.ids)],
            }
        )
        campaign.action_send()
        self.start_tour(
            f"/odoo/action-expo_crm_survey.expo_survey_campaign_action/{campaign.id}",
            "expo_crm_survey_copy_link_tour",
            login="tour_survey_marketing",
        )
