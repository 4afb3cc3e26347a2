# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    DEPENDENCIES = ("crm", "sale_crm", "event_booth_sale", "phone_validation")

    def test_dependencies_installed(self):
        """expo_crm pulls in the CRM, booth sales and phone validation it builds on."""
        modules = self.env["ir.module.module"].search(
            [
                (
                    "name",
                    "in",
                    ["crm", "sale_crm", "event_booth_sale", "phone_validation"],
                )
            ]
        )
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        self.assertEqual(len(modules), 4)
        expo = self.env["ir.module.module"].search([("name", "=", "expo_crm")])
        self.assertEqual(
            set(expo.dependencies_id.mapped("name")),
            set(self.DEPENDENCIES),
        )

    def test_eight_roles_on_both_sides(self):
        """The roles of the domain exist under their contract XML ids."""
        upstream = ["venue", "booth_builder", "logistics", "travel", "media"]
        downstream = ["exhibitor", "sponsor", "visitor"]
        for code in upstream + downstream:
            role = self.env.ref(f"expo_crm.role_{code}")
            self.assertEqual(role.code, code)
            self.assertEqual(
                role.side, "upstream" if code in upstream else "downstream"
            )

    def test_contract_fields_exist(self):
        partner_fields = self.env["res.partner"]._fields
        for name in (
            "expo_role_ids",
            "expo_lifecycle_stage",
            "expo_economic_value",
            "expo_demonstration_value",
            "expo_recommendation_value",
            "expo_capability_value",
            "expo_relationship_profit",
        ):
            self.assertIn(name, partner_fields)
        self.assertEqual(
            [
                value
                for value, _label in partner_fields["expo_lifecycle_stage"].selection
            ],
            ["cultivation", "confirmation", "trust", "weakening", "disappearance"],
        )
        self.assertIn("expo_series_id", self.env["event.event"]._fields)
