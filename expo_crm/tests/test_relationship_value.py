# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .common import ExpoRelationshipCommon


class TestRelationshipValue(ExpoRelationshipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.expo_value_window_editions = 3
        cls.company.expo_rating_point_value = 1000
        for event, amount in (
            (cls.edition_2023, 1000),
            (cls.edition_2024, 2000),
            (cls.edition_2025, 4000),
        ):
            cls._take_part(cls.gallery, event, amount_invoiced=amount)

    def test_economic_value_over_window(self):
        relationship = self._relationship()
        self.assertEqual(relationship.economic_value, 7000)
        self.company.expo_value_window_editions = 2
        self.env["expo.relationship"]._refresh_for_partners(self.gallery)
        self.assertEqual(relationship.economic_value, 6000)
        self.assertEqual(self.gallery.expo_economic_value, 6000)

    def test_economic_value_counts_fees_and_upcoming_invoices(self):
        # a cancellation fee for 2025 and a deposit for the upcoming edition
        self._participate(
            self.gallery,
            self.edition_2025,
            self.role_sponsor,
            state="cancelled",
            amount_invoiced=500,
        )
        self._participate(
            self.gallery, self.edition_upcoming, state="confirmed", amount_invoiced=800
        )
        self.assertEqual(self._relationship().economic_value, 8300)

    def test_profit_follows_a_refreshed_value(self):
        relationship = self._relationship()
        relationship.write({"initial_cost": 500})
        self.assertEqual(relationship.relationship_profit, 6500)
        self.company.expo_value_window_editions = 1
        self.env["expo.relationship"]._refresh_for_partners(self.gallery)
        self.assertEqual(relationship.economic_value, 4000)
        self.assertEqual(relationship.relationship_profit, 3500)
        self.assertEqual(self.gallery.expo_economic_value, 4000)
        self.assertEqual(self.gallery.expo_relationship_profit, 3500)

    def test_profit_parts_explain_the_two_profits(self):
        """The customer's profit (every series, with its ratings) and a series'
        profit (its value minus its costs) differ by what the form shows."""
        self._take_part(self.gallery, self.other_edition, amount_invoiced=300)
        relationship = self._relationship()
        relationship.write({"initial_cost": 500, "maintenance_cost": 200})
        self._relationship(series=self.other_series).termination_cost = 100
        self.gallery.write(
            {"expo_demonstration_value": "3", "expo_capability_value": "1"}
        )
        self.assertEqual(relationship.relationship_profit, 7000 - 700)
        self.assertEqual(self.gallery.expo_rating_money, 4000)
        self.assertEqual(self.gallery.expo_relationship_costs, 800)
        self.assertEqual(
            self.gallery.expo_relationship_profit,
            self.gallery.expo_economic_value
            + self.gallery.expo_rating_money
            - self.gallery.expo_relationship_costs,
        )
        self.assertEqual(self.gallery.expo_relationship_profit, 7300 + 4000 - 800)

    def test_best_priority_rank(self):
        rival = self._new_customer("Rival Gallery")
        self._take_part(rival, self.edition_2025, space_sqm=500)
        self._take_part(self.gallery, self.other_edition)
        self.assertEqual(self._relationship().priority_rank, 2)
        self.assertEqual(self.gallery.expo_priority_rank, 1, "first in the other")
        self.assertEqual(self.gallery_contact.expo_priority_rank, 1, "its company's")
        self.assertEqual(self.collector.expo_priority_rank, 0, "ranked nowhere")

    def test_value_follows_credit_notes(self):
        participation = self.gallery.expo_participation_ids.filtered(
            lambda p: p.event_id == self.edition_2025
        )
        participation.amount_invoiced = 2500
        self.assertEqual(self._relationship().economic_value, 5500)

    def test_relationship_profit(self):
        relationship = self._relationship()
        relationship.write(
            {"initial_cost": 500, "maintenance_cost": 1200, "termination_cost": 300}
        )
        self.assertEqual(relationship.relationship_profit, 5000)
        self.assertEqual(self.gallery.expo_relationship_profit, 5000)

    def test_partner_summary_sums_series_and_ratings(self):
        self._take_part(self.gallery, self.other_edition, amount_invoiced=3000)
        self._relationship(series=self.other_series).initial_cost = 1000
        self._relationship().maintenance_cost = 500
        self.assertEqual(self.gallery.expo_economic_value, 10000)
        self.assertEqual(self.gallery.expo_relationship_profit, 8500)
        self.gallery.write(
            {
                "expo_demonstration_value": "3",
                "expo_recommendation_value": "2",
                "expo_capability_value": "1",
            }
        )
        self.assertEqual(self.gallery.expo_relationship_profit, 8500 + 6 * 1000)
        self.company.expo_rating_point_value = 250
        self.env["expo.relationship"]._refresh_for_partners(self.gallery)
        self.assertEqual(self.gallery.expo_relationship_profit, 8500 + 6 * 250)

    def test_partner_without_participation(self):
        self.assertFalse(self.collector.expo_lifecycle_stage)
        self.assertEqual(self.collector.expo_economic_value, 0)
        self.assertFalse(self.collector.expo_relationship_ids)
        # holding an exhibition role makes it a prospect
        self.collector.expo_role_ids = self.role_visitor
        self.assertEqual(self.collector.expo_lifecycle_stage, "cultivation")
        prospect = self.env["res.partner"].create(
            {
                "name": "Prospect Gallery",
                "is_company": True,
                "expo_role_ids": [(6, 0, self.role_exhibitor.ids)],
            }
        )
        self.assertEqual(prospect.expo_lifecycle_stage, "cultivation")

    def test_negative_cost_refused(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._relationship().initial_cost = -10
            self.env.flush_all()

    def test_settings_are_validated(self):
        for fname, value in (
            ("expo_value_window_editions", 0),
            ("expo_trust_min_editions", 0),
            ("expo_disappearance_missed_editions", 0),
            ("expo_weakening_drop_percent", 120),
            ("expo_rating_point_value", -1),
        ):
            with self.subTest(fname=fname), self.assertRaises(ValidationError):
                self.company.write({fname: value})
