# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_dependency_graph(self):
        """The survey addon builds on expo_crm, Odoo's survey app and report_xlsx."""
        module = self.env["ir.module.module"].search([("name", "=", "expo_crm_survey")])
        self.assertEqual(module.state, "installed")
        self.assertEqual(
            set(module.dependencies_id.mapped("name")),
            {"expo_crm", "survey", "report_xlsx"},
        )
        self.assertEqual(
            module.dependencies_id.depend_id.mapped("state"), ["installed"] * 3
        )
