# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest import SkipTest

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoSegments(TransactionCase):
    """The demo customers come segmented, with a snapshot to compare against, so the
    dashboards show something on a new demo database."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.snapshot = cls.env.ref(
            "expo_crm_segmentation.expo_demo_snapshot_hzaf_4", raise_if_not_found=False
        )
        if not cls.snapshot:
            raise SkipTest(
                "The expo_crm_segmentation demo data is not loaded in this database."
            )
        cls.customers = (
            cls.env["res.partner"]
            .with_company(cls.snapshot.company_id)
            .search([("expo_seg_date", "!=", False)])
        )

    def test_demo_customers_are_segmented(self):
        tiers = set(self.customers.mapped("expo_value_tier"))
        # the demo's spend is spread enough to fill more than one tier
        self.assertGreater(len(tiers - {False}), 1, tiers)
        self.assertEqual(
            set(self.customers.mapped("expo_pareto_class")) - {False}, {"a", "b", "c"}
        )
        loyal = self.env.ref("expo_crm.expo_demo_partner_lumen_gallery")
        self.assertIn(loyal, self.customers)

    def test_snapshot_holds_every_segmented_customer(self):
        self.assertEqual(self.snapshot.line_count, len(self.customers))
        self.assertEqual(
            self.snapshot.line_ids.partner_id, self.customers, "one line per customer"
        )
