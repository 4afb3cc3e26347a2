# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from odoo import Command
from odoo.tests import tagged

from .common import ExpoHttpCase


@tagged("post_install", "-at_install", "expo_browser")
class TestExpoCrmFloorUi(ExpoHttpCase):
    """Selling the floor in the browser: preferences, the space draw, the waiting
    list."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_exhibitor = cls.env.ref("expo_crm.role_exhibitor")
        cls.salesperson = cls._user(
            "Tour Floor Sales", "expo_tour_floor_sales", "expo_crm.group_expo_user"
        )
        cls.manager = cls._user(
            "Tour Floor Manager",
            "expo_tour_floor_manager",
            "expo_crm.group_expo_manager",
        )
        cls.series = cls.env["expo.series"].create(
            {"name": "Tour Draw Fair", "code": "TOURD", "points_per_sqm": 0}
        )
        cls.venue = cls.env["res.partner"].create(
            {"name": "Tour Venue", "is_company": True}
        )
        cls.hall = cls.env["expo.hall"].create(
            {"name": "Tour Hall", "venue_id": cls.venue.id}
        )
        cls.last, cls.next = cls.env["event.event"].create(
            [
                {
                    "name": f"Tour Draw Fair {year}",
                    "expo_series_id": cls.series.id,
                    "address_id": cls.venue.id,
                    "date_begin": datetime(year, 5, 10, 9, 0),
                    "date_end": datetime(year, 5, 12, 18, 0),
                }
                for year in (2025, 2031)
            ]
        )
        category = cls.env["event.booth.category"].create(
            {"name": "Tour Corner", "expo_area_sqm": 18, "expo_price_per_sqm": 300}
        )
        cls.corner = cls.env["event.booth"].create(
            {
                "name": "T5",
                "event_id": cls.next.id,
                "booth_category_id": category.id,
                "expo_hall_id": cls.hall.id,
                "expo_booth_type": "corner",
            }
        )

    @classmethod
    def _user(cls, name, login, group):
        return cls.env["res.users"].create(
            {
                "name": name,
                "login": login,
                "password": login,
                "tour_enabled": False,
                "groups_id": [Command.set([cls.env.ref(group).id])],
            }
        )

    def _lead(self, name, user, **values):
        partner = self.env["res.partner"].create({"name": name, "is_company": True})
        return self.env["crm.lead"].create(
            {
                "name": f"{name} next booth",
                "type": "opportunity",
                "partner_id": partner.id,
                "user_id": user.id,
                "expo_event_id": self.next.id,
                "expo_role_id": self.role_exhibitor.id,
                **values,
            }
        )

    def _contested(self):
        """A loyal gallery (10 points) and a newcomer both want the corner."""
        loyal = self._lead("Draw Loyal Gallery", self.salesperson)
        self.env["expo.participation"].create(
            {
                "partner_id": loyal.partner_id.id,
                "event_id": self.last.id,
                "role_id": self.role_exhibitor.id,
                "state": "attended",
            }
        )
        newcomer = self._lead("Draw Newcomer", self.salesperson)
        self.env["expo.booth.preference"].create(
            [
                {"lead_id": lead.id, "booth_ids": [Command.set(self.corner.ids)]}
                for lead in (loyal, newcomer)
            ]
        )
        return loyal, newcomer

    def test_salesperson_enters_preferences(self):
        lead = self._lead("Tour Gallery", self.salesperson)
        self.start_tour(
            "/odoo/action-expo_crm.expo_crm_lead_action_exhibition",
            "expo_crm_booth_preference_tour",
            login=self.salesperson.login,
        )
        first, second = lead.expo_booth_preference_ids
        self.assertEqual(first.booth_ids, self.corner)
        self.assertEqual((first.rank, second.rank), (1, 2))
        self.assertEqual(second.hall_id, self.hall)
        self.assertEqual(second.min_area_sqm, 18)

    def test_manager_simulates_and_assigns(self):
        loyal, newcomer = self._contested()
        self.start_tour(
            "/odoo/action-expo_crm.expo_edition_action",
            "expo_crm_space_draw_tour",
            login=self.manager.login,
        )
        draw = self.next.expo_space_draw_ids
        self.assertEqual(draw.state, "assigned")
        self.assertEqual(draw.assigned_by_id, self.manager)
        self.assertEqual(self.corner.expo_lead_id, loyal)
        self.assertEqual(self.corner.expo_sale_state, "held")
        line = draw.line_ids.filtered(lambda line: line.lead_id == newcomer)
        self.assertEqual(line.state, "waiting")

    def test_released_booth_reaches_the_waiting_list(self):
        loyal, newcomer = self._contested()
        draw = self.env["expo.space.draw"].create({"event_id": self.next.id})
        draw.action_assign()
        self.start_tour(
            "/odoo/action-expo_crm.expo_space_draw_line_action_waiting",
            "expo_crm_waiting_list_tour",
            login=self.manager.login,
        )
        self.assertEqual(self.corner.expo_lead_id, newcomer)
        lines = draw.line_ids.sorted("sequence")
        self.assertEqual(lines.mapped("state"), ["released", "offered"])
        self.assertEqual(newcomer.activity_ids.user_id, self.salesperson)
        self.assertFalse(loyal.expo_booth_ids)
