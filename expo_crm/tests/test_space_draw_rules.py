# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The space draw's rule on constructed floors, without a database: the order,
the choice of booths, the waiting list."""

from datetime import date, datetime

from odoo.tests import BaseCase

from ..rules.space_draw import (
    Applicant,
    draw_order,
    run_draw,
)
from .space_draw_facts import (
    HALL_1,
    HALL_2,
    applicant,
    booth,
    by_applicant,
    named,
    wish,
)


class TestDrawOrder(BaseCase):
    def test_points_first(self):
        order = draw_order([applicant(1, 10), applicant(2, 30), applicant(3, 20)])
        self.assertEqual([a.id for a in order], [2, 3, 1])

    def test_tie_broken_by_signing_date_then_creation(self):
        created_early = datetime(2026, 1, 1)
        created_late = datetime(2026, 2, 1)
        order = draw_order(
            [
                applicant(1, 10, signed=date(2026, 3, 1), created=created_early),
                applicant(2, 10, signed=date(2026, 2, 1), created=created_late),
                applicant(3, 10, signed=None, created=created_early),
                applicant(4, 10, signed=date(2026, 3, 1), created=created_late),
                applicant(5, 10, signed=date(2026, 3, 1), created=created_early),
            ]
        )
        # earliest signing; same signing: earliest created; same again: lowest id;
        # not signed yet comes after every signed applicant of the same points
        self.assertEqual([a.id for a in order], [2, 1, 5, 4, 3])

    def test_missing_dates_as_stored_by_the_orm(self):
        # an empty date read from a record is False: it still comes last
        order = draw_order(
            [
                Applicant(1, 10, False, False),
                Applicant(2, 10, date(2026, 5, 1), datetime(2026, 1, 2)),
                Applicant(3, 10, date(2026, 5, 1), False),
            ]
        )
        self.assertEqual([a.id for a in order], [2, 3, 1])

    def test_more_points_beat_an_earlier_signature(self):
        order = draw_order(
            [applicant(1, 10, signed=date(2025, 1, 1)), applicant(2, 10.5)]
        )
        self.assertEqual([a.id for a in order], [2, 1])

    def test_tie_decides_a_contested_booth(self):
        floor = [booth(1, 9)]
        outcomes = by_applicant(
            run_draw(
                [
                    applicant(7, 5, named(1, 1), signed=date(2026, 4, 2)),
                    applicant(8, 5, named(1, 1), signed=date(2026, 4, 1)),
                ],
                floor,
            )
        )
        self.assertEqual(outcomes[8].booth_ids, (1,))
        self.assertEqual(outcomes[8].position, 1)
        self.assertTrue(outcomes[7].waiting)
        self.assertIn(
            ("named_taken", {"rank": 1, "booths": [1], "positions": [1]}),
            outcomes[7].notes,
        )


class TestChoice(BaseCase):
    def test_contested_first_choice(self):
        floor = [booth(1, 9), booth(2, 9), booth(3, 18)]
        outcomes = by_applicant(
            run_draw(
                [
                    applicant(1, 50, named(1, 1), named(2, 2)),
                    applicant(2, 40, named(1, 1), named(2, 3)),
                    applicant(3, 30, named(1, 1), named(2, 2), named(3, 3)),
                ],
                floor,
            )
        )
        self.assertEqual(outcomes[1].booth_ids, (1,))
        self.assertEqual(outcomes[1].rank, 1)
        self.assertEqual(
            outcomes[1].notes, (("named_met", {"rank": 1, "booths": [1], "area": 9}),)
        )
        self.assertEqual(outcomes[2].booth_ids, (3,))
        self.assertEqual(outcomes[2].rank, 2)
        self.assertEqual(
            outcomes[2].notes[0],
            ("named_taken", {"rank": 1, "booths": [1], "positions": [1]}),
        )
        self.assertEqual(outcomes[3].booth_ids, (2,))
        self.assertEqual(outcomes[3].rank, 2)

    def test_every_choice_taken(self):
        floor = [booth(1, 9), booth(2, 9), booth(3, 36, HALL_2)]
        outcomes = by_applicant(
            run_draw(
                [
                    applicant(1, 50, named(1, 1)),
                    applicant(2, 40, named(1, 2)),
                    applicant(3, 30, named(1, 1), named(2, 2), wish(3, HALL_1)),
                ],
                floor,
            )
        )
        loser = outcomes[3]
        self.assertTrue(loser.waiting)
        self.assertIsNone(loser.rank)
        self.assertEqual(
            [code for code, _params in loser.notes],
            ["named_taken", "named_taken", "wish_none", "waiting"],
        )
        self.assertEqual(loser.notes[1][1]["positions"], [2])
        self.assertEqual(
            loser.notes[2][1],
            {"rank": 3, "hall": HALL_1, "type": None, "min_area": 0.0},
        )
        # the island in the other hall stays free: it was wished by no one
        self.assertEqual({b for o in outcomes.values() for b in o.booth_ids}, {1, 2})

    def test_booth_not_free_before_the_draw(self):
        # booth 9 is sold or held outside the draw: not on the free floor
        outcomes = run_draw([applicant(1, 10, named(1, 9), named(2, 1))], [booth(1, 9)])
        self.assertEqual(outcomes[0].booth_ids, (1,))
        self.assertEqual(
            outcomes[0].notes[0], ("named_unavailable", {"rank": 1, "booths": [9]})
        )

    def test_preferences_tried_in_rank_order(self):
        floor = [booth(1, 9), booth(2, 36, HALL_2, "island")]
        # entered out of order: the rank decides, a wish ranked above a named booth
        outcomes = run_draw(
            [applicant(1, 10, named(2, 1), wish(1, HALL_2, "island"))], floor
        )
        self.assertEqual(outcomes[0].booth_ids, (2,))
        self.assertEqual(outcomes[0].rank, 1)
        self.assertEqual(outcomes[0].notes[0][0], "wish_met")

    def test_wish_takes_the_smallest_booth_large_enough(self):
        floor = [
            booth(1, 9),
            booth(2, 18, booth_type="corner"),
            booth(3, 12),
            booth(4, 24),
            booth(5, 12, HALL_2),
        ]
        outcomes = by_applicant(
            run_draw(
                [
                    applicant(1, 40, wish(1, HALL_1, min_area=10)),
                    applicant(2, 30, wish(1, HALL_1, min_area=10)),
                    applicant(3, 20, wish(1, booth_type="corner")),
                    applicant(4, 10, wish(1, min_area=10)),
                ],
                floor,
            )
        )
        self.assertEqual(outcomes[1].booth_ids, (3,))
        # the 12 m² booth of hall 1 is taken; hall 2's does not count
        self.assertEqual(outcomes[2].booth_ids, (2,))
        self.assertEqual(
            outcomes[2].notes,
            (
                (
                    "wish_met",
                    {
                        "rank": 1,
                        "booths": [2],
                        "area": 18,
                        "hall": HALL_1,
                        "type": None,
                        "min_area": 10,
                    },
                ),
            ),
        )
        self.assertTrue(outcomes[3].waiting, "the only corner is taken")
        self.assertEqual(outcomes[4].booth_ids, (5,), "any hall: 12 m² beats 24 m²")

    def test_area_to_the_hundredth(self):
        outcomes = run_draw(
            [applicant(1, 1, wish(1, min_area=9.0))], [booth(1, 8.99), booth(2, 9.0)]
        )
        self.assertEqual(outcomes[0].booth_ids, (2,))

    def test_no_preference_waits(self):
        outcomes = run_draw([applicant(1, 99)], [booth(1, 9)])
        self.assertTrue(outcomes[0].waiting)
        self.assertEqual(outcomes[0].notes, (("no_preference", {}),))
