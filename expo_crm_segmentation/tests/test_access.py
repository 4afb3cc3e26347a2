# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import SegmentationCommon


@tagged("post_install", "-at_install")
class TestAccess(SegmentationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls._customer("Access Gallery")
        cls._take_part(cls.customer, cls.edition_2025, amount_invoiced=100)
        cls.customer.expo_economic_value = 100
        cls.engine._recompute_partners(cls.company, cls.customer)
        cls.snapshot = cls.env["expo.segment.snapshot"].create({"name": "Access"})
        cls.user = new_test_user(
            cls.env,
            "expo_seg_user",
            groups="expo_crm.group_expo_user",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.manager = new_test_user(
            cls.env,
            "expo_seg_manager",
            groups="expo_crm.group_expo_manager",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        other_company = cls.env.ref("base.main_company")
        cls.stranger = new_test_user(
            cls.env,
            "expo_seg_other_company",
            groups="expo_crm.group_expo_manager",
            company_id=other_company.id,
            company_ids=[other_company.id],
        )

    def test_user_reads_and_recomputes(self):
        env = self.env(user=self.user)
        self.assertEqual(env["expo.segment.snapshot"].search([]), self.snapshot)
        self.assertTrue(env["expo.retention.report"].search_count([]))
        self.assertEqual(self.snapshot.with_user(self.user).line_count, 1)
        self.customer.with_user(self.user).action_expo_recompute_segments()
        self.assertEqual(self.customer.expo_rfm_cell, "333")

    def test_users_take_snapshots_managers_delete_them(self):
        """Marketing (Exhibitions: User) takes and names snapshots; only a manager
        deletes one, and nobody edits what a snapshot captured."""
        snapshot = self.env(user=self.user)["expo.segment.snapshot"].create(
            {"name": "After the fair"}
        )
        self.assertEqual(snapshot.line_count, 1)
        snapshot.note = "Before the 2026 campaign"
        with self.assertRaises(AccessError):
            snapshot.line_ids.write({"value_tier": "strategic"})
        with self.assertRaises(AccessError):
            snapshot.unlink()
        snapshot.with_user(self.manager).unlink()
        self.assertFalse(snapshot.exists())

    def test_other_company_sees_nothing(self):
        env = self.env(user=self.stranger, context={})
        self.assertNotIn(self.snapshot, env["expo.segment.snapshot"].search([]))
        self.assertFalse(
            env["expo.segment.snapshot.line"].search(
                [("snapshot_id", "=", self.snapshot.id)]
            )
        )
        self.assertFalse(
            env["expo.retention.report"].search([("partner_id", "=", self.customer.id)])
        )

    def test_recompute_needs_the_exhibitions_app(self):
        internal = new_test_user(
            self.env,
            "expo_seg_no_app",
            groups="base.group_user",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        portal = new_test_user(
            self.env,
            "expo_seg_portal",
            groups="base.group_portal",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        for user in internal | portal:
            with self.assertRaises(AccessError):
                self.customer.with_user(user).action_expo_recompute_segments()

    def test_portal_users_read_no_segments(self):
        portal = new_test_user(
            self.env,
            "expo_seg_portal_reader",
            groups="base.group_portal",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        customer = self.customer.with_user(portal)
        for fname in (
            "expo_value_tier",
            "expo_pareto_class",
            "expo_rfm_cell",
            "expo_churn_risk",
            "expo_churn_reasons",
            "expo_loyalty_segment",
        ):
            with self.assertRaises(AccessError):
                customer.read([fname])

    def test_segments_are_not_typed(self):
        customer = self.customer.with_user(self.manager)
        for values in ({"expo_value_tier": "strategic"}, {"expo_churn_risk": True}):
            with self.assertRaises(UserError):
                customer.write(values)
        self.assertNotEqual(self.customer.expo_value_tier, "strategic")
