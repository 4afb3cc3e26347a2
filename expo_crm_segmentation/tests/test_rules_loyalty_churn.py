# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The loyalty, satisfaction, Knox and churn rules at their edges, on constructed
feedback and facts, without a database."""

from dataclasses import fields, replace
from datetime import date, datetime

from odoo.tests import BaseCase

from ..rules.churn import (
    DROP_FIELDS,
    ChurnFacts,
    Drop,
    EditionTotals,
    UpcomingEdition,
    churn_reasons,
    not_rebooked,
    overdue_limit,
    rebook_limit,
    series_drop,
)
from ..rules.knox import knox_segment
from ..rules.loyalty import attitude, loyalty_segment, repeat_patronage
from ..rules.profit_loyalty import profit_loyalty_segment
from ..rules.satisfaction import satisfaction_segment
from .rule_facts import NOW, RULES, feedback


class TestLoyalty(BaseCase):
    """Dick & Basu."""

    def test_each_cell(self):
        happy = feedback(satisfaction=85, nps_score=9, rebook="yes")
        unhappy = feedback(satisfaction=85, nps_score=5)
        self.assertEqual(loyalty_segment(RULES, happy, True), "loyal")
        self.assertEqual(loyalty_segment(RULES, happy, False), "latent")
        self.assertEqual(loyalty_segment(RULES, unhappy, True), "spurious")
        self.assertEqual(loyalty_segment(RULES, unhappy, False), "none")

    def test_unknown_attitude(self):
        self.assertFalse(loyalty_segment(RULES, None, True))
        self.assertFalse(loyalty_segment(RULES, feedback(), True))
        self.assertIsNone(attitude(RULES, feedback()))

    def test_each_signal(self):
        self.assertTrue(attitude(RULES, feedback(satisfaction=70)))
        self.assertFalse(attitude(RULES, feedback(satisfaction=69.9)))
        self.assertTrue(attitude(RULES, feedback(nps_score=7)))
        self.assertFalse(attitude(RULES, feedback(nps_score=6)))
        self.assertTrue(attitude(RULES, feedback(rebook="maybe")))
        self.assertFalse(attitude(RULES, feedback(rebook="no")))
        self.assertFalse(attitude(RULES, feedback(recommend="no")))
        self.assertFalse(attitude(RULES, feedback(satisfaction=95, recommend="no")))
        self.assertEqual(
            loyalty_segment(RULES, feedback(recommend="no"), True), "spurious"
        )

    def test_repeat_patronage(self):
        self.assertTrue(repeat_patronage(RULES, 2, False))
        self.assertFalse(repeat_patronage(RULES, 1, False))
        self.assertTrue(repeat_patronage(RULES, 1, True))
        self.assertTrue(repeat_patronage(RULES, 0, True))
        self.assertFalse(
            repeat_patronage(replace(RULES, repeat_min_editions=3), 2, False)
        )


class TestProfitLoyalty(BaseCase):
    """Reinartz & Kumar."""

    def test_each_cell(self):
        self.assertEqual(profit_loyalty_segment(RULES, True, 10), "true_friend")
        self.assertEqual(profit_loyalty_segment(RULES, False, 10), "butterfly")
        self.assertEqual(profit_loyalty_segment(RULES, True, 0), "barnacle")
        self.assertEqual(profit_loyalty_segment(RULES, False, -5), "stranger")

    def test_profitable_above_the_threshold(self):
        self.assertEqual(profit_loyalty_segment(RULES, True, 0.01), "true_friend")
        self.assertEqual(profit_loyalty_segment(RULES, True, 0.004), "barnacle")
        rules = replace(RULES, profitable_min=1000)
        self.assertEqual(profit_loyalty_segment(rules, False, 1000), "stranger")
        self.assertEqual(profit_loyalty_segment(rules, False, 1000.01), "butterfly")


class TestSatisfaction(BaseCase):
    """Brandt."""

    def segment(self, *args, **kwargs):
        return satisfaction_segment(RULES, feedback(*args, **kwargs))

    def test_each_segment(self):
        self.assertEqual(self.segment(90, rebook="yes", recommend="yes"), "secure")
        self.assertEqual(self.segment(80, rebook="yes", recommend="yes"), "secure")
        self.assertEqual(self.segment(79, rebook="yes", recommend="yes"), "satisfied")
        self.assertEqual(self.segment(70, rebook="yes", recommend="maybe"), "satisfied")
        self.assertEqual(self.segment(60, rebook="yes", recommend="maybe"), "satisfied")
        self.assertEqual(
            self.segment(59, rebook="yes", recommend="maybe"), "vulnerable"
        )
        self.assertEqual(
            self.segment(90, rebook="maybe", recommend="yes"), "vulnerable"
        )
        self.assertEqual(self.segment(50, rebook="yes", recommend="no"), "vulnerable")
        self.assertEqual(self.segment(90, rebook="no", recommend="yes"), "vulnerable")
        self.assertEqual(
            self.segment(65, rebook="no", recommend="maybe"), "dissatisfied"
        )
        self.assertEqual(
            self.segment(30, rebook="yes", recommend="yes"), "dissatisfied"
        )
        self.assertEqual(self.segment(40, rebook="yes", recommend="yes"), "vulnerable")
        self.assertEqual(
            self.segment(39.9, rebook="yes", recommend="yes"), "dissatisfied"
        )

    def test_nps_stands_in_for_the_intent_to_recommend(self):
        self.assertEqual(self.segment(90, nps_score=10, rebook="yes"), "secure")
        self.assertEqual(self.segment(90, nps_score=8, rebook="yes"), "satisfied")
        self.assertEqual(self.segment(90, nps_score=3, rebook="yes"), "vulnerable")
        self.assertEqual(self.segment(90, nps_score=3, rebook="no"), "dissatisfied")
        # a said intent wins over the NPS answer
        self.assertEqual(
            self.segment(90, nps_score=3, rebook="yes", recommend="yes"), "secure"
        )

    def test_unknown_without_all_three(self):
        self.assertFalse(self.segment(rebook="yes", recommend="yes"))
        self.assertFalse(self.segment(90, recommend="yes"))
        self.assertFalse(self.segment(90, rebook="yes"))
        self.assertFalse(satisfaction_segment(RULES, None))
        # a satisfaction of 0 is known
        self.assertEqual(self.segment(0, rebook="yes", recommend="yes"), "dissatisfied")


class TestKnox(BaseCase):
    def test_each_cell(self):
        self.assertEqual(knox_segment(RULES, "high", 0), "loyal")
        self.assertEqual(knox_segment(RULES, "high", 1), "loyal")
        self.assertEqual(knox_segment(RULES, "high", 2), "multi_brand")
        self.assertEqual(knox_segment(RULES, "low", 1), "habitual")
        self.assertEqual(knox_segment(RULES, "low", 2), "switcher")
        self.assertFalse(knox_segment(RULES, False, 5))

    def test_many_shows_threshold(self):
        rules = replace(RULES, knox_many_shows=1)
        self.assertEqual(knox_segment(rules, "low", 1), "switcher")
        self.assertEqual(knox_segment(rules, "low", 0), "habitual")


class TestDrops(BaseCase):
    def test_between_the_last_two_editions(self):
        editions = [
            EditionTotals(datetime(2024, 3, 1), 1, 40.0, 4000.0),
            EditionTotals(datetime(2026, 3, 1), 3, 10.0, 3000.0),
            EditionTotals(datetime(2025, 3, 1), 2, 20.0, 2000.0),
        ]
        self.assertEqual(series_drop(7, editions), Drop(7, 50.0, 0.0))

    def test_fewer_than_two_editions(self):
        self.assertIsNone(series_drop(7, []))
        self.assertIsNone(
            series_drop(7, [EditionTotals(datetime(2026, 3, 1), 3, 10.0, 3000.0)])
        )

    def test_nothing_before(self):
        editions = [
            EditionTotals(datetime(2025, 3, 1), 2, 0.0, 0.0),
            EditionTotals(datetime(2026, 3, 1), 3, 0.0, 0.0),
        ]
        self.assertEqual(series_drop(7, editions), Drop(7, 0.0, 0.0))

    def test_totals_in_the_order_of_the_fields_read(self):
        # the reader builds EditionTotals from DROP_FIELDS' columns by position
        self.assertEqual(
            tuple(field.name for field in fields(EditionTotals))[2:], DROP_FIELDS
        )


class TestChurn(BaseCase):
    NEXT = UpcomingEdition(9, 7, datetime(2026, 7, 1, 9, 0))

    def test_not_at_risk(self):
        self.assertEqual(churn_reasons(RULES, ChurnFacts("trust")), [])
        self.assertEqual(churn_reasons(RULES, ChurnFacts()), [])
        facts = ChurnFacts("trust", feedback=feedback(nps_score=7))
        self.assertEqual(churn_reasons(RULES, facts), [])

    def test_weakening(self):
        self.assertEqual(
            churn_reasons(RULES, ChurnFacts("weakening")), [["weakening", {}]]
        )

    def test_detractor(self):
        facts = ChurnFacts("trust", feedback=feedback(nps_score=6))
        self.assertEqual(churn_reasons(RULES, facts), [["detractor", {}]])

    def test_space_and_spend_cut_at_the_threshold(self):
        facts = ChurnFacts(drops=(Drop(7, 30.0, 29.99), Drop(8, 10.0, 64.6)))
        self.assertEqual(
            churn_reasons(RULES, facts),
            [
                ["space_cut", {"percent": 30, "series": 7}],
                ["spend_cut", {"percent": 65, "series": 8}],
            ],
        )
        self.assertEqual(
            churn_reasons(replace(RULES, churn_drop_percent=70), facts), []
        )

    def test_not_rebooked(self):
        facts = ChurnFacts(not_rebooked=(self.NEXT,))
        self.assertEqual(
            churn_reasons(RULES, facts),
            [["not_rebooked", {"edition": 9, "date": "2026-07-01"}]],
        )

    def test_overdue(self):
        facts = ChurnFacts(overdue=300.0)
        self.assertEqual(
            churn_reasons(RULES, facts),
            [["overdue", {"amount": 300.0, "currency": 1}]],
        )
        self.assertEqual(churn_reasons(RULES, ChurnFacts(overdue=0.0))[0][0], "overdue")

    def test_every_reason_in_order(self):
        facts = ChurnFacts(
            "weakening",
            feedback=feedback(nps_score=0),
            drops=(Drop(7, 50.0, 50.0),),
            not_rebooked=(self.NEXT,),
            overdue=10.0,
        )
        self.assertEqual(
            [code for code, _params in churn_reasons(RULES, facts)],
            [
                "weakening",
                "detractor",
                "space_cut",
                "spend_cut",
                "not_rebooked",
                "overdue",
            ],
        )

    def test_which_next_editions_are_not_rebooked(self):
        upcoming = {7: self.NEXT, 8: UpcomingEdition(10, 8, datetime(2026, 12, 1))}
        limit = rebook_limit(RULES, NOW)
        self.assertEqual(limit, datetime(2026, 8, 30, 12, 0))
        # took part in the latest edition of both; only series 7 starts soon
        self.assertEqual(
            not_rebooked(upcoming, limit, {7: 0, 8: 0}, set()), [self.NEXT]
        )
        # booked, or not in the latest edition: not missing
        self.assertEqual(not_rebooked(upcoming, limit, {7: 0}, {9}), [])
        self.assertEqual(not_rebooked(upcoming, limit, {7: 1}, set()), [])
        # no next edition
        self.assertEqual(not_rebooked({}, limit, {7: 0}, set()), [])
        # starting exactly at the limit is within it
        at_limit = {7: replace(self.NEXT, date_begin=limit)}
        self.assertEqual(len(not_rebooked(at_limit, limit, {7: 0}, set())), 1)

    def test_overdue_limit(self):
        self.assertEqual(overdue_limit(RULES, date(2026, 6, 1)), date(2026, 5, 2))
        self.assertEqual(
            overdue_limit(replace(RULES, churn_overdue_days=0), date(2026, 6, 1)),
            date(2026, 6, 1),
        )
