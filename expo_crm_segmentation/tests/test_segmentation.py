# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo.tests import tagged
from odoo.tools import format_amount

from .common import SegmentationCommon


@tagged("post_install", "-at_install")
class TestSegmentation(SegmentationCommon):
    """A population of four customers of one series, a prospect, a supplier.

    =====  ====================  ========  ===========  =========  ========
    who    editions (invoiced)   recency   frequency    monetary   RFM cell
    =====  ====================  ========  ===========  =========  ========
    Alpha  2023-2025 (1000 each) 0 -> 4    3 -> 5       3000 -> 5  455
    Beta   2024, 2025 (500 each) 0 -> 4    2 -> 4       1000 -> 4  444
    Gamma  2023 (200)            2 -> 1    1 -> 2       200 -> 2   122
    Delta  2025 (100)            0 -> 4    1 -> 2       100 -> 1   421
    =====  ====================  ========  ===========  =========  ========
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_chart()
        cls.edition_next = cls._create_upcoming_edition(cls.series, days=30)
        cls.alpha = cls._customer("Alpha Gallery")
        cls.beta = cls._customer("Beta Gallery")
        cls.gamma = cls._customer("Gamma Gallery")
        cls.delta = cls._customer("Delta Gallery")
        cls.prospect = cls._customer("Prospect Gallery")
        cls.builder = cls._customer("Builder Co")
        for edition in cls.editions:
            cls._take_part(cls.alpha, edition, amount_invoiced=1000, space_sqm=30)
        cls._take_part(cls.beta, cls.edition_2024, amount_invoiced=500, space_sqm=20)
        cls._take_part(
            cls.beta,
            cls.edition_2025,
            amount_invoiced=500,
            space_sqm=10,
            feedback_date="2025-05-20",
            satisfaction_index=50,
            nps_score="6",
            intent_rebook="maybe",
            intent_recommend="no",
        )
        cls._take_part(cls.gamma, cls.edition_2023, amount_invoiced=200)
        cls._take_part(
            cls.delta,
            cls.edition_2025,
            amount_invoiced=100,
            feedback_date="2025-05-20",
            satisfaction_index=75,
        )
        # Alpha's feedback and its booking of the next edition
        cls.alpha.expo_participation_ids.filtered(
            lambda p: p.event_id == cls.edition_2025
        ).write(
            {
                "feedback_date": "2025-05-20",
                "satisfaction_index": 90,
                "nps_score": "10",
                "intent_rebook": "yes",
                "intent_recommend": "yes",
            }
        )
        cls._take_part(cls.alpha, cls.edition_next, state="confirmed")
        # an older, cancelled and an upstream participation change nothing
        cls._take_part(cls.gamma, cls.edition_2025, state="cancelled")
        cls._take_part(cls.builder, cls.edition_2025, role=cls.role_builder)
        cls._invoice(cls.gamma, 300, due_days_ago=60)
        cls._invoice(cls.delta, 300, due_days_ago=5)
        cls._set_summaries(
            {
                cls.alpha: (3000, 5000, "trust"),
                cls.beta: (1000, 0, "weakening"),
                cls.gamma: (200, 100, "disappearance"),
                cls.delta: (100, -50, "confirmation"),
            }
        )
        cls.customers = cls.alpha | cls.beta | cls.gamma | cls.delta
        cls.everyone = cls.customers | cls.prospect | cls.builder
        cls.engine._recompute_partners(cls.company, cls.everyone)

    def test_rfm(self):
        self.assertEqual(
            self.customers.mapped("expo_rfm_cell"), ["455", "444", "122", "421"]
        )
        self.assertEqual(self.gamma.expo_rfm_recency, 2)
        self.assertEqual(self.alpha.expo_rfm_frequency, 3)
        self.assertEqual(self.beta.expo_rfm_monetary, 1000)
        self.assertEqual(self.delta.expo_rfm_recency_score, "4")
        self.assertEqual(self.delta.expo_rfm_monetary_score, "1")

    def test_rfm_window(self):
        self.company.expo_seg_rfm_window = 1
        self._recompute(self.everyone)
        self.assertEqual(self.alpha.expo_rfm_frequency, 1)
        self.assertEqual(self.alpha.expo_rfm_monetary, 1000)
        self.assertEqual(self.gamma.expo_rfm_frequency, 0)
        # Gamma took part in none of the window's editions
        self.assertEqual(self.gamma.expo_rfm_cell, "111")

    def test_pareto_and_tiers(self):
        """4300 of value: Alpha (70 %) and Beta (93 %) make A, Gamma B, Delta C."""
        self.assertEqual(
            self.customers.mapped("expo_pareto_class"), ["a", "a", "b", "c"]
        )
        self.assertEqual(self.alpha.expo_value_tier, "strategic")
        self.assertEqual(self.beta.expo_value_tier, "key")  # A but weakening
        self.assertEqual(self.gamma.expo_value_tier, "transactional")  # gone
        self.assertEqual(self.delta.expo_value_tier, "risk")  # loses money
        self.assertEqual(self.alpha.expo_value_strategy, "Long-term, close alliance")

    def test_loyalty_segments(self):
        self.assertEqual(self.alpha.expo_loyalty_segment, "loyal")
        self.assertEqual(self.beta.expo_loyalty_segment, "spurious")
        self.assertFalse(self.gamma.expo_loyalty_segment)  # no feedback
        self.assertEqual(self.delta.expo_loyalty_segment, "latent")
        self.assertEqual(
            self.customers.mapped("expo_profit_loyalty_segment"),
            ["true_friend", "barnacle", "butterfly", "stranger"],
        )
        self.assertEqual(self.alpha.expo_satisfaction_segment, "secure")
        self.assertEqual(self.beta.expo_satisfaction_segment, "vulnerable")
        self.assertFalse(self.gamma.expo_satisfaction_segment)
        self.assertFalse(self.delta.expo_satisfaction_segment)  # no intents

    def test_churn_risk(self):
        self.assertFalse(self.alpha.expo_churn_risk)
        self.assertFalse(self.alpha.expo_churn_reasons)
        self.assertTrue(self.beta.expo_churn_risk)
        reasons = self.beta.expo_churn_reasons.split("\n")
        self.assertEqual(
            reasons[:3],
            [
                "Relationship is weakening.",
                "Latest feedback is from a detractor.",
                "Space cut by 50 % at Segmentation Art Fair.",
            ],
        )
        self.assertIn("Not rebooked for Segmentation Art Fair Next", reasons[3])
        self.assertEqual(len(reasons), 4)
        # Gamma: its invoice is overdue by more than 30 days
        amount = format_amount(self.env, 300, self.company.currency_id)
        self.assertEqual(self.gamma.expo_churn_reasons, f"Overdue invoices: {amount}.")
        # Delta: not rebooked; its invoice is only 5 days late
        self.assertIn("Not rebooked", self.delta.expo_churn_reasons)
        self.assertNotIn("Overdue", self.delta.expo_churn_reasons)

    def test_churn_reasons_in_the_readers_language(self):
        """Churn reasons are stored as codes: each reader sees the series, dates and
        amounts as its own language writes them."""
        self.env["res.lang"]._activate_lang("fr_FR")
        self.series.with_context(lang="fr_FR").name = "Foire d'art de segmentation"
        reasons = json.loads(self.beta.expo_churn_reason_data)
        self.assertEqual(reasons[2][0], "space_cut")
        french = self.beta.with_context(lang="fr_FR").expo_churn_reasons
        self.assertIn("Foire d'art de segmentation", french)
        self.assertNotIn("Segmentation Art Fair.", french)
        amount = format_amount(
            self.env(context={"lang": "fr_FR"}), 300, self.company.currency_id
        )
        self.assertIn(amount, self.gamma.with_context(lang="fr_FR").expo_churn_reasons)

    def test_churn_thresholds(self):
        self.company.write(
            {
                "expo_seg_churn_drop_pct": 60,
                "expo_seg_churn_rebook_days": 10,
                "expo_seg_churn_overdue_days": 90,
            }
        )
        self._recompute(self.everyone)
        self.assertEqual(
            self.beta.expo_churn_reasons,
            "Relationship is weakening.\nLatest feedback is from a detractor.",
        )
        self.assertFalse(self.gamma.expo_churn_risk)
        self.assertFalse(self.delta.expo_churn_risk)

    def test_unknown_without_data(self):
        """A prospect and an upstream supplier are outside the population."""
        for partner in self.prospect | self.builder:
            self.assertFalse(partner.expo_value_tier)
            self.assertFalse(partner.expo_rfm_cell)
            self.assertFalse(partner.expo_pareto_class)
            self.assertFalse(partner.expo_loyalty_segment)
            self.assertFalse(partner.expo_profit_loyalty_segment)
            self.assertFalse(partner.expo_satisfaction_segment)
            self.assertFalse(partner.expo_churn_risk)
            self.assertFalse(partner.expo_seg_date)

    def test_leaving_the_population_clears_segments(self):
        self.gamma.expo_participation_ids.filtered(
            lambda p: p.state == "attended"
        ).state = "cancelled"
        self._recompute(self.gamma)
        self.assertFalse(self.gamma.expo_value_tier)
        self.assertFalse(self.gamma.expo_rfm_cell)
        self.assertFalse(self.gamma.expo_churn_risk)

    def test_segmented_roles(self):
        """Counting suppliers in brings the builder in."""
        self.company.expo_seg_role_ids = self.role_builder | self.role_exhibitor
        self._recompute(self.builder)
        self.assertEqual(self.builder.expo_rfm_frequency, 1)
        self.assertTrue(self.builder.expo_seg_date)

    def test_series_segments_on_relationships(self):
        """A second series where Delta is the best customer and Alpha the least."""
        fair = self._create_series("Segmentation Design Week", "SDW")
        [week] = self._create_editions(fair, [2025])
        self._take_part(self.delta, week, amount_invoiced=900)
        self._take_part(self.alpha, week, amount_invoiced=100)
        self._recompute(self.everyone)
        relationship = self.env["expo.relationship"].search(
            [("partner_id", "=", self.delta.id), ("series_id", "=", fair.id)]
        )
        other = self.env["expo.relationship"].search(
            [("partner_id", "=", self.alpha.id), ("series_id", "=", fair.id)]
        )
        self.assertEqual(relationship.rfm_monetary, 900)
        # two customers: equal recency and frequency score 3, the larger spend 4
        self.assertEqual(relationship.rfm_cell, "334")
        self.assertEqual(relationship.pareto_class, "a")
        self.assertEqual(other.rfm_cell, "332")
        self.assertEqual(other.pareto_class, "b")
        # in the art fair Delta stays a small customer
        art = self.env["expo.relationship"].search(
            [("partner_id", "=", self.delta.id), ("series_id", "=", self.series.id)]
        )
        self.assertEqual(art.rfm_monetary, 100)

    def test_each_company_segments_its_own_customers(self):
        """In a sister company Delta is the best customer and Alpha the least:
        each company's classes come from its own values only."""
        sister = self.env["res.company"].create({"name": "Sister Fair Company"})
        self.env.user.company_ids |= sister
        fair = self.env["expo.series"].create(
            {"name": "Sister Fair", "code": "SIF", "company_id": sister.id}
        )
        edition = self.env["event.event"].create(
            {
                "name": "Sister Fair 2025",
                "expo_series_id": fair.id,
                "company_id": sister.id,
                "date_begin": "2025-10-01 09:00:00",
                "date_end": "2025-10-03 18:00:00",
            }
        )
        for partner in self.delta | self.alpha:
            self.env["expo.participation"].create(
                {
                    "partner_id": partner.id,
                    "event_id": edition.id,
                    "role_id": self.role_exhibitor.id,
                    "state": "attended",
                }
            )
        values = {self.delta: 9000, self.alpha: 100}
        for partner, value in values.items():
            partner.with_company(sister).write(
                {"expo_economic_value": value, "expo_relationship_profit": value}
            )
        self.engine._recompute_partners(sister, self.delta | self.alpha)
        self.assertEqual(self.delta.with_company(sister).expo_pareto_class, "a")
        self.assertEqual(self.alpha.with_company(sister).expo_pareto_class, "c")
        # this company's classes and tiers stay its own
        self.assertEqual(self.delta.expo_pareto_class, "c")
        self.assertEqual(self.alpha.expo_pareto_class, "a")
        self.assertEqual(self.alpha.expo_value_tier, "strategic")
        self.assertTrue(self.alpha.with_company(sister).expo_seg_date)
        self.assertFalse(self.gamma.with_company(sister).expo_seg_date)
