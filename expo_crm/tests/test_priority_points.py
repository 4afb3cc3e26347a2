# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import ValidationError

from .common import ExpoRelationshipCommon


class TestPriorityPoints(ExpoRelationshipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.series.write(
            {
                "points_per_edition": 10,
                "points_expiry_editions": 5,
                "points_per_sqm": 1,
                "points_sponsorship_unit": 1000,
                "points_per_sponsorship_unit": 2,
                "points_early_signing_days": 90,
                "points_early_signing_bonus": 5,
            }
        )

    def test_points_add_up(self):
        # 2024: signed 100 days ahead (early); 2025: 30 m², 2,500 of sponsorship,
        # signed 30 days ahead
        self._take_part(
            self.gallery, self.edition_2024, space_sqm=50, date_signed=date(2024, 1, 31)
        )
        self._take_part(
            self.gallery, self.edition_2025, space_sqm=30, date_signed=date(2025, 4, 10)
        )
        self._participate(
            self.gallery,
            self.edition_2025,
            self.role_sponsor,
            state="confirmed",
            amount_sponsorship=2500,
        )
        # 2 editions x 10 + 30 m² of 2025 + 2.5 units x 2 + 1 early signing x 5
        self.assertEqual(self._relationship().priority_points, 20 + 30 + 5 + 5)

    def test_points_expire(self):
        self._take_part(
            self.gallery, self.edition_2024, space_sqm=50, date_signed=date(2024, 1, 31)
        )
        self._take_part(self.gallery, self.edition_2025, space_sqm=30)
        self.series.points_expiry_editions = 1
        self.env["expo.relationship"]._refresh_for_partners(self.gallery)
        self.assertEqual(self._relationship().priority_points, 10 + 30)

    def test_space_counts_only_in_latest_edition(self):
        self._take_part(self.gallery, self.edition_2024, space_sqm=50)
        self.assertEqual(self._relationship().priority_points, 10)

    def test_planned_or_upcoming_earn_nothing(self):
        self._participate(self.gallery, self.edition_2025, space_sqm=50)
        self._participate(self.gallery, self.edition_upcoming, state="confirmed")
        self.assertEqual(self._relationship().priority_points, 0)

    def test_rank_within_series(self):
        studio = self._new_customer("Studio Rank")
        self._take_part(self.gallery, self.edition_2025, space_sqm=10)
        self._take_part(self.collector, self.edition_2025, space_sqm=40)
        self._take_part(studio, self.edition_2025, space_sqm=10)
        self._take_part(self.gallery, self.other_edition, space_sqm=1)
        ranks = {
            partner: self._relationship(partner).priority_rank
            for partner in (self.gallery, self.collector, studio)
        }
        self.assertEqual(ranks, {self.collector: 1, self.gallery: 2, studio: 2})
        self.assertEqual(self._relationship(series=self.other_series).priority_rank, 1)
        # another customer's change moves the others
        self._take_part(studio, self.edition_2024)
        self.assertEqual(self._relationship(studio).priority_rank, 2)
        self.assertEqual(self._relationship(self.gallery).priority_rank, 3)
        # lists come in rank order
        listed = self.env["expo.relationship"].search(
            [("series_id", "=", self.series.id)]
        )
        self.assertEqual(listed.partner_id, self.collector | studio | self.gallery)
        self.assertEqual(listed.mapped("priority_rank"), [1, 2, 3])

    def test_only_ranked_roles_earn_points_and_rank(self):
        """Suppliers and visitors (roles the series does not rank) earn no points and
        no rank, and do not push the customers who buy space down the ranking."""
        hotel = self._new_customer("Lakeside Hotel")
        for edition in self.editions:
            self._participate(
                hotel, edition, self.env.ref("expo_crm.role_travel"), state="attended"
            )
        self._participate(
            self.collector, self.edition_2025, self.role_visitor, state="attended"
        )
        self._take_part(self.gallery, self.edition_2025, space_sqm=10)
        for partner in (hotel, self.collector):
            relationship = self._relationship(partner)
            self.assertFalse(relationship.priority_ranked)
            self.assertEqual(relationship.priority_points, 0)
            self.assertEqual(relationship.priority_rank, 0)
            self.assertNotEqual(relationship.lifecycle_stage, "cultivation")
        self.assertTrue(self._relationship().priority_ranked)
        self.assertEqual(self._relationship().priority_rank, 1)

    def test_points_of_a_customer_in_two_roles(self):
        """A booth builder that also exhibits earns points for its booth only."""
        self._take_part(self.gallery, self.edition_2025, space_sqm=20)
        self._participate(
            self.gallery,
            self.edition_2025,
            self.role_builder,
            state="attended",
            space_sqm=300,
        )
        self.assertEqual(self._relationship().priority_points, 10 + 20)

    def test_ranked_roles_per_series(self):
        builder = self._new_customer("Stand Works")
        self._participate(
            builder, self.edition_2025, self.role_builder, state="attended"
        )
        self.assertFalse(self._relationship(builder).priority_ranked)
        self.series.ranked_role_ids |= self.role_builder
        self.env["expo.relationship"]._refresh_for_partners(builder)
        relationship = self._relationship(builder)
        self.assertTrue(relationship.priority_ranked)
        self.assertEqual(relationship.priority_points, 10)
        self.assertEqual(relationship.priority_rank, 1)

    def test_series_rules_are_validated(self):
        for fname, value in (
            ("points_expiry_editions", 0),
            ("points_sponsorship_unit", 0),
            ("points_per_sqm", -1),
            ("points_early_signing_days", -5),
        ):
            with self.subTest(fname=fname), self.assertRaises(ValidationError):
                self.series.write({fname: value})
