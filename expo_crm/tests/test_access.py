# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user

from .common import ExpoRelationshipCommon


class TestAccess(ExpoRelationshipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env, login="expo_user", groups="expo_crm.group_expo_user"
        )
        cls.manager = new_test_user(
            cls.env, login="expo_manager", groups="expo_crm.group_expo_manager"
        )
        cls.other_company = cls.env["res.company"].create({"name": "Other Fairs Ltd"})
        cls.other_user = new_test_user(
            cls.env,
            login="expo_other_user",
            groups="expo_crm.group_expo_user",
            company_id=cls.other_company.id,
            company_ids=[cls.other_company.id],
        )
        cls._take_part(cls.gallery, cls.edition_2024, space_sqm=20)

    def test_user_records_participation_and_reads_relationship(self):
        participation = (
            self.env["expo.participation"]
            .with_user(self.user)
            .create(
                {
                    "partner_id": self.gallery.id,
                    "event_id": self.edition_2025.id,
                    "role_id": self.role_exhibitor.id,
                    "state": "confirmed",
                    "space_sqm": 24,
                }
            )
        )
        participation.write({"nps_score": "9"})
        relationship = self._relationship().with_user(self.user)
        self.assertEqual(relationship.lifecycle_stage, "trust")
        self.assertEqual(relationship.editions_attended, 2)
        self.assertEqual(relationship.initial_cost, 0, "users read costs")
        relationship.message_post(body="Called about next year's booth.")

    def test_user_opens_edition_form(self):
        """Editions are events: an exhibition user opens their form (participants,
        rebooking) without an access error."""
        form = Form(self.edition_2025.with_user(self.user))
        self.assertEqual(form.expo_series_id, self.series)
        self.assertEqual(form.expo_previous_event_id, self.edition_2024)

    def test_user_cannot_change_costs_or_settings(self):
        relationship = self._relationship().with_user(self.user)
        with self.assertRaises(AccessError):
            relationship.write({"initial_cost": 100})
        with self.assertRaises(AccessError):
            self.company.with_user(self.user).write({"expo_trust_min_editions": 5})
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.user).create(
                {"expo_trust_min_editions": 5}
            )
        with self.assertRaises(AccessError):
            self.series.with_user(self.user).write({"points_per_edition": 50})

    def test_manager_sets_costs(self):
        relationship = self._relationship().with_user(self.manager)
        relationship.write({"initial_cost": 100, "maintenance_cost": 50})
        self.assertEqual(relationship.relationship_profit, -150)
        self.assertEqual(self.gallery.expo_relationship_profit, -150)
        self.series.with_user(self.manager).points_per_edition = 50

    def test_other_company_user_sees_nothing(self):
        Participation = self.env["expo.participation"].with_user(self.other_user)
        Relationship = self.env["expo.relationship"].with_user(self.other_user)
        self.assertFalse(Participation.search([("partner_id", "=", self.gallery.id)]))
        self.assertFalse(Relationship.search([("partner_id", "=", self.gallery.id)]))
        with self.assertRaises(AccessError):
            self._relationship().with_user(self.other_user).read(["lifecycle_stage"])
