# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest import SkipTest

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoSurveys(TransactionCase):
    """The demo survey campaigns show response, NPS and 5S figures, and their
    answers went through the real completion logic."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.env.ref(
            "expo_crm_survey.expo_demo_campaign_hzaf_4_exhibitor",
            raise_if_not_found=False,
        )
        if not cls.campaign:
            raise SkipTest(
                "The expo_crm_survey demo data is not loaded in this database."
            )
        cls.campaigns = (
            cls.campaign
            | cls.env.ref("expo_crm_survey.expo_demo_campaign_hzaf_3_exhibitor")
            | cls.env.ref("expo_crm_survey.expo_demo_campaign_hzaf_4_sponsor")
        )

    def test_response_rate_and_nps(self):
        for campaign in self.campaigns:
            self.assertTrue(campaign.invitation_count, campaign.name)
            self.assertTrue(campaign.nps_answer_count, campaign.name)
            self.assertGreater(campaign.answered_count, 0, campaign.name)
            self.assertLess(campaign.answered_count, campaign.invitation_count)
            self.assertEqual(
                campaign.response_rate,
                round(100.0 * campaign.answered_count / campaign.invitation_count, 1),
            )
        # 3 promoters, 1 passive and 1 detractor among 7 exhibitors invited
        self.assertEqual(self.campaign.invitation_count, 7)
        self.assertEqual(self.campaign.answered_count, 5)
        self.assertEqual(self.campaign.nps, 40.0)
        [(nps, response_rate)] = self.env["expo.survey.report"]._read_group(
            [("campaign_id", "=", self.campaign.id)],
            [],
            ["nps:avg", "response_rate:avg"],
        )
        self.assertAlmostEqual(nps, 40.0)
        self.assertAlmostEqual(response_rate, 100.0 * 5 / 7)

    def test_5s_gaps(self):
        rows = self.env["expo.survey.dimension.report"].search(
            [("event_id", "=", self.campaign.event_id.id)]
        )
        self.assertTrue(rows)
        self.assertTrue(any(gap < 0 for gap in rows.mapped("gap")))
        self.assertTrue(any(gap > 0 for gap in rows.mapped("gap")))

    def test_detractor_followed_up(self):
        detractors = self.campaigns.user_input_ids.filtered(
            lambda answer: answer.state == "done"
            and answer.expo_nps_category == "detractor"
        )
        self.assertTrue(detractors)
        for answer in detractors:
            participation = answer.expo_participation_id
            self.assertEqual(participation.nps_category, "detractor")
            self.assertTrue(participation.feedback_date)
            activities = participation.activity_ids.filtered(
                lambda activity, edition=participation.event_id: edition.name
                in activity.summary
            )
            self.assertTrue(activities, participation.partner_id.name)
            self.assertEqual(
                activities.user_id, participation.partner_id.user_id, "salesperson"
            )

    def test_promoters_are_referral_candidates(self):
        promoters = self.campaigns.user_input_ids.filtered(
            lambda answer: answer.expo_nps_category == "promoter"
        )
        self.assertTrue(promoters)
        self.assertTrue(
            all(
                promoters.expo_participation_id.partner_id.mapped(
                    "expo_referral_candidate"
                )
            )
        )
