# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ExpoCrmCommon


@tagged("post_install", "-at_install")
class TestOpportunity(ExpoCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env.ref("expo_crm.crm_team_exhibition_sales")
        cls.series.write(
            {
                "fabe_feature": "300 galleries",
                "fabe_benefit": "Meet 60,000 collectors",
            }
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Gallery Lumen 2025",
                "type": "opportunity",
                "team_id": cls.team.id,
                "partner_id": cls.gallery_contact.id,
                "expo_event_id": cls.edition_2025.id,
                "expo_space_requested": 36.0,
            }
        )

    def test_exhibition_fields(self):
        self.assertEqual(self.lead.expo_series_id, self.series)
        self.assertEqual(self.lead.expo_fabe_feature, "300 galleries")
        self.assertEqual(self.lead.expo_fabe_benefit, "Meet 60,000 collectors")
        self.assertEqual(self.lead.expo_man_money, "unknown")

    def test_man_qualification(self):
        self.assertFalse(self.lead.expo_man_qualified)
        self.lead.write({"expo_man_money": "yes", "expo_man_authority": "yes"})
        self.assertFalse(self.lead.expo_man_qualified)
        self.lead.expo_man_need = "yes"
        self.assertTrue(self.lead.expo_man_qualified)
        qualified = self.env["crm.lead"].search(
            [("expo_man_qualified", "=", True), ("id", "=", self.lead.id)]
        )
        self.assertEqual(qualified, self.lead)
        self.lead.expo_man_authority = "no"
        self.assertFalse(self.lead.expo_man_qualified)

    def test_pipeline_stages(self):
        stages = self.env["crm.stage"].search([("team_id", "=", self.team.id)])
        self.assertEqual(len(stages), 5)
        self.assertEqual(
            stages.filtered("is_won"),
            self.env.ref("expo_crm.crm_stage_exhibition_booked"),
        )

    def test_won_creates_participation(self):
        self.lead.action_set_won()
        participation = self.lead.expo_participation_id
        self.assertTrue(participation)
        self.assertEqual(participation.partner_id, self.gallery)
        self.assertEqual(participation.contact_id, self.gallery_contact)
        self.assertEqual(participation.event_id, self.edition_2025)
        self.assertEqual(participation.role_id, self.role_exhibitor)
        self.assertEqual(participation.state, "confirmed")
        self.assertEqual(
            participation.date_signed, fields.Date.context_today(participation)
        )
        self.assertEqual(participation.lead_id, self.lead)
        self.assertEqual(participation.space_sqm, 36.0)

    def test_won_confirms_existing_participation(self):
        planned = self._participate(
            self.gallery, self.edition_2025, self.role_sponsor, space_sqm=9.0
        )
        self.lead.expo_role_id = self.role_sponsor
        self.lead.stage_id = self.env.ref("expo_crm.crm_stage_exhibition_booked")
        self.assertEqual(self.lead.expo_participation_id, planned)
        self.assertEqual(planned.state, "confirmed")
        self.assertEqual(planned.space_sqm, 9.0, "an existing space is kept")
        self.assertEqual(
            self.env["expo.participation"].search_count(
                [
                    ("partner_id", "=", self.gallery.id),
                    ("event_id", "=", self.edition_2025.id),
                ]
            ),
            1,
        )

    def test_won_without_customer_creates_one(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "New gallery",
                "type": "opportunity",
                "partner_name": "Gallery Nova",
                "contact_name": "Chen Yu",
                "expo_event_id": self.edition_2025.id,
            }
        )
        lead.action_set_won()
        self.assertEqual(lead.expo_participation_id.partner_id.name, "Gallery Nova")

    def test_lead_without_edition_books_nothing(self):
        lead = self.env["crm.lead"].create(
            {"name": "Other", "type": "opportunity", "partner_id": self.gallery.id}
        )
        lead.action_set_won()
        self.assertFalse(lead.expo_participation_id)
        self.assertFalse(self.gallery.expo_participation_ids)

    def test_constraints(self):
        previous = self._participate(self.gallery, self.edition_2025)
        with self.assertRaises(ValidationError):
            self.lead.expo_previous_participation_id = previous
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self.lead.expo_space_requested = -1.0
                self.lead.flush_recordset()

    def test_team_opportunities_start_as_prospects(self):
        """New opportunities of the Exhibition Sales team, by hand or rebooked, start
        in its own first stage rather than in Odoo's shared "New" stage."""
        lead = self.env["crm.lead"].create(
            {"name": "New gallery", "type": "opportunity", "team_id": self.team.id}
        )
        self.assertEqual(
            lead.stage_id, self.env.ref("expo_crm.crm_stage_exhibition_prospect")
        )
