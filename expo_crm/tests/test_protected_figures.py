# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import ExpoRelationshipCommon


class TestProtectedFigures(ExpoRelationshipCommon):
    """Amounts come from invoices and summaries from the refresh: nobody types,
    imports or writes them over RPC, and portal users read none of them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesperson = new_test_user(
            cls.env, login="expo_figures_user", groups="expo_crm.group_expo_user"
        )
        cls.manager = new_test_user(
            cls.env, login="expo_figures_manager", groups="expo_crm.group_expo_manager"
        )
        cls.portal = new_test_user(
            cls.env, login="expo_figures_portal", groups="base.group_portal"
        )
        cls.participation = cls._take_part(
            cls.gallery, cls.edition_2025, amount_invoiced=1000
        )

    def test_amounts_refused_over_rpc(self):
        participation = self.participation.with_user(self.salesperson)
        with self.assertRaisesRegex(UserError, "Invoiced"):
            participation.write({"amount_invoiced": 5_000_000})
        with self.assertRaises(UserError):
            participation.create(
                {
                    "partner_id": self.collector.id,
                    "event_id": self.edition_2025.id,
                    "role_id": self.role_exhibitor.id,
                    "amount_sponsorship": 10,
                }
            )
        self.assertEqual(self.participation.amount_invoiced, 1000)
        self.assertEqual(self._relationship().economic_value, 1000)

    def test_amounts_refused_by_import(self):
        result = (
            self.env["expo.participation"]
            .with_user(self.salesperson)
            .load(
                ["partner_id/.id", "event_id/.id", "role_id/.id", "amount_invoiced"],
                [
                    [
                        str(self.collector.id),
                        str(self.edition_2025.id),
                        str(self.role_exhibitor.id),
                        "5000000",
                    ]
                ],
            )
        )
        self.assertFalse(result["ids"])
        self.assertIn("Invoiced", result["messages"][0]["message"])

    def test_partner_summary_refused(self):
        gallery = self.gallery.with_user(self.manager)
        for values in (
            {"expo_economic_value": 1e6},
            {"expo_lifecycle_stage": "trust"},
            {"expo_relationship_profit": 1},
        ):
            with self.assertRaises(UserError):
                gallery.write(values)
        # what people rate is theirs to type
        gallery.write({"expo_demonstration_value": "4"})
        self.assertEqual(self.gallery.expo_relationship_profit, 1000 + 4 * 1000)

    def test_relationship_figures_refused(self):
        relationship = self._relationship().with_user(self.manager)
        for values in (
            {"lifecycle_stage": "trust"},
            {"priority_points": 999},
            {"economic_value": 1e6},
        ):
            with self.assertRaises(UserError):
                relationship.write(values)
        relationship.write({"maintenance_cost": 100})
        self.assertEqual(relationship.relationship_profit, 900)

    def test_portal_users_read_no_figures(self):
        gallery = self.gallery.with_user(self.portal)
        for fname in (
            "expo_lifecycle_stage",
            "expo_economic_value",
            "expo_relationship_profit",
        ):
            with self.assertRaises(AccessError):
                gallery.read([fname])

    def test_merging_partners_recomputes_their_figures(self):
        duplicate = self._new_customer("Gallery Lumen (copy)")
        self._take_part(duplicate, self.edition_2024, amount_invoiced=500)
        wizard = self.env["base.partner.merge.automatic.wizard"].with_user(
            self.env.ref("base.user_admin")
        )
        wizard._merge((self.gallery | duplicate).ids, self.gallery)
        self.assertFalse(duplicate.exists())
        self.assertEqual(self._relationship().editions_attended, 2)
        self.assertEqual(self.gallery.expo_economic_value, 1500)
