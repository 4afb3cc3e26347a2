# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The lifecycle, priority-point, value, drop, money and NPS rules at their edges,
on constructed histories, without a database."""

from datetime import date, datetime

from odoo.tests import BaseCase

from .. import rules
from ..rules import nps
from ..rules.drop import drop_percent
from ..rules.history import Edition, EditionFacts, taken_editions, timeline
from ..rules.lifecycle import LifecycleRules, stage, streak
from ..rules.money import Currency
from ..rules.priority_points import PointsRules, points, ranked, stars
from ..rules.rebooking import (
    SKIP_REASONS,
    NextOpportunity,
    Participant,
    plan,
    skip_reasons,
)
from ..rules.value import (
    RelationshipSummary,
    ValueRules,
    economic_value,
    partner_summary,
    relationship_profit,
)
from .doctests import run_doctests

NOW = datetime(2026, 6, 1)
SERIES = 7


def editions(*years):
    """One edition a year, opening on 1 March."""
    return [Edition(year, f"Fair {year}", datetime(year, 3, 1)) for year in years]


def took_part(space=20.0, invoiced=10000.0, **values):
    return EditionFacts(
        taken_part=True,
        space_sqm=space,
        amount_invoiced=invoiced,
        ranked=True,
        ranked_space_sqm=space,
        **values,
    )


def history(years, facts, now=NOW):
    return timeline(editions(*years), now), facts


DEFAULTS = LifecycleRules()


def stage_of(years, facts, rules=DEFAULTS, now=NOW):
    line, facts = history(years, facts, now)
    return stage(rules, SERIES, line, facts)


class TestDoctests(BaseCase):
    def test_examples_in_the_rules_hold(self):
        self.assertEqual(run_doctests(rules), 0)


class TestLifecycle(BaseCase):
    YEARS = (2022, 2023, 2024, 2025, 2026)

    def test_never_taken_part_is_cultivation(self):
        result = stage_of(self.YEARS, {})
        self.assertEqual(result.stage, "cultivation")
        self.assertEqual(result.reasons, [["no_participation", {"series": SERIES}]])
        self.assertEqual(stage_of((), {}).stage, "cultivation", "a series not held")

    def test_cancelled_participation_is_not_taking_part(self):
        result = stage_of(self.YEARS, {2026: EditionFacts(space_sqm=20.0)})
        self.assertEqual(result.stage, "cultivation")

    def test_once_in_the_latest_edition_is_confirmation(self):
        result = stage_of(self.YEARS, {2026: took_part()})
        self.assertEqual(result.stage, "confirmation")
        self.assertEqual(
            result.reasons,
            [["confirmation", {"count": 1, "needed": 2, "edition": 2026}]],
        )

    def test_trust_takes_exactly_the_minimum_in_a_row(self):
        facts = {2025: took_part(), 2026: took_part()}
        self.assertEqual(stage_of(self.YEARS, facts).stage, "trust")
        three = LifecycleRules(trust_min_editions=3)
        self.assertEqual(stage_of(self.YEARS, facts, three).stage, "confirmation")

    def test_skipping_the_latest_edition_weakens(self):
        result = stage_of(self.YEARS, {2024: took_part(), 2025: took_part()})
        self.assertEqual(result.stage, "weakening")
        self.assertEqual(result.reasons, [["skipped", {"edition": 2026}]])

    def test_absent_from_enough_latest_editions_disappears(self):
        result = stage_of(self.YEARS, {2024: took_part()})
        self.assertEqual(result.stage, "disappearance")
        self.assertEqual(result.reasons, [["absent", {"count": 2, "edition": 2024}]])
        patient = LifecycleRules(disappearance_missed_editions=3)
        self.assertEqual(
            stage_of(self.YEARS, {2024: took_part()}, patient).stage, "weakening"
        )

    def test_an_upcoming_edition_not_booked_is_never_missed(self):
        # 2026 opens after NOW: only 2025 has been held since
        result = stage_of(
            self.YEARS, {2024: took_part(), 2025: took_part()}, now=datetime(2026, 1, 1)
        )
        self.assertEqual(result.stage, "trust")

    def test_space_cut_at_the_threshold_weakens(self):
        facts = {2025: took_part(space=100.0), 2026: took_part(space=70.0)}
        result = stage_of(self.YEARS, facts)
        self.assertEqual(result.stage, "weakening")
        self.assertEqual(
            result.reasons,
            [["space_cut", {"percent": 30, "edition": 2026, "previous": 2025}]],
        )
        facts[2026] = took_part(space=70.5)
        self.assertEqual(stage_of(self.YEARS, facts).stage, "trust", "29.5 % is not 30")

    def test_spend_cut_weakens_and_space_growth_does_not(self):
        facts = {
            2025: took_part(space=20.0, invoiced=10000.0),
            2026: took_part(space=40.0, invoiced=5000.0),
        }
        result = stage_of(self.YEARS, facts)
        self.assertEqual(
            result.reasons,
            [["spend_cut", {"percent": 50, "edition": 2026, "previous": 2025}]],
        )

    def test_detractor_weakens_only_when_the_company_says_so(self):
        facts = {2025: took_part(), 2026: took_part(detractor=True)}
        self.assertEqual(stage_of(self.YEARS, facts).stage, "weakening")
        lenient = LifecycleRules(weakening_on_detractor=False)
        self.assertEqual(stage_of(self.YEARS, facts, lenient).stage, "trust")

    def test_lost_then_back_is_won_back_and_starts_a_new_run(self):
        facts = {2022: took_part(), 2023: took_part(), 2026: took_part()}
        result = stage_of(self.YEARS, facts)
        self.assertEqual(result.stage, "confirmation", "the run restarts at 2026")
        self.assertTrue(result.won_back)
        self.assertEqual(result.reasons[-1], ["won_back", {"edition": 2026}])

    def test_one_missed_edition_does_not_lose_the_customer(self):
        facts = {2023: took_part(), 2025: took_part(), 2026: took_part()}
        result = stage_of(self.YEARS, facts)
        self.assertEqual(result.stage, "trust")
        self.assertFalse(result.won_back)

    def test_streak_counts_back_from_the_latest_started_edition(self):
        line, facts = history(
            self.YEARS, {2024: took_part(), 2025: took_part(), 2026: took_part()}
        )
        self.assertEqual(streak(line, facts), 3)
        line, facts = history(self.YEARS, {2024: took_part(), 2025: took_part()})
        self.assertEqual(streak(line, facts), 0, "the latest edition was skipped")
        before = timeline(editions(2030, 2031), NOW)
        self.assertEqual(streak(before, {2031: took_part()}), 1)
        self.assertEqual(streak(timeline([], NOW), {}), 0)

    def test_taken_editions_oldest_first(self):
        line, facts = history(self.YEARS, {2026: took_part(), 2023: took_part()})
        self.assertEqual([e.id for e in taken_editions(line, facts)], [2023, 2026])


class TestPriorityPoints(BaseCase):
    YEARS = (2021, 2022, 2023, 2024, 2025, 2026)

    def test_points_per_edition_space_and_sponsorship(self):
        line, facts = history(
            self.YEARS,
            {2025: took_part(space=30.0, amount_sponsorship=2500.0), 2026: took_part()},
        )
        # 2 editions x 10 + 20 m² of the latest x 1 + 2,500 / 1,000 x 1
        self.assertEqual(points(PointsRules(), line, facts), 42.5)

    def test_points_expire_outside_the_window(self):
        line, facts = history(self.YEARS, {2021: took_part(space=0.0)})
        self.assertEqual(points(PointsRules(expiry_editions=5), line, facts), 0.0)
        self.assertEqual(points(PointsRules(expiry_editions=6), line, facts), 10.0)

    def test_only_ranked_roles_earn(self):
        supplier = EditionFacts(taken_part=True, space_sqm=50.0)
        line, facts = history(self.YEARS, {2026: supplier})
        self.assertFalse(ranked(facts))
        self.assertEqual(points(PointsRules(), line, facts), 0.0)

    def test_early_signing_bonus_from_exactly_the_days(self):
        rules = PointsRules(per_edition=0, per_sqm=0, early_signing_days=90)
        opening = date(2026, 3, 1)
        exactly = opening.fromordinal(opening.toordinal() - 90)
        late = opening.fromordinal(opening.toordinal() - 89)
        line, facts = history(self.YEARS, {2026: took_part(date_signed=exactly)})
        self.assertEqual(points(rules, line, facts), 5.0)
        line, facts = history(self.YEARS, {2026: took_part(date_signed=late)})
        self.assertEqual(points(rules, line, facts), 0.0)

    def test_points_round_to_the_hundredth(self):
        rules = PointsRules(per_edition=0, per_sqm=1 / 3)
        line, facts = history(self.YEARS, {2026: took_part(space=1.0)})
        self.assertEqual(points(rules, line, facts), 0.33)

    def test_stars_by_quarter_of_the_ranking(self):
        self.assertEqual([stars(rank, 4) for rank in range(1, 5)], ["3", "2", "1", "0"])
        self.assertEqual(stars(1, 1), "3")
        self.assertEqual(stars(3, 0), "0", "nobody ranked")


class TestValue(BaseCase):
    YEARS = (2022, 2023, 2024, 2025, 2026, 2027)

    def test_economic_value_over_the_window_and_upcoming(self):
        facts = {
            year: took_part(invoiced=1000.0 * (year - 2021)) for year in self.YEARS
        }
        line = timeline(editions(*self.YEARS), NOW)
        # window of 3 held editions (2024-2026) + the upcoming 2027
        self.assertEqual(
            economic_value(ValueRules(), line, facts), 3000 + 4000 + 5000 + 6000
        )
        self.assertEqual(
            economic_value(ValueRules(window_editions=1), line, facts), 5000 + 6000
        )

    def test_economic_value_rounds_in_the_company_currency(self):
        line = timeline(editions(2026), NOW)
        facts = {2026: took_part(invoiced=1234.5)}
        self.assertEqual(
            economic_value(ValueRules(currency=Currency(1.0)), line, facts), 1235.0
        )

    def test_profit_subtracts_the_costs(self):
        self.assertEqual(relationship_profit(1000.0, (0.0, 0.0, 0.0)), 1000.0)
        self.assertEqual(relationship_profit(1000.0, (800.0, 300.0, 0.0)), -100.0)

    def test_summary_of_a_customer_without_relationships(self):
        empty = partner_summary(ValueRules(), 3, [], prospect=True)
        self.assertEqual(empty["lifecycle_stage"], "cultivation")
        self.assertEqual(
            empty["relationship_profit"], 0.0, "ratings alone earn nothing"
        )
        self.assertFalse(partner_summary(ValueRules(), 0, [], False)["lifecycle_stage"])

    def test_summary_takes_the_most_recent_stage_and_adds_ratings(self):
        relationships = [
            RelationshipSummary(1, "trust", 5000.0, 1000.0, datetime(2025, 3, 1)),
            RelationshipSummary(2, "weakening", 2000.0, 0.0, datetime(2026, 3, 1)),
            RelationshipSummary(3, "cultivation", 0.0, 0.0, None),
        ]
        summary = partner_summary(
            ValueRules(rating_point_value=100.0), 4, relationships, False
        )
        self.assertEqual(summary["lifecycle_stage"], "weakening")
        self.assertEqual(summary["economic_value"], 7000.0)
        self.assertEqual(summary["relationship_profit"], 7000.0 + 400.0 - 1000.0)


class TestSmallRules(BaseCase):
    def test_drop_percent(self):
        self.assertEqual(drop_percent(100, 70), 30.0)
        self.assertEqual(drop_percent(100, 100), 0.0)
        self.assertEqual(drop_percent(100, 0), 100.0)
        self.assertEqual(drop_percent(0, 0), 0.0)
        self.assertEqual(drop_percent(-5, -10), 0.0, "nothing before, nothing dropped")

    def test_currency_rounds_half_away_from_zero(self):
        self.assertEqual(Currency(0.01).round(1.005), 1.01)
        self.assertEqual(Currency(0.01).round(-1.005), -1.01)
        self.assertEqual(Currency(1.0).round(0.5), 1.0)
        self.assertEqual(Currency(0.001).round(2.0004), 2.0)

    def test_nps_categories_at_their_boundaries(self):
        self.assertEqual(
            [nps.category(score) for score in nps.SCORES],
            ["detractor"] * 7 + ["passive"] * 2 + ["promoter"] * 2,
        )
        self.assertEqual(nps.category("9"), "promoter")
        self.assertFalse(nps.category(False))
        self.assertFalse(nps.category(None))
        self.assertFalse(nps.category(""))

    def test_net_promoter_score(self):
        self.assertIsNone(nps.net_promoter_score(0, 0, 0))
        self.assertEqual(nps.net_promoter_score(0, 0, 7), -100.0)
        self.assertEqual(nps.net_promoter_score(3, 0, 0), 100.0)
        self.assertEqual(nps.net_promoter_score(2, 1, 1), 25.0)
        self.assertEqual(nps.net_promoter_score(0, 4, 0), 0.0)
        self.assertEqual(nps.net_promoter_score(1, 1, 1), 0.0)
        self.assertEqual(nps.net_promoter_score(2, 0, 1), 33.3)

    def test_category_weights_average_to_the_nps(self):
        answers = ["promoter", "promoter", "passive", "detractor"]
        average = sum(nps.CATEGORY_WEIGHTS[a] for a in answers) / len(answers)
        self.assertEqual(average, nps.net_promoter_score(2, 1, 1))

    def test_recommend_intent_from_the_category(self):
        self.assertEqual(nps.recommend_intent("promoter"), "yes")
        self.assertEqual(nps.recommend_intent("passive"), "maybe")
        self.assertEqual(nps.recommend_intent("detractor"), "no")
        self.assertFalse(nps.recommend_intent(False))


class TestRebookingRule(BaseCase):
    EXHIBITOR, SPONSOR, HOTEL = 1, 2, 3

    def test_booked_wins_over_an_open_opportunity(self):
        reasons = skip_reasons(
            {(10, self.EXHIBITOR)}, [NextOpportunity(10, self.EXHIBITOR, True, False)]
        )
        self.assertEqual(reasons, {(10, self.EXHIBITOR): "booked"})

    def test_open_opportunity_counts_before_a_lost_one(self):
        opportunities = [
            NextOpportunity(10, self.EXHIBITOR, False, True),
            NextOpportunity(10, self.EXHIBITOR, True, False),
        ]
        self.assertEqual(
            skip_reasons(set(), opportunities), {(10, self.EXHIBITOR): "open"}
        )

    def test_lost_without_a_reason_is_rebooked_again(self):
        opportunities = [NextOpportunity(10, self.EXHIBITOR, False, False)]
        self.assertEqual(skip_reasons(set(), opportunities), {})
        lost = [NextOpportunity(10, self.EXHIBITOR, False, True)]
        self.assertEqual(skip_reasons(set(), lost), {(10, self.EXHIBITOR): "lost"})

    def test_reasons_are_per_role(self):
        reasons = skip_reasons({(10, self.SPONSOR)}, [])
        participants = [
            Participant(1, 10, self.EXHIBITOR),
            Participant(2, 10, self.SPONSOR),
            Participant(3, 11, self.HOTEL),
        ]
        self.assertEqual(
            plan(participants, {self.EXHIBITOR, self.SPONSOR}, reasons),
            {"create": [1], "role": [3], "booked": [2], "open": [], "lost": []},
        )

    def test_empty_edition(self):
        self.assertEqual(
            plan([], {self.EXHIBITOR}, {}),
            dict.fromkeys(("create", *SKIP_REASONS), []),
        )
