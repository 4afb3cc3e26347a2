# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from .common import ExpoRelationshipCommon

INF = float("inf")


class TestBadInput(ExpoRelationshipCommon):
    """Each bad input gets a clear error (a UserError or ValidationError, never
    a server error) and writes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env, login="expo_bad_input", groups="expo_crm.group_expo_manager"
        )
        cls.participation = cls._take_part(cls.gallery, cls.edition_2024)
        cls.loose_event = cls.env["event.event"].create(
            {
                "name": "A talk, no series",
                "date_begin": datetime(2025, 3, 1, 9, 0),
                "date_end": datetime(2025, 3, 1, 12, 0),
            }
        )

    def _bad_inputs(self):
        """(what is tried, the call, the error it must get)."""
        participation = self.participation.with_user(self.user)
        company = self.company.with_user(self.env.ref("base.user_admin"))
        relationship = self._relationship().with_user(self.user)
        series = self.series.with_user(self.user)
        create = self.env["expo.participation"].with_user(self.user).create
        lead = self.env["crm.lead"].with_user(self.user)
        return [
            ("NPS 11", lambda: participation.write({"nps_score": "11"})),
            ("NPS -1", lambda: participation.write({"nps_score": "-1"})),
            ("NPS 7.5", lambda: participation.write({"nps_score": "7.5"})),
            ("NPS as a number", lambda: participation.write({"nps_score": 7})),
            ("NPS as text", lambda: participation.write({"nps_score": "great"})),
            ("intent 'sure'", lambda: participation.write({"intent_rebook": "sure"})),
            ("space 1e400", lambda: participation.write({"space_sqm": INF})),
            # database constraints: the server turns them into their message
            (
                "negative space (database constraint)",
                lambda: participation.write({"space_sqm": -5}),
            ),
            (
                "satisfaction 101 (database constraint)",
                lambda: participation.write({"satisfaction_index": 101}),
            ),
            (
                "participation on an edition without a series",
                lambda: create(
                    {
                        "partner_id": self.collector.id,
                        "event_id": self.loose_event.id,
                        "role_id": self.role_exhibitor.id,
                    }
                ),
            ),
            (
                "participation on a contact",
                lambda: create(
                    {
                        "partner_id": self.gallery_contact.id,
                        "event_id": self.edition_2025.id,
                        "role_id": self.role_exhibitor.id,
                    }
                ),
            ),
            ("cost 1e400", lambda: relationship.write({"initial_cost": INF})),
            (
                "negative cost (database constraint)",
                lambda: relationship.write({"maintenance_cost": -1}),
            ),
            (
                "requested space 1e400",
                lambda: lead.create(
                    {"name": "Huge", "type": "opportunity", "expo_space_requested": INF}
                ),
            ),
            (
                "points expire after 0",
                lambda: series.write({"points_expiry_editions": 0}),
            ),
            (
                "sponsorship unit 1e400",
                lambda: series.write({"points_sponsorship_unit": INF}),
            ),
            (
                "early signing 10^9 days",
                lambda: series.write({"points_early_signing_days": 10**9}),
            ),
            (
                "trust after 10^10 editions",
                lambda: company.write({"expo_trust_min_editions": 10**10}),
            ),
            (
                "trust after 10^9 editions",
                lambda: company.write({"expo_trust_min_editions": 10**9}),
            ),
            (
                "trust after 0 editions",
                lambda: company.write({"expo_trust_min_editions": 0}),
            ),
            (
                "value window of 10^6 editions",
                lambda: company.write({"expo_value_window_editions": 10**6}),
            ),
            (
                "drop of 150 %",
                lambda: company.write({"expo_weakening_drop_percent": 150}),
            ),
            (
                "rating point 1e400",
                lambda: company.write({"expo_rating_point_value": INF}),
            ),
            (
                "refresh batch of 0",
                lambda: company.write({"expo_refresh_batch_size": 0}),
            ),
            (
                "settings with a rating point of 1e400",
                lambda: self.env["res.config.settings"]
                .create({"expo_rating_point_value": INF})
                .execute(),
            ),
        ]

    @mute_logger("odoo.sql_db")
    def test_each_bad_input_gets_a_clear_error(self):
        for name, call in self._bad_inputs():
            expected = UserError  # a ValidationError is one too
            if "database constraint" in name:
                expected = IntegrityError
            with self.subTest(name), self.assertRaises(expected) as caught:
                with self.env.cr.savepoint():
                    call()
                    self.env.flush_all()
            if expected is IntegrityError:
                constraint = caught.exception.diag.constraint_name
                self.assertIn(constraint, self.env.registry._sql_constraints, name)
        # nothing half-written
        self.assertFalse(self.participation.nps_score)
        self.assertEqual(self.company.expo_trust_min_editions, 2)
        self.assertEqual(self.series.points_expiry_editions, 5)

    def test_rebooking_with_participations_of_another_edition(self):
        wizard = self.env["expo.rebooking.wizard"].create(
            {
                "event_id": self.edition_2025.id,
                "participation_ids": [(6, 0, self.participation.ids)],
            }
        )
        with self.assertRaisesRegex(UserError, "not of"):
            wizard.action_create_opportunities()

    def test_rebooking_for_a_chosen_next_edition(self):
        with self.assertRaisesRegex(UserError, "next edition of its series"):
            self.env["expo.rebooking.wizard"].create(
                {
                    "event_id": self.edition_2024.id,
                    "next_event_id": self.other_edition.id,
                }
            )
