# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest import SkipTest

from odoo import fields
from odoo.tests import TransactionCase, tagged

from ..models.res_partner import LIFECYCLE_STAGES


@tagged("post_install", "-at_install")
class TestDemoStory(TransactionCase):
    """The Hangzhou Art Fair demo data tells the story it is meant to tell."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.series = cls.env.ref(
            "expo_crm.expo_demo_series_hzaf", raise_if_not_found=False
        )
        if not cls.series:
            raise SkipTest("The expo_crm demo data is not loaded in this database.")
        cls.editions = cls.series._get_editions()
        cls.latest = cls.env.ref("expo_crm.expo_demo_event_hzaf_4")
        cls.upcoming = cls.env.ref("expo_crm.expo_demo_event_hzaf_5")
        cls.participations = cls.env["expo.participation"].search(
            [("series_id", "=", cls.series.id)]
        )

    def _partner(self, key):
        return self.env.ref(f"expo_crm.expo_demo_partner_{key}")

    def _relationship(self, key):
        return self.env["expo.relationship"].search(
            [
                ("partner_id", "=", self._partner(key).id),
                ("series_id", "=", self.series.id),
            ]
        )

    def test_editions_around_today(self):
        now = fields.Datetime.now()
        self.assertEqual(len(self.editions), 6)
        self.assertEqual(self.editions[-1], self.upcoming)
        self.assertGreater(self.upcoming.date_begin, now)
        self.assertLess(self.latest.date_begin, now)
        for edition in self.editions:
            self.assertEqual(
                edition.name, f"Hangzhou Art Fair {edition.date_begin.year}"
            )
        self.assertEqual(
            self.editions.address_id,
            self._partner("venue_peace")
            | self._partner("venue_wtc")
            | self._partner("venue_baimahu"),
        )

    def test_every_lifecycle_stage(self):
        demo_partners = self.env["res.partner"].browse(
            self.env["ir.model.data"]
            .search(
                [
                    ("module", "=", "expo_crm"),
                    ("model", "=", "res.partner"),
                    ("name", "=like", "expo_demo_partner_%"),
                ]
            )
            .mapped("res_id")
        )
        self.assertEqual(
            set(demo_partners.mapped("expo_lifecycle_stage")) - {False},
            {stage for stage, _label in LIFECYCLE_STAGES},
        )
        expected = {
            "mingyuan_art_space": "cultivation",
            "chen_jing": "confirmation",
            "mountain_cloud_art": "confirmation",
            "lumen_gallery": "trust",
            "china_academy_of_art": "trust",
            "jade_hall_gallery": "weakening",
            "west_lake_art_institute": "weakening",
            "qiantang_art_company": "weakening",
            "silk_road_gallery": "disappearance",
        }
        self.assertEqual(
            {key: self._partner(key).expo_lifecycle_stage for key in expected},
            expected,
        )

    def test_won_back(self):
        relationship = self._relationship("longjing_gallery")
        self.assertTrue(relationship.won_back)
        self.assertEqual(relationship.lifecycle_stage, "trust")
        self.assertFalse(self._relationship("lumen_gallery").won_back)

    def test_invoiced_amounts_are_the_posted_invoices(self):
        sale_lines = self.participations.sale_line_ids
        self.assertTrue(sale_lines)
        invoices = sale_lines.invoice_lines.move_id.filtered(
            lambda move: move.state == "posted"
        )
        self.assertIn("out_refund", invoices.mapped("move_type"))
        self.assertAlmostEqual(
            sum(self.participations.mapped("amount_invoiced")),
            sum(invoices.mapped("amount_untaxed_signed")),
            places=2,
        )
        # the credit note took the furniture package off the detractor's bill
        qiantang = self.participations.filtered(
            lambda p: p.partner_id == self._partner("qiantang_art_company")
            and p.event_id == self.latest
        )
        self.assertEqual(qiantang.amount_service, 0.0)
        self.assertEqual(qiantang.amount_invoiced, qiantang.amount_booth)
        self.assertEqual(qiantang.nps_category, "detractor")
        # paid up to the latest edition, the upcoming one not yet
        lumen = self.participations.filtered(
            lambda p: p.partner_id == self._partner("lumen_gallery")
        )
        past = lumen.filtered(lambda p: p.event_id != self.upcoming)
        self.assertEqual(len(past), 5)
        self.assertEqual(past.mapped("amount_paid"), past.mapped("amount_invoiced"))
        upcoming = lumen - past
        self.assertTrue(upcoming.amount_invoiced)
        self.assertFalse(upcoming.amount_paid)

    def test_rebooking_leads_for_the_upcoming_edition(self):
        leads = (
            self.env["crm.lead"]
            .with_context(active_test=False)
            .search(
                [
                    ("expo_event_id", "=", self.upcoming.id),
                    ("expo_is_rebooking", "=", True),
                ]
            )
        )
        open_partners = leads.filtered("active").partner_id.commercial_partner_id
        self.assertIn(self._partner("china_academy_of_art"), open_partners)
        self.assertIn(self._partner("culture_bureau"), open_partners)
        # booked already, and lost on purpose: not rebooked
        self.assertNotIn(self._partner("lumen_gallery"), open_partners)
        self.assertNotIn(self._partner("qiantang_art_company"), open_partners)
        rebooked = leads.filtered(
            lambda lead: lead.partner_id == self._partner("china_academy_of_art")
        )
        self.assertEqual(rebooked.expo_previous_participation_id.event_id, self.latest)
        self.assertEqual(
            rebooked.expected_revenue,
            rebooked.expo_previous_participation_id.amount_invoiced,
        )
        # a won rebooking confirmed the sponsor for the upcoming edition
        xihu = self.participations.filtered(
            lambda p: p.partner_id == self._partner("xihu_tea_group")
            and p.event_id == self.upcoming
        )
        self.assertEqual(xihu.state, "confirmed")

    def test_value_ratings(self):
        self.assertEqual(self._partner("lumen_gallery").expo_demonstration_value, "5")
        self.assertEqual(self._partner("media_magazine").expo_recommendation_value, "5")


@tagged("post_install", "-at_install")
class TestDemoContracts(TransactionCase):
    """The demo contracts: a deposit paid, a balance overdue, a cancellation with
    its penalty."""

    def _contract(self, key):
        order = self.env.ref(f"expo_crm.expo_demo_contract_{key}", False)
        if not order:
            raise SkipTest("The expo_crm demo data is not loaded in this database.")
        return order

    def test_deposit_paid(self):
        order = self._contract("china_academy_of_art")
        self.assertEqual(order.expo_contract_state, "confirmed")
        self.assertEqual(
            set(order.order_line.event_booth_ids.mapped("expo_sale_state")), {"sold"}
        )

    def test_balance_overdue(self):
        order = self._contract("longjing_gallery")
        self.assertEqual(order.expo_contract_state, "balance_invoiced")
        report = self.env["expo.contract.report"].search([("order_id", "=", order.id)])
        self.assertGreater(report.amount_overdue, 0)
        self.assertTrue(order.expo_balance_invoice_id.activity_ids)

    def test_cancelled_with_penalty(self):
        order = self._contract("west_lake_art_institute")
        change = self.env["expo.contract.change"].search([("order_id", "=", order.id)])
        self.assertEqual(order.expo_contract_state, "cancelled")
        self.assertEqual(change.kind, "cancel")
        self.assertGreater(change.penalty_amount, 0)
        self.assertTrue(change.move_id)
        self.assertEqual(change.participation_id.state, "cancelled")
