# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from odoo.tests import tagged

from .common import ExpoHttpCase


@tagged("post_install", "-at_install", "expo_browser")
class TestExpoCrmUi(ExpoHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.series = cls.env["expo.series"].create(
            {"name": "Tour Fair", "code": "TOUR"}
        )
        cls.edition = cls.env["event.event"].create(
            {
                "name": "Tour Fair 2031",
                "expo_series_id": cls.series.id,
                "date_begin": datetime(2031, 5, 10, 9, 0),
                "date_end": datetime(2031, 5, 12, 18, 0),
            }
        )

    def test_record_supplier_participation(self):
        """In the browser, a manager records a booth builder's participation in an
        edition by hand and confirms it."""
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
        self.assertEqual(participation.event_id, self.edition)
        self.assertEqual(
            participation.role_id, self.env.ref("expo_crm.role_booth_builder")
        )
        self.assertEqual(participation.state, "confirmed")
        self.assertEqual(participation.side, "upstream")

    def test_pipeline_cards(self):
        """The opportunity cards of the exhibition pipeline (and of Odoo's own pipeline)
        render the exhibition details."""
        gallery = self.env["res.partner"].create(
            {"name": "Tour Gallery", "is_company": True}
        )
        self.env["crm.lead"].create(
            {
                "name": "Rebook Tour Gallery",
                "type": "opportunity",
                "partner_id": gallery.id,
                "user_id": self.env.ref("base.user_admin").id,
                "team_id": self.env.ref("expo_crm.crm_team_exhibition_sales").id,
                "expo_event_id": self.edition.id,
                "expo_space_requested": 24,
                "expo_is_rebooking": True,
                "expo_man_money": "yes",
                "expo_man_authority": "yes",
                "expo_man_need": "yes",
            }
        )
        self.start_tour(
            "/odoo/action-expo_crm.expo_crm_lead_action_exhibition",
            "expo_crm_pipeline_tour",
            login="admin",
        )
