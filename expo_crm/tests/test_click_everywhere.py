# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import ExpoHttpCase


@tagged("post_install", "-at_install", "expo_browser")
class TestClickEverywhere(ExpoHttpCase):
    """Odoo's click bot opens every menu of the CRM app (ours under Exhibitions, and
    Reporting and Configuration), switches every view and applies every filter: no
    view of ours may break the web client."""

    allow_end_on_form = True

    def test_crm_app_menus(self):
        self.env.ref("base.user_admin").tour_enabled = False
        self.browser_js(
            "/odoo",
            "odoo.loader.modules.get('@web/webclient/clickbot/clickbot_loader')"
            ".startClickEverywhere('crm.crm_menu_root');",
            "odoo.isReady === true",
            login="admin",
            timeout=900,
            success_signal="clickbot test succeeded",
        )

    def test_crm_app_menus_as_exhibition_user(self):
        """A salesperson with the Exhibitions: User group (not manager) meets no access
        error anywhere in the menus they see."""
        self.env["res.users"].create(
            {
                "name": "Exhibition Salesperson",
                "login": "expo_sales",
                "password": "expo_sales",
                "tour_enabled": False,
                "groups_id": [(6, 0, [self.env.ref("expo_crm.group_expo_user").id])],
            }
        )
        self.browser_js(
            "/odoo",
            "odoo.loader.modules.get('@web/webclient/clickbot/clickbot_loader')"
            ".startClickEverywhere('crm.crm_menu_root');",
            "odoo.isReady === true",
            login="expo_sales",
            timeout=900,
            success_signal="clickbot test succeeded",
        )
