# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .common import ExpoCrmCommon


class TestParticipation(ExpoCrmCommon):
    def test_editions_know_previous_and_next(self):
        self.assertEqual(self.edition_2024.expo_previous_event_id, self.edition_2023)
        self.assertEqual(self.edition_2024.expo_next_event_id, self.edition_2025)
        self.assertFalse(self.edition_2023.expo_previous_event_id)
        self.assertFalse(self.edition_2025.expo_next_event_id)
        self.assertEqual(self.series.edition_count, 3)

    def test_duplicate_participation_refused(self):
        self._participate(self.gallery, self.edition_2024)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._participate(self.gallery, self.edition_2024)

    def test_same_partner_other_role_allowed(self):
        self._participate(self.gallery, self.edition_2024)
        sponsor = self._participate(self.gallery, self.edition_2024, self.role_sponsor)
        self.assertEqual(sponsor.side, "downstream")
        self.assertEqual(self.gallery.expo_participation_count, 2)

    def test_found_by_customer_edition_or_role(self):
        """Typing in a Participation field finds it by its customer, edition or
        role, as its name shows them."""
        booth = self._participate(self.gallery, self.edition_2024)
        sponsorship = self._participate(
            self.collector, self.edition_2025, self.role_sponsor
        )
        Participation = self.env["expo.participation"]
        for typed, expected in (
            (self.gallery.name, booth),
            (self.edition_2025.name, sponsorship),
            (self.role_sponsor.name, sponsorship),
        ):
            found = Participation.name_search(typed, limit=None)
            self.assertIn(expected.id, [record_id for record_id, _name in found])
        found = dict(Participation.name_search(self.collector.name))
        self.assertEqual(list(found), [sponsorship.id])
        self.assertIn(self.edition_2025.name, found[sponsorship.id])

    def test_negative_space_refused(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._participate(self.gallery, self.edition_2024, space_sqm=-12)

    def test_contact_is_not_a_customer(self):
        with self.assertRaises(ValidationError):
            self._participate(self.gallery_contact, self.edition_2024)

    def test_nps_category(self):
        participation = self._participate(self.gallery, self.edition_2024)
        self.assertFalse(participation.nps_category, "no answer, no category")
        for score, category in (
            ("0", "detractor"),
            ("6", "detractor"),
            ("7", "passive"),
            ("8", "passive"),
            ("9", "promoter"),
            ("10", "promoter"),
        ):
            participation.nps_score = score
            self.assertEqual(participation.nps_category, category, score)

    def test_event_statistics(self):
        self._participate(
            self.gallery, self.edition_2024, space_sqm=36, state="confirmed"
        )
        self._participate(self.collector, self.edition_2024, self.role_visitor)
        self._participate(
            self.env["res.partner"].create({"name": "Gone", "is_company": True}),
            self.edition_2024,
            space_sqm=18,
            state="cancelled",
        )
        self.assertEqual(self.edition_2024.expo_participation_count, 2)
        self.assertEqual(self.edition_2024.expo_space_sqm, 36)

    def test_edition_rebooked_customers(self):
        """The edition form counts its customers already booked for the next edition
        (in the ranked roles, not cancelled), their share, and its rebooking
        opportunities."""
        museum = self.env["res.partner"].create({"name": "Museum", "is_company": True})
        gallery_2024 = self._participate(
            self.gallery, self.edition_2024, state="attended"
        )
        self._participate(
            self.collector, self.edition_2024, self.role_visitor, state="confirmed"
        )
        self._participate(museum, self.edition_2024, state="confirmed")
        self._participate(self.gallery, self.edition_2025, self.role_sponsor)
        self._participate(museum, self.edition_2025, state="cancelled")
        self.assertEqual(self.edition_2024.expo_rebooked_count, 1)
        self.assertEqual(
            self.edition_2024.expo_rebooking_rate, 50.0, "gallery of gallery, museum"
        )
        self.assertEqual(
            self.edition_2024._expo_rebooked_participations().partner_id, self.gallery
        )
        self.assertEqual(self.edition_2025.expo_rebooked_count, 0, "no next edition")
        self.env["crm.lead"].create(
            {
                "name": "Rebook Gallery Lumen",
                "type": "opportunity",
                "partner_id": self.gallery.id,
                "expo_event_id": self.edition_2025.id,
                "expo_is_rebooking": True,
                "expo_previous_participation_id": gallery_2024.id,
            }
        )
        self.assertEqual(self.edition_2024.expo_rebooking_lead_count, 1)
        self.assertEqual(self.edition_2023.expo_rebooking_lead_count, 0)

    def test_salesperson(self):
        """A participation goes to the customer's salesperson, else to the user who
        records it, never to the system user."""
        salesman = self.env["res.users"].create(
            {
                "name": "Chen Sales",
                "login": "chen.sales",
                "groups_id": [(4, self.env.ref("expo_crm.group_expo_user").id)],
            }
        )
        self.gallery.user_id = salesman
        self.assertEqual(
            self._participate(self.gallery, self.edition_2024).user_id, salesman
        )
        museum = self.env["res.partner"].create({"name": "Museum", "is_company": True})
        by_system = self._participate(museum, self.edition_2024)
        self.assertFalse(by_system.user_id)
        recorder = self.env["res.users"].create(
            {
                "name": "Zhao Recorder",
                "login": "zhao.rec",
                "groups_id": [(4, self.env.ref("expo_crm.group_expo_user").id)],
            }
        )
        by_user = (
            self.env["expo.participation"]
            .with_user(recorder)
            .create(
                {
                    "partner_id": museum.id,
                    "event_id": self.edition_2025.id,
                    "role_id": self.role_exhibitor.id,
                }
            )
        )
        self.assertEqual(by_user.user_id, recorder)

    def test_cancel_and_no_show(self):
        """The form's Cancel and No Show: a booked customer withdraws, or does not
        come once the edition has started."""
        planned = self._participate(self.gallery, self.edition_2025)
        planned.action_expo_cancel()
        self.assertEqual(planned.state, "cancelled")
        confirmed = self._participate(
            self.gallery, self.edition_2024, state="confirmed"
        )
        confirmed.action_expo_no_show()
        self.assertEqual(confirmed.state, "no_show")
        upcoming = self.env["event.event"].create(
            {
                "name": "Test Art Fair 2099",
                "expo_series_id": self.series.id,
                "date_begin": datetime(2099, 5, 10, 9, 0),
                "date_end": datetime(2099, 5, 13, 18, 0),
            }
        )
        booked = self._participate(self.gallery, upcoming, state="confirmed")
        with self.assertRaisesRegex(UserError, "once the edition has started"):
            booked.action_expo_no_show()
        self.assertEqual(booked.state, "confirmed")
        attended = self._participate(
            self.collector, self.edition_2025, state="attended"
        )
        attended.action_expo_cancel()
        self.assertEqual(attended.state, "attended", "an attended one is not cancelled")
