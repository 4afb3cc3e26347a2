# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ExpoFloorCommon


@tagged("post_install", "-at_install")
class TestBoothPreference(ExpoFloorCommon):
    def setUp(self):
        super().setUp()
        self.lead = self._applicant(self.gallery)
        self.Preference = self.env["expo.booth.preference"]

    def _prefer(self, **values):
        return self.Preference.create({"lead_id": self.lead.id, **values})

    def test_ranked_choices(self):
        second = self._prefer(
            booth_ids=[Command.set((self.a1 | self.a2).ids)], sequence=20
        )
        first = self._prefer(
            hall_id=self.hall_1.id, booth_type="corner", min_area_sqm=18, sequence=10
        )
        self.assertEqual(self.lead.expo_booth_preference_ids, first | second)
        self.assertEqual((first.rank, second.rank), (1, 2))
        self.assertEqual(second.description, "A1 + A2")
        self.assertEqual(first.description, "Hall 1, Corner, from 18 m²")
        wish = self._prefer(min_area_sqm=13.5, sequence=30)
        self.assertEqual(wish.description, "any hall, any type, from 13.50 m²")

    def test_bad_choices(self):
        with self.assertRaisesRegex(ValidationError, "not both"):
            self._prefer(booth_ids=[Command.set(self.a1.ids)], hall_id=self.hall_1.id)
        with self.assertRaisesRegex(ValidationError, "names booths, or a hall"):
            self._prefer()
        with self.assertRaisesRegex(ValidationError, "must be booths of"):
            self._prefer(booth_ids=[Command.set(self.booth_a.ids)])
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self._prefer(min_area_sqm=-1)
        lead = self.env["crm.lead"].create(
            {"name": "No edition", "type": "opportunity"}
        )
        with self.assertRaisesRegex(ValidationError, "Choose the edition"):
            self.Preference.create({"lead_id": lead.id, "min_area_sqm": 9})

    def test_at_most_the_configured_number(self):
        self.env.company.expo_max_booth_preferences = 2
        self._prefer(booth_ids=[Command.set(self.a1.ids)])
        self._prefer(booth_ids=[Command.set(self.a2.ids)])
        with self.assertRaisesRegex(ValidationError, "2 booth preferences at most"):
            self._prefer(booth_ids=[Command.set(self.a3.ids)])
        with self.assertRaisesRegex(ValidationError, "from 1 to 10"):
            self.env.company.expo_max_booth_preferences = 0

    def test_edition_change_with_named_booths(self):
        self._prefer(booth_ids=[Command.set(self.a1.ids)])
        with self.assertRaisesRegex(ValidationError, "booths of another edition"):
            self.lead.expo_event_id = self.edition_2025

    def test_salesperson_enters_own_preferences_only(self):
        own = self.lead.with_user(self.salesperson)
        own.expo_booth_preference_ids = [
            Command.create({"booth_ids": [Command.set(self.a1.ids)]})
        ]
        self.assertEqual(len(self.lead.expo_booth_preference_ids), 1)
        other = self.env["crm.lead"].create(
            {
                "name": "Someone else's",
                "type": "opportunity",
                "user_id": self.env.user.id,
                "expo_event_id": self.edition_next.id,
            }
        )
        with self.assertRaises(AccessError):
            self.Preference.with_user(self.salesperson).create(
                {"lead_id": other.id, "booth_ids": [Command.set(self.a2.ids)]}
            )

    def test_same_booth_as_last_edition(self):
        last = self.env["event.booth"].create(
            [
                {
                    "name": name,
                    "event_id": self.edition_2025.id,
                    "booth_category_id": self.booth_category.id,
                    "expo_booth_type": booth_type,
                    "state": "unavailable",
                    "partner_id": self.studio.id,
                }
                for name, booth_type in (("A1", "inline"), ("Z9", "corner"))
            ]
        )
        participation = last.expo_participation_ids
        self.assertEqual(participation.space_sqm, 18.0)
        # rebooking: the same booths when the next edition has them all
        wizard = self.env["expo.rebooking.wizard"].create(
            {"event_id": self.edition_2025.id}
        )
        self.assertEqual(wizard.next_event_id, self.edition_next)
        wizard.action_create_opportunities()
        lead = self.env["crm.lead"].search(
            [("expo_previous_participation_id", "=", participation.id)]
        )
        first = lead.expo_booth_preference_ids[:1]
        # Z9 has no booth of that name in the next edition: a wish like them
        self.assertFalse(first.booth_ids)
        self.assertEqual(first.booth_type, "corner")
        self.assertEqual(first.min_area_sqm, 18.0)
        self.assertFalse(first.hall_id)
        # named the same: the same booths
        last[1].name = "A2"
        lead.expo_booth_preference_ids.unlink()
        lead.action_expo_same_booth()
        self.assertEqual(lead.expo_booth_preference_ids.booth_ids, self.a1 | self.a2)
