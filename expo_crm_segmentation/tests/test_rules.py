# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The ranking and value rules at their edges (RFM quintiles, Pareto classes,
value tiers), on constructed figures, and the rules' examples, without a
database."""

from dataclasses import replace

from odoo.tests import BaseCase

from odoo.addons.expo_crm.rules.money import Currency
from odoo.addons.expo_crm.tests.doctests import run_doctests

from .. import rules
from ..rules.pareto import pareto_class, pareto_classes, pareto_cutoffs
from ..rules.ranking import bounds, rank
from ..rules.rfm import Figures, quintile_bounds, quintile_score
from ..rules.rounding import compare
from ..rules.settings import COMPANY_FIELDS, SegmentationRules
from ..rules.value_tier import value_tier
from .rule_facts import RULES


def quintile_scores(values, higher_is_better=True):
    """{key: score} of ``values`` ({key: figure}) ranked among themselves."""
    limits = quintile_bounds(values.values(), higher_is_better)
    return {
        key: quintile_score(value, limits, higher_is_better)
        for key, value in values.items()
    }


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


class TestSharedRulesAgree(BaseCase):
    """The few rules the segmentation keeps a copy of (its rules package imports
    nothing from Odoo, so not expo_crm's through odoo.addons) agree with expo_crm's."""

    def test_rounding_drop_and_recommend_intent_agree(self):
        from odoo.addons.expo_crm.rules import drop, money, nps

        from ..rules import churn, feedback, rounding

        for step in (0.01, 0.05, 1.0, 0.001):
            for amount in (2.675, -2.5, 1.005, 0.004, 1234.5, 0.0, 99.995):
                self.assertEqual(
                    rounding.Step(step).round(amount),
                    money.Currency(step).round(amount),
                    (step, amount),
                )
        for before, after in ((100, 70), (0, 10), (50, 60), (-5, -10), (3, 0)):
            self.assertEqual(
                churn.drop_percent(before, after), drop.drop_percent(before, after)
            )
        for category in ("promoter", "passive", "detractor", False):
            self.assertEqual(
                feedback.recommend(feedback.Feedback(nps_category=category)),
                nps.recommend_intent(category),
            )
