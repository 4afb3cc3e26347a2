# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The segmentation rules at their edges, on constructed figures and feedback,
without a database."""

from dataclasses import replace
from datetime import date, datetime

from odoo.tests import BaseCase

from odoo.addons.expo_crm.rules import nps
from odoo.addons.expo_crm.rules.money import Currency
from odoo.addons.expo_crm.tests.doctests import run_doctests

from .. import rules
from ..rules.churn import (
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
from ..rules.feedback import Feedback
from ..rules.knox import knox_segment
from ..rules.loyalty import attitude, loyalty_segment, repeat_patronage
from ..rules.pareto import pareto_class, pareto_classes, pareto_cutoffs
from ..rules.profit_loyalty import profit_loyalty_segment
from ..rules.ranking import bounds, rank
from ..rules.rfm import Figures, quintile_bounds, quintile_score
from ..rules.rounding import compare
from ..rules.satisfaction import satisfaction_segment
from ..rules.settings import COMPANY_FIELDS, SegmentationRules
from ..rules.value_tier import value_tier

RULES = SegmentationRules(currency_id=1)
NOW = datetime(2026, 6, 1, 12, 0)


def quintile_scores(values, higher_is_better=True):
    """{key: score} of ``values`` ({key: figure}) ranked among themselves."""
    limits = quintile_bounds(values.values(), higher_is_better)
    return {
        key: quintile_score(value, limits, higher_is_better)
        for key, value in values.items()
    }


def feedback(satisfaction=None, nps_score=None, rebook=False, recommend=False):
    return Feedback(
        satisfaction=satisfaction,
        nps=nps_score,
        nps_category=nps.category(nps_score),
        intent_rebook=rebook,
        intent_recommend=recommend,
    )


class TestDoctests(BaseCase):
    def test_examples_in_the_rules_hold(self):
        self.assertEqual(run_doctests(rules), 0)


class TestSettings(BaseCase):
    def test_every_setting_fills_an_attribute(self):
        attributes = set(SegmentationRules.__slots__)
        self.assertLessEqual(set(COMPANY_FIELDS.values()), attributes)
        self.assertEqual(
            attributes - set(COMPANY_FIELDS.values()), {"currency", "currency_id"}
        )
        self.assertTrue(all(fname.startswith("expo_seg_") for fname in COMPANY_FIELDS))


class TestRounding(BaseCase):
    def test_compare_at_a_step(self):
        self.assertEqual(compare(1.0, 1.0, 0.01), 0)
        self.assertEqual(compare(1.004, 1.0, 0.01), 0)
        self.assertEqual(compare(1.005, 1.0, 0.01), 1)
        self.assertEqual(compare(0.994, 1.0, 0.01), -1)
        self.assertEqual(compare(10.0, 1.0, 0.01), 1)
        self.assertEqual(compare(-10.0, 1.0, 0.01), -1)
        self.assertEqual(compare(1.4, 1.0, 1.0), 0)


class TestQuintiles(BaseCase):
    def test_distinct_values(self):
        scores = quintile_scores({key: key * 10 for key in range(1, 11)})
        self.assertEqual(
            [scores[key] for key in range(1, 11)], [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
        )

    def test_five_customers_score_one_to_five(self):
        scores = quintile_scores({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5})
        self.assertEqual(scores, {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5})

    def test_lower_is_better(self):
        scores = quintile_scores(
            {"a": 0, "b": 1, "c": 2, "d": 3, "e": 4}, higher_is_better=False
        )
        self.assertEqual(scores, {"a": 5, "b": 4, "c": 3, "d": 2, "e": 1})

    def test_ties_share_a_score(self):
        scores = quintile_scores({"a": 100, "b": 100, "c": 100, "d": 5, "e": 900})
        self.assertEqual(scores, {"a": 3, "b": 3, "c": 3, "d": 1, "e": 5})
        scores = quintile_scores({"a": 0, "b": 0, "c": 3}, higher_is_better=False)
        self.assertEqual(scores, {"a": 4, "b": 4, "c": 1})

    def test_fewer_than_five_customers(self):
        self.assertEqual(quintile_scores({"a": 1, "b": 2}), {"a": 2, "b": 4})
        self.assertEqual(
            quintile_scores({"a": 1, "b": 2, "c": 3}), {"a": 1, "b": 3, "c": 5}
        )
        self.assertEqual(
            quintile_scores({"a": 1, "b": 2, "c": 3, "d": 4}),
            {"a": 1, "b": 2, "c": 4, "d": 5},
        )

    def test_single_and_all_equal_score_the_middle(self):
        self.assertEqual(quintile_scores({"alone": 42.0}), {"alone": 3})
        self.assertEqual(
            quintile_scores(dict.fromkeys("abcdefg", 7)), dict.fromkeys("abcdefg", 3)
        )
        self.assertEqual(quintile_bounds([42.0]), [42.0, 42.0, None, None])

    def test_empty_population(self):
        self.assertEqual(quintile_scores({}), {})
        self.assertEqual(quintile_bounds([]), [None] * 4)
        # nobody reaches any bound: the lowest score
        self.assertEqual(quintile_score(10, [None] * 4), 1)

    def test_without_bounds_the_middle(self):
        self.assertEqual(quintile_score(10, None), 3)
        self.assertEqual(quintile_score(10, None, higher_is_better=False), 3)

    def test_a_value_between_bounds(self):
        limits = quintile_bounds([10, 20, 30, 40, 50])
        self.assertEqual(limits, [20, 30, 40, 50])
        self.assertEqual(quintile_score(19.99, limits), 1)
        self.assertEqual(quintile_score(20, limits), 2)
        self.assertEqual(quintile_score(45, limits), 4)
        self.assertEqual(quintile_score(1000, limits), 5)


class TestPareto(BaseCase):
    def test_exactly_at_the_a_share(self):
        """40 + 40 make exactly 80 %: A is those two; the next is B."""
        classes = pareto_classes({"a": 40, "b": 40, "c": 20}, 80, 95)
        self.assertEqual(classes, {"a": "a", "b": "a", "c": "b"})
        classes = pareto_classes({"a": 80, "b": 15, "c": 5}, 80, 95)
        self.assertEqual(classes, {"a": "a", "b": "b", "c": "c"})

    def test_exactly_at_the_b_share(self):
        """80 + 15 make exactly 95 %: the last 5 % is C."""
        classes = pareto_classes({"a": 80, "b": 10, "c": 5, "d": 5}, 80, 95)
        self.assertEqual(classes, {"a": "a", "b": "b", "c": "b", "d": "b"})
        classes = pareto_classes({"a": 80, "b": 15, "c": 3, "d": 2}, 80, 95)
        self.assertEqual(classes, {"a": "a", "b": "b", "c": "c", "d": "c"})

    def test_just_below_the_a_share(self):
        """79.99 % is not enough: the next customer joins class A."""
        classes = pareto_classes({"a": 7999, "b": 1501, "c": 500}, 80, 95)
        self.assertEqual(classes, {"a": "a", "b": "a", "c": "c"})

    def test_within_a_hundredth_of_a_percent_counts_as_reached(self):
        classes = pareto_classes({"a": 79.99995, "b": 20.00005}, 80, 95)
        self.assertEqual(classes, {"a": "a", "b": "b"})
        classes = pareto_classes({"a": 79.98, "b": 20.02}, 80, 95)
        self.assertEqual(classes, {"a": "a", "b": "a"})

    def test_ties_and_no_value(self):
        classes = pareto_classes({"a": 50, "b": 25, "c": 25, "d": 0, "e": -10}, 80, 95)
        self.assertEqual(classes, {"a": "a", "b": "a", "c": "a", "d": "c", "e": "c"})
        self.assertEqual(pareto_classes({"a": 0, "b": 0}, 80, 95), {})
        self.assertEqual(pareto_classes({"a": 0.004}, 80, 95), {})
        self.assertEqual(pareto_classes({}, 80, 95), {})
        self.assertEqual(pareto_classes({"a": 10}, 80, 95), {"a": "a"})

    def test_a_share_of_all(self):
        classes = pareto_classes({"a": 50, "b": 30, "c": 20}, 100, 100)
        self.assertEqual(classes, {"a": "a", "b": "a", "c": "a"})

    def test_cutoffs_class_as_the_population(self):
        values = {"a": 50, "b": 25, "c": 15, "d": 10, "e": 0}
        cutoffs = pareto_cutoffs(values, 80, 95)
        classes = pareto_classes(values, 80, 95)
        self.assertEqual(cutoffs, [15, 10])
        self.assertEqual(
            {key: pareto_class(value, cutoffs) for key, value in values.items()},
            classes,
        )

    def test_cutoffs_of_a_class_nobody_is_in(self):
        self.assertEqual(pareto_cutoffs({"a": 10}, 80, 95), [10, 10])
        self.assertEqual(pareto_cutoffs({"a": 0}, 80, 95), {})
        self.assertEqual(pareto_class(5, [None, None]), "c")
        self.assertEqual(pareto_class(5, [10, None]), "c")
        self.assertEqual(pareto_class(5, [10, 5]), "b")
        self.assertFalse(pareto_class(5, None))

    def test_no_positive_value_is_c(self):
        self.assertEqual(pareto_class(0, [0, 0]), "c")
        self.assertEqual(pareto_class(-5, [-10, -10]), "c")


class TestRanking(BaseCase):
    def test_rank_among_the_population(self):
        population = {
            1: Figures(recency=0, frequency=3, monetary=900.0, value=900.0),
            2: Figures(recency=1, frequency=2, monetary=90.0, value=90.0),
            3: Figures(recency=2, frequency=1, monetary=10.0, value=10.0),
        }
        limits = bounds(RULES, population)
        best = rank(population[1], limits)
        self.assertEqual(
            (best.recency_score, best.frequency_score, best.monetary_score), (5, 5, 5)
        )
        self.assertEqual(best.cell, "555")
        self.assertEqual(best.pareto, "a")
        worst = rank(population[3], limits)
        self.assertEqual((worst.cell, worst.pareto), ("111", "c"))
        self.assertEqual(rank(population[2], limits).cell, "333")

    def test_unknown_to_the_population_scores_the_middle(self):
        ranked = rank(Figures(recency=4, frequency=1, monetary=5.0), None)
        self.assertEqual((ranked.cell, ranked.pareto), ("333", False))

    def test_empty_population(self):
        limits = bounds(RULES, {})
        self.assertEqual(limits["pareto"], {})
        ranked = rank(Figures(recency=0, frequency=1, monetary=5.0, value=5.0), limits)
        self.assertEqual((ranked.cell, ranked.pareto), ("111", False))


class TestValueTier(BaseCase):
    def test_each_tier(self):
        self.assertFalse(value_tier(RULES, False, 3, "trust", 100))
        self.assertEqual(value_tier(RULES, "a", 2, "trust", 100), "strategic")
        self.assertEqual(value_tier(RULES, "a", 1, "trust", 100), "key")
        self.assertEqual(value_tier(RULES, "a", 3, "weakening", 100), "key")
        self.assertEqual(
            value_tier(RULES, "a", 3, "disappearance", 100), "transactional"
        )
        self.assertEqual(value_tier(RULES, "b", 3, "trust", 100), "key")
        self.assertEqual(value_tier(RULES, "b", 3, "weakening", 100), "key")
        self.assertEqual(
            value_tier(RULES, "b", 3, "disappearance", 100), "transactional"
        )
        self.assertEqual(value_tier(RULES, "c", 3, "trust", 100), "transactional")
        self.assertEqual(value_tier(RULES, "a", 3, False, 100), "strategic")

    def test_risk_below_the_profit_limit(self):
        self.assertEqual(value_tier(RULES, "a", 3, "trust", -0.01), "risk")
        self.assertEqual(value_tier(RULES, "c", 0, "trust", -0.01), "risk")
        self.assertEqual(value_tier(RULES, "a", 3, "trust", 0.0), "strategic")
        # below by less than the currency's step is not below
        self.assertEqual(value_tier(RULES, "a", 3, "trust", -0.004), "strategic")
        limited = replace(RULES, risk_profit_limit=500)
        self.assertEqual(value_tier(limited, "a", 3, "trust", 499), "risk")
        self.assertEqual(value_tier(limited, "a", 3, "trust", 500), "strategic")
        whole = replace(limited, currency=Currency(1.0))
        self.assertEqual(value_tier(whole, "a", 3, "trust", 499.6), "strategic")

    def test_strategic_minimum_editions(self):
        rules = replace(RULES, strategic_min_editions=4)
        self.assertEqual(value_tier(rules, "a", 3, "trust", 600), "key")
        self.assertEqual(value_tier(rules, "a", 4, "trust", 600), "strategic")


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
