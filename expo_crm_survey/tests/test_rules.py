# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The satisfaction rules at their edges, without a database."""

from odoo.tests import BaseCase

from odoo.addons.expo_crm.tests.doctests import run_doctests

from .. import rules
from ..rules.satisfaction import (
    Gap,
    Rating,
    gaps,
    is_negative,
    normalized,
    satisfaction_index,
)

DIMENSIONS = ["concept", "behaviour", "visual", "product", "service"]


class TestSatisfactionRules(BaseCase):
    def test_doctests(self):
        self.assertEqual(run_doctests(rules), 0)

    def test_normalized_over_the_range(self):
        self.assertEqual(normalized(1, 1, 5), 0.0)
        self.assertEqual(normalized(5, 1, 5), 1.0)
        self.assertEqual(normalized(0, 0, 10), 0.0)
        self.assertIsNone(normalized(4, 5, 1), "an upside-down range rescales nothing")

    def test_gaps_need_both_sides(self):
        result = gaps(
            {"concept": Rating(4, 0.75), "visual": Rating(2, 0.25)},
            {"concept": Rating(2, 0.25), "service": Rating(5, 1.0)},
            DIMENSIONS,
        )
        self.assertEqual(result, {"concept": Gap(4, 2, -2, -0.5)})

    def test_gaps_follow_the_dimensions_order(self):
        ratings = {name: Rating(3, 0.5) for name in DIMENSIONS}
        self.assertEqual(
            list(gaps(ratings, ratings, DIMENSIONS[::-1])), DIMENSIONS[::-1]
        )

    def test_gap_of_a_rating_that_cannot_rescale_counts_as_zero(self):
        result = gaps(
            {"visual": Rating(3, None)}, {"visual": Rating(4, 1.0)}, DIMENSIONS
        )
        self.assertEqual(result["visual"], Gap(3, 4, 1, 1.0))

    def test_index_from_gaps(self):
        self.assertEqual(satisfaction_index([0.0, 0.0], []), 50.0, "expectation met")
        self.assertEqual(
            satisfaction_index([-1.0] * 5, []), 0.0, "best expected, worst got"
        )
        self.assertEqual(satisfaction_index([1.0] * 5, []), 100.0)
        self.assertEqual(satisfaction_index([-0.5, 0.0, 0.25, 0.25, 0.0], []), 50.0)
        self.assertEqual(
            satisfaction_index([0.5], [0.0]), 75.0, "gaps win over ratings"
        )

    def test_index_without_gaps(self):
        self.assertEqual(satisfaction_index([], [1.0, 0.5]), 75.0)
        self.assertEqual(satisfaction_index([], [0.0]), 0.0)
        self.assertIsNone(satisfaction_index([], []), "no feedback is no index, not 0")

    def test_negative_gap_at_the_threshold(self):
        self.assertTrue(is_negative(Gap(4, 2, -2, -0.5), -2))
        self.assertFalse(is_negative(Gap(4, 3, -1, -0.25), -2))
