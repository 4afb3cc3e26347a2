# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "expo_browser")
class TestExpoCrmUi(HttpCase):
    def test_record_supplier_participation(self):
        """In the browser, a manager records a booth builder's participation in an
        edition by hand and confirms it."""
        series = self.env["expo.series"].create({"name": "Tour Fair", "code": "TOUR"})
        edition = self.env["event.event"].create(
            {
                "name": "Tour Fair 2031",
                "expo_series_id": series.id,
                "date_begin": datetime(2031, 5, 10, 9, 0),
                "date_end": datetime(2031, 5, 12, 18, 0),
            }
        )
        builder = self.env["res.partner"].create(
            {"name": "Tour Builders Ltd", "is_company": True}
        )
        self.start_tour(
            "/odoo/action-expo_crm.expo_participation_action",
            "expo_crm_participation_tour",
            login="admin",
        )
        participation = self.env["expo.participation"].search(
            [("partner_id", "=", builder.id)]
        )
        self.assertEqual(participation.event_id, edition)
        self.assertEqual(
            participation.role_id, self.env.ref("expo_crm.role_booth_builder")
        )
        self.assertEqual(participation.state, "confirmed")
        self.assertEqual(participation.side, "upstream")
