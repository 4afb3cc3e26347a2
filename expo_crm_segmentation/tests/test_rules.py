# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.expo_crm.rules import nps as nps_rules

from .common import SegmentationCommon


@tagged("post_install", "-at_install")
class TestSegmentRules(SegmentationCommon):
    """The rules on constructed values, one by one."""

    # quintiles
    def test_quintiles_distinct_values(self):
        scores = self.engine._quintile_scores({key: key * 10 for key in range(1, 11)})
        self.assertEqual(
            [scores[key] for key in range(1, 11)], [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
        )

    def test_quintiles_lower_is_better(self):
        scores = self.engine._quintile_scores(
            {"a": 0, "b": 1, "c": 2, "d": 3, "e": 4}, higher_is_better=False
        )
        self.assertEqual(scores, {"a": 5, "b": 4, "c": 3, "d": 2, "e": 1})

    def test_quintiles_ties_share_a_score(self):
        scores = self.engine._quintile_scores(
            {"a": 100, "b": 100, "c": 100, "d": 5, "e": 900}
        )
        self.assertEqual(scores["a"], scores["b"])
        self.assertEqual(scores["b"], scores["c"])
        self.assertEqual(scores, {"a": 3, "b": 3, "c": 3, "d": 1, "e": 5})

    def test_quintiles_single_and_all_equal(self):
        self.assertEqual(self.engine._quintile_scores({"alone": 42.0}), {"alone": 3})
        self.assertEqual(
            self.engine._quintile_scores(dict.fromkeys("abcdefg", 7)),
            dict.fromkeys("abcdefg", 3),
        )
        self.assertEqual(self.engine._quintile_scores({}), {})

    # Pareto
    def test_pareto_exactly_at_80_percent(self):
        """40 + 40 make exactly 80 %: A is those two; the next is B."""
        classes = self.engine._pareto_classes({"a": 40, "b": 40, "c": 20}, 80, 95)
        self.assertEqual(classes, {"a": "a", "b": "a", "c": "b"})
        classes = self.engine._pareto_classes({"a": 80, "b": 15, "c": 5}, 80, 95)
        self.assertEqual(classes, {"a": "a", "b": "b", "c": "c"})

    def test_pareto_just_below_80_percent(self):
        """79.99 % is not enough: the next customer joins class A."""
        classes = self.engine._pareto_classes({"a": 7999, "b": 1501, "c": 500}, 80, 95)
        self.assertEqual(classes, {"a": "a", "b": "a", "c": "c"})

    def test_pareto_ties_and_no_value(self):
        classes = self.engine._pareto_classes(
            {"a": 50, "b": 25, "c": 25, "d": 0, "e": -10}, 80, 95
        )
        self.assertEqual(classes, {"a": "a", "b": "a", "c": "a", "d": "c", "e": "c"})
        self.assertEqual(self.engine._pareto_classes({"a": 0, "b": 0}, 80, 95), {})
        self.assertEqual(self.engine._pareto_classes({}, 80, 95), {})
        self.assertEqual(self.engine._pareto_classes({"a": 10}, 80, 95), {"a": "a"})

    # value tier
    def test_value_tier(self):
        tier = self.engine._value_tier
        company = self.company
        self.assertFalse(tier(company, False, 3, "trust", 100))
        self.assertEqual(tier(company, "a", 2, "trust", 100), "strategic")
        self.assertEqual(tier(company, "a", 1, "trust", 100), "key")
        self.assertEqual(tier(company, "a", 3, "weakening", 100), "key")
        self.assertEqual(tier(company, "b", 3, "trust", 100), "key")
        self.assertEqual(tier(company, "b", 3, "disappearance", 100), "transactional")
        self.assertEqual(tier(company, "c", 3, "trust", 100), "transactional")
        self.assertEqual(tier(company, "a", 3, "trust", -0.01), "risk")
        company.expo_seg_risk_profit_limit = 500
        self.assertEqual(tier(company, "a", 3, "trust", 499), "risk")
        company.expo_seg_strategic_min_editions = 4
        self.assertEqual(tier(company, "a", 3, "trust", 600), "key")

    # Dick & Basu, Reinartz & Kumar, Brandt
    def _feedback(self, satisfaction=None, nps=None, rebook=False, recommend=False):
        category = nps_rules.category(False if nps is None else nps)
        return {
            "satisfaction": satisfaction,
            "nps": nps,
            "nps_category": category,
            "intent_rebook": rebook,
            "intent_recommend": recommend,
        }

    def test_loyalty_segment(self):
        loyalty = self.engine._loyalty_segment
        company = self.company
        happy = self._feedback(satisfaction=85, nps=9, rebook="yes")
        unhappy = self._feedback(satisfaction=85, nps=5)
        self.assertEqual(loyalty(company, happy, True), "loyal")
        self.assertEqual(loyalty(company, happy, False), "latent")
        self.assertEqual(loyalty(company, unhappy, True), "spurious")
        self.assertEqual(loyalty(company, unhappy, False), "none")
        self.assertEqual(
            loyalty(company, self._feedback(recommend="no"), True), "spurious"
        )
        # no feedback at all, or a feedback without any signal: unknown
        self.assertFalse(loyalty(company, None, True))
        self.assertFalse(loyalty(company, self._feedback(), True))

    def test_repeat_patronage(self):
        self.assertTrue(self.engine._repeat_patronage(self.company, 2, False))
        self.assertFalse(self.engine._repeat_patronage(self.company, 1, False))
        self.assertTrue(self.engine._repeat_patronage(self.company, 1, True))

    def test_profit_loyalty_segment(self):
        segment = self.engine._profit_loyalty_segment
        self.assertEqual(segment(self.company, True, 10), "true_friend")
        self.assertEqual(segment(self.company, False, 10), "butterfly")
        self.assertEqual(segment(self.company, True, 0), "barnacle")
        self.assertEqual(segment(self.company, False, -5), "stranger")

    def test_satisfaction_segment(self):
        segment = self.engine._satisfaction_segment
        company = self.company
        feedback = self._feedback
        self.assertEqual(
            segment(company, feedback(90, rebook="yes", recommend="yes")), "secure"
        )
        self.assertEqual(
            segment(company, feedback(70, rebook="yes", recommend="maybe")), "satisfied"
        )
        # NPS stands in for the intent to recommend: a promoter will recommend
        self.assertEqual(segment(company, feedback(90, nps=10, rebook="yes")), "secure")
        self.assertEqual(
            segment(company, feedback(90, rebook="maybe", recommend="yes")),
            "vulnerable",
        )
        self.assertEqual(
            segment(company, feedback(50, rebook="yes", recommend="no")), "vulnerable"
        )
        self.assertEqual(
            segment(company, feedback(65, rebook="no", recommend="maybe")),
            "dissatisfied",
        )
        self.assertEqual(
            segment(company, feedback(30, rebook="yes", recommend="yes")),
            "dissatisfied",
        )
        # missing satisfaction, intent to rebook, or any recommendation: unknown
        self.assertFalse(segment(company, feedback(rebook="yes", recommend="yes")))
        self.assertFalse(segment(company, feedback(90, recommend="yes")))
        self.assertFalse(segment(company, feedback(90, rebook="yes")))
        self.assertFalse(segment(company, None))

    def test_knox_diamond(self):
        partner = self._customer("Knox Gallery")
        self.assertFalse(partner.expo_knox_segment)
        partner.write({"expo_involvement": "high", "expo_competing_show_count": 0})
        self.assertEqual(partner.expo_knox_segment, "loyal")
        partner.expo_competing_show_count = 3
        self.assertEqual(partner.expo_knox_segment, "multi_brand")
        partner.expo_involvement = "low"
        self.assertEqual(partner.expo_knox_segment, "switcher")
        partner.expo_competing_show_count = 1
        self.assertEqual(partner.expo_knox_segment, "habitual")
        self.company.expo_seg_knox_many_shows = 1
        self.assertEqual(partner.expo_knox_segment, "switcher")
        partner.expo_involvement = False
        self.assertFalse(partner.expo_knox_segment)
        with self.assertRaises(ValidationError):
            partner.expo_competing_show_count = -1

    def test_value_strategy_shown(self):
        partner = self._customer("Strategy Gallery")
        self.assertFalse(partner.expo_value_strategy)
        partner.expo_value_tier = "risk"
        self.assertEqual(partner.expo_value_strategy, "Refuse service, end contact")
        self.assertEqual(partner.expo_value_resources, "With great care")
        partner.expo_value_tier = "key"
        self.assertEqual(
            partner.expo_value_strategy, "Long-term, stable, learning relationship"
        )
        self.assertEqual(partner.expo_value_resources, "More")

    def test_settings_constraints(self):
        with self.assertRaises(ValidationError):
            self.company.expo_seg_pareto_a_pct = 96
        with self.assertRaises(ValidationError):
            self.company.expo_seg_satisfied_min_satisfaction = 90
        with self.assertRaises(ValidationError):
            self.company.expo_seg_rfm_window = 0
        with self.assertRaises(ValidationError):
            self.company.expo_seg_churn_drop_pct = 0
