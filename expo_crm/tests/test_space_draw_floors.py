# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The space draw's rule on constructed floors, without a database: stands of
adjacent booths, floor limits, released booths and random floors."""

import itertools
import random
from datetime import date, datetime

from odoo.tests import BaseCase

from ..rules.space_draw import (
    Applicant,
    FreeFloor,
    draw_order,
    fits_wish,
    offer_released,
    run_draw,
    stand_type,
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


class TestStands(BaseCase):
    """A larger stand needs adjacent booths: booths of one hall and row whose
    positions follow each other."""

    def _row(self):
        return [
            booth(1, 9, row="A", position=1),
            booth(2, 9, row="A", position=2),
            booth(3, 9, row="A", position=3),
            booth(4, 9, booth_type="corner", row="A", position=4),
            booth(5, 9, row="B", position=5),
            booth(6, 9, HALL_2, row="A", position=5),
        ]

    def test_adjacent_booths_joined_when_no_booth_is_large_enough(self):
        outcomes = run_draw(
            [applicant(1, 10, wish(1, HALL_1, min_area=18))], self._row()
        )
        self.assertEqual(outcomes[0].booth_ids, (1, 2))
        self.assertEqual(outcomes[0].notes[0][0], "wish_joined")
        self.assertEqual(outcomes[0].notes[0][1]["area"], 18)

    def test_single_booth_preferred_to_joined_booths(self):
        floor = [*self._row(), booth(7, 27, row="C", position=1)]
        outcomes = run_draw([applicant(1, 10, wish(1, HALL_1, min_area=18))], floor)
        self.assertEqual(outcomes[0].booth_ids, (7,))

    def test_gap_rows_and_halls_are_not_adjacent(self):
        floor = self._row()
        outcomes = by_applicant(
            run_draw(
                [
                    applicant(1, 50, named(1, 2)),
                    # 1 and 3 are not adjacent once 2 is taken; 4 and 5 are in other
                    # rows, 5 and 6 in other halls
                    applicant(2, 40, wish(1, min_area=27)),
                    applicant(3, 30, wish(1, min_area=18)),
                ],
                floor,
            )
        )
        self.assertTrue(outcomes[2].waiting)
        self.assertEqual(outcomes[3].booth_ids, (3, 4))

    def test_stand_type_is_the_most_open_booth(self):
        floor = self._row()
        self.assertEqual(stand_type([floor[0], floor[3]]), "corner")
        outcomes = by_applicant(
            run_draw(
                [
                    applicant(1, 20, wish(1, HALL_1, "corner", 18)),
                    applicant(2, 10, wish(1, HALL_1, "inline", 18)),
                ],
                floor,
            )
        )
        # the shortest corner stand ends at the corner booth, 3 + 4
        self.assertEqual(outcomes[1].booth_ids, (3, 4))
        self.assertEqual(outcomes[2].booth_ids, (1, 2))

    def test_named_booths_held_together_or_not_at_all(self):
        floor = self._row()
        outcomes = by_applicant(
            run_draw(
                [
                    applicant(1, 50, named(1, 2)),
                    applicant(2, 40, named(1, 1, 2), named(2, 3)),
                    applicant(3, 30, named(1, 1)),
                ],
                floor,
            )
        )
        # booth 2 is taken: 1 + 2 is not held in part, booth 1 stays free
        self.assertEqual(outcomes[2].booth_ids, (3,))
        self.assertEqual(outcomes[3].booth_ids, (1,))

    def test_fits_wish(self):
        floor = self._row()
        self.assertTrue(fits_wish([floor[0], floor[1]], wish(1, HALL_1, "inline", 18)))
        self.assertFalse(fits_wish([floor[0]], wish(1, HALL_1, "inline", 18)))
        self.assertFalse(fits_wish([floor[5]], wish(1, HALL_1)))
        self.assertFalse(fits_wish([floor[2], floor[3]], wish(1, booth_type="inline")))


class TestFloorLimits(BaseCase):
    def test_empty_floor(self):
        outcomes = run_draw(
            [applicant(1, 10, named(1, 1)), applicant(2, 5, wish(1, min_area=9))], []
        )
        self.assertTrue(all(outcome.waiting for outcome in outcomes))
        self.assertEqual(outcomes[0].notes[-1], ("floor_full", {}))
        self.assertEqual(outcomes[0].notes[0][0], "named_unavailable")

    def test_more_applicants_than_booths(self):
        floor = [booth(bid, 9) for bid in range(1, 4)]
        applicants = [
            applicant(aid, 100 - aid, wish(1, min_area=9)) for aid in range(1, 11)
        ]
        outcomes = run_draw(applicants, floor)
        self.assertEqual([o.applicant_id for o in outcomes if not o.waiting], [1, 2, 3])
        self.assertEqual(sorted(b for o in outcomes for b in o.booth_ids), [1, 2, 3])
        waiting = [o for o in outcomes if o.waiting]
        self.assertEqual(len(waiting), 7)
        self.assertEqual([o.notes[-1] for o in waiting], [("floor_full", {})] * 7)
        self.assertEqual([o.position for o in waiting], list(range(4, 11)))

    def test_rerun_keeps_what_is_held(self):
        floor = [booth(2, 9), booth(3, 9)]
        held = Applicant(1, 5.0, None, datetime(2026, 1, 1), (named(1, 1),), holds=(1,))
        outcomes = by_applicant(
            run_draw(
                [
                    held,
                    applicant(2, 10, named(1, 1), named(2, 2)),
                    applicant(3, 1, named(1, 3)),
                ],
                floor,
            )
        )
        self.assertEqual(outcomes[1].booth_ids, (1,))
        self.assertEqual(outcomes[1].notes, (("served", {"booths": [1]}),))
        self.assertEqual(outcomes[1].position, 2)
        # the newcomer with more points comes first but booth 1 is held already
        self.assertEqual(outcomes[2].position, 1)
        self.assertEqual(outcomes[2].booth_ids, (2,))
        self.assertEqual(outcomes[2].notes[0][1]["positions"], [2])
        self.assertEqual(outcomes[3].booth_ids, (3,))


class TestOffers(BaseCase):
    def test_released_booth_goes_to_the_first_waiting_applicant_it_fits(self):
        free = [booth(1, 9), booth(2, 18, HALL_2), booth(3, 9)]
        waiting = [
            applicant(10, 50, wish(1, HALL_2)),
            applicant(11, 40, named(1, 9), wish(2, HALL_1, min_area=9)),
            applicant(12, 60, wish(1, HALL_1, min_area=12)),
        ]
        # booth 3 was free all along: only the released booth 1 is offered
        outcomes = offer_released(waiting, free, [1])
        self.assertEqual(len(outcomes), 1)
        self.assertEqual(outcomes[0].applicant_id, 11)
        self.assertEqual(outcomes[0].booth_ids, (1,))
        self.assertEqual(outcomes[0].rank, 2)
        self.assertEqual(
            outcomes[0].notes, (("offered", {"rank": 2, "booths": [1], "area": 9}),)
        )

    def test_several_released_booths(self):
        free = [booth(1, 9, row="A", position=1), booth(2, 9, row="A", position=2)]
        waiting = [
            applicant(1, 30, wish(1, min_area=18)),
            applicant(2, 20, wish(1, min_area=9)),
        ]
        # both released: the first applicant takes both as one stand
        outcomes = offer_released(waiting, free, [1, 2])
        self.assertEqual(
            [(o.applicant_id, o.booth_ids) for o in outcomes], [(1, (1, 2))]
        )
        # one released, its neighbour free already: the joined stand holds it
        outcomes = offer_released(waiting, free, [2])
        self.assertEqual(outcomes[0].booth_ids, (1, 2))

    def test_nothing_fits(self):
        outcomes = offer_released(
            [applicant(1, 10, wish(1, HALL_2))], [booth(1, 9)], [1]
        )
        self.assertEqual(outcomes, [])

    def test_released_booth_not_free(self):
        outcomes = offer_released([applicant(1, 10, wish(1))], [booth(1, 9)], [5])
        self.assertEqual(outcomes, [])


class TestRandomFloors(BaseCase):
    """On random floors, the draw never gives a booth twice, gives only free booths,
    meets the highest preference it can at each applicant's turn and picks the
    best fit of a wish (checked by brute force)."""

    def _floor(self, rng):
        booths = []
        for booth_id in range(1, rng.randint(0, 16) + 1):
            booths.append(
                booth(
                    booth_id,
                    rng.choice((9, 12, 18, 36)),
                    rng.choice((HALL_1, HALL_2)),
                    rng.choice(("inline", "inline", "corner", "peninsula", "island")),
                    rng.choice(("A", "B")),
                    booth_id,
                )
            )
        return booths

    def _preference(self, rng, rank, booth_ids):
        if booth_ids and rng.random() < 0.5:
            return named(
                rank, *rng.sample(booth_ids, rng.randint(1, min(2, len(booth_ids))))
            )
        return wish(
            rank,
            rng.choice((None, HALL_1, HALL_2)),
            rng.choice((None, "inline", "corner")),
            rng.choice((0, 9, 18, 27)),
        )

    def _stands(self, free_booths, preference):
        """Every stand meeting the preference: the named booths, or a single booth
        or a run of adjacent booths for a wish."""
        by_id = {b.id: b for b in free_booths}
        if preference.booth_ids:
            if all(bid in by_id for bid in preference.booth_ids):
                yield tuple(dict.fromkeys(preference.booth_ids))
            return
        for candidate in free_booths:
            if fits_wish([candidate], preference):
                yield (candidate.id,)
        if preference.min_area <= 0:
            return
        for hall, row in itertools.product((HALL_1, HALL_2), ("A", "B")):
            line = sorted(
                (b for b in free_booths if b.hall_id == hall and b.row == row),
                key=lambda b: b.position,
            )
            for start, end in itertools.combinations(range(len(line) + 1), 2):
                run = line[start:end]
                if len(run) < 2 or any(
                    b2.position != b1.position + 1 for b1, b2 in itertools.pairwise(run)
                ):
                    continue
                if fits_wish(run, preference):
                    yield tuple(b.id for b in run)

    def test_invariants(self):
        rng = random.Random(16)
        for _attempt in range(300):
            floor = self._floor(rng)
            booth_ids = [b.id for b in floor]
            applicants = [
                applicant(
                    aid,
                    rng.choice((0, 10, 20)),
                    *(
                        self._preference(rng, rank, booth_ids + [99])
                        for rank in range(1, rng.randint(0, 5) + 1)
                    ),
                    signed=rng.choice((None, date(2026, 1, rng.randint(1, 3)))),
                )
                for aid in range(1, rng.randint(1, 12) + 1)
            ]
            outcomes = run_draw(applicants, floor)
            given = [bid for outcome in outcomes for bid in outcome.booth_ids]
            self.assertEqual(len(given), len(set(given)), "a booth given twice")
            self.assertLessEqual(set(given), set(booth_ids))
            self.assertEqual(
                [o.applicant_id for o in outcomes],
                [a.id for a in draw_order(applicants)],
            )
            # replay: at each turn the outcome is the first preference with a stand
            free = {b.id: b for b in floor}
            by_id = {a.id: a for a in applicants}
            for outcome in outcomes:
                preferences = sorted(
                    by_id[outcome.applicant_id].preferences, key=lambda p: p.rank
                )
                expected_rank = None
                for preference in preferences:
                    stands = list(self._stands(list(free.values()), preference))
                    if stands:
                        expected_rank = preference.rank
                        singles = [s for s in stands if len(s) == 1]
                        if preference.booth_ids:
                            self.assertEqual(outcome.booth_ids, stands[0])
                        elif singles:
                            best = min(free[s[0]].area for s in singles)
                            self.assertEqual(len(outcome.booth_ids), 1)
                            self.assertEqual(free[outcome.booth_ids[0]].area, best)
                        else:
                            best = min(sum(free[b].area for b in s) for s in stands)
                            self.assertAlmostEqual(
                                sum(free[b].area for b in outcome.booth_ids), best
                            )
                        break
                self.assertEqual(outcome.rank, expected_rank)
                for bid in outcome.booth_ids:
                    free.pop(bid)

    def test_floor_index_take_and_give_back(self):
        floor = FreeFloor([booth(1, 9), booth(2, 9), booth(3, 12)])
        floor.take([1, 3])
        self.assertEqual(floor.best_fit(wish(1, min_area=9)), (2,))
        floor.take([2])
        self.assertIsNone(floor.best_fit(wish(1)))
        floor.give_back([3])
        self.assertEqual(floor.best_fit(wish(1, min_area=10)), (3,))
