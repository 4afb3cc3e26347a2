# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The schedule and penalty arithmetic of space contracts, without a database."""

from datetime import date, datetime

from odoo.tests import BaseCase

from ..rules.contract import (
    REDUCTION_ALL,
    REDUCTION_NOTHING,
    REDUCTION_TOO_LARGE,
    TIER_DAYS,
    TIER_OVERLAP,
    TIER_PERCENT,
    TIER_START,
    TIER_UNORDERED,
    Tier,
    balance_due_date,
    balance_invoice_date,
    cancellation,
    days_before_opening,
    deposit_amount,
    deposit_due_date,
    is_overdue,
    opening_day,
    penalty_percent,
    reduction,
    reduction_error,
    round_amount,
    tier_errors,
)

# more than 180 days before: 10 %; 90 to 180 days: 50 %; under 90 days: 100 %
TIERS = (Tier(181, 10.0), Tier(90, 50.0), Tier(0, 100.0))
OPENING = date(2026, 10, 1)


class TestTiers(BaseCase):
    def test_valid_schedule(self):
        self.assertEqual(tier_errors(TIERS), [])
        self.assertEqual(tier_errors(()), [], "no tiers: no penalty")

    def test_boundaries(self):
        """Exactly 180 days and exactly 90 days fall in the 50 % tier."""
        cases = {
            365: 10.0,
            181: 10.0,
            180: 50.0,
            91: 50.0,
            90: 50.0,
            89: 100.0,
            1: 100.0,
            0: 100.0,
            -3: 100.0,  # cancelled once the show opened
        }
        for days, percent in cases.items():
            with self.subTest(days=days):
                self.assertEqual(penalty_percent(TIERS, days), percent)

    def test_days_from_dates(self):
        self.assertEqual(days_before_opening(OPENING, date(2026, 4, 4)), 180)
        self.assertEqual(days_before_opening(OPENING, date(2026, 7, 3)), 90)
        self.assertEqual(days_before_opening(OPENING, date(2026, 10, 2)), -1)
        self.assertEqual(opening_day(datetime(2026, 10, 1, 9, 0)), OPENING)
        self.assertEqual(opening_day(OPENING), OPENING)

    def test_no_tiers_no_penalty(self):
        self.assertEqual(penalty_percent((), 10), 0.0)

    def test_bad_tiers(self):
        cases = [
            ((Tier(90, 50.0), Tier(90, 60.0), Tier(0, 100.0)), TIER_OVERLAP),
            ((Tier(181, 60.0), Tier(90, 50.0), Tier(0, 100.0)), TIER_UNORDERED),
            ((Tier(90, 50.0), Tier(0, 120.0)), TIER_PERCENT),
            ((Tier(90, -5.0), Tier(0, 100.0)), TIER_PERCENT),
            ((Tier(-1, 50.0), Tier(0, 100.0)), TIER_DAYS),
            ((Tier(181, 10.0), Tier(90, 50.0)), TIER_START),
        ]
        for tiers, error in cases:
            with self.subTest(error=error):
                self.assertIn(error, tier_errors(tiers))


class TestSchedule(BaseCase):
    def test_deposit_and_due_dates(self):
        self.assertEqual(deposit_amount(10000.0, 30.0, 0.01), 3000.0)
        self.assertEqual(deposit_due_date(date(2026, 3, 1), 14), date(2026, 3, 15))
        due = balance_due_date(OPENING, 60)
        self.assertEqual(due, date(2026, 8, 2))
        self.assertEqual(balance_invoice_date(due, 30), date(2026, 7, 3))

    def test_late_signing_pays_balance_at_once(self):
        signed = date(2026, 9, 1)
        self.assertEqual(balance_due_date(OPENING, 60, signed), signed)

    def test_rounding_in_currency(self):
        # 1/3 of 100.00 is 33.33; a currency without cents rounds to units
        self.assertEqual(deposit_amount(100.0, 100 / 3, 0.01), 33.33)
        self.assertEqual(deposit_amount(1005.0, 50.0, 1.0), 503.0, "half up")
        self.assertEqual(round_amount(2.675, 0.01), 2.68, "decimal, not binary")
        self.assertEqual(round_amount(12.32, 0.05), 12.3)

    def test_overdue(self):
        today = date(2026, 5, 1)
        self.assertTrue(is_overdue(date(2026, 4, 30), 10.0, today, 0.01))
        self.assertFalse(is_overdue(date(2026, 5, 1), 10.0, today, 0.01))
        self.assertFalse(is_overdue(date(2026, 4, 30), 0.001, today, 0.01))
        self.assertFalse(is_overdue(False, 10.0, today, 0.01))


class TestCancellation(BaseCase):
    def test_early_cancellation_after_deposit(self):
        """30 % deposit invoiced and paid, cancelled at 10 %: 20 % credited."""
        settlement = cancellation(10000.0, 3000.0, 3000.0, 10.0, 0.01)
        self.assertEqual(settlement.penalty, 1000.0)
        self.assertEqual(settlement.contract_after, 1000.0)
        self.assertEqual(settlement.to_invoice, -2000.0)
        self.assertEqual(settlement.to_refund, 2000.0)

    def test_cancellation_after_part_payment(self):
        """Deposit invoiced, half of it paid, cancelled at 50 %."""
        settlement = cancellation(10000.0, 3000.0, 1500.0, 50.0, 0.01)
        self.assertEqual(settlement.penalty, 5000.0)
        self.assertEqual(
            settlement.to_invoice, 2000.0, "the penalty beyond the deposit"
        )
        self.assertEqual(settlement.to_refund, 0.0)

    def test_nothing_invoiced(self):
        settlement = cancellation(8000.0, 0.0, 0.0, 10.0, 0.01)
        self.assertEqual(settlement.to_invoice, 800.0, "a penalty invoice")

    def test_late_cancellation_owes_everything(self):
        settlement = cancellation(10000.0, 10000.0, 10000.0, 100.0, 0.01)
        self.assertEqual(settlement.to_invoice, 0.0)
        self.assertEqual(settlement.to_refund, 0.0)

    def test_penalty_rounded(self):
        settlement = cancellation(3333.33, 0.0, 0.0, 10.0, 0.01)
        self.assertEqual(settlement.penalty, 333.33)
        settlement = cancellation(3335.0, 0.0, 0.0, 10.0, 1.0)
        self.assertEqual(settlement.penalty, 334.0)


class TestReduction(BaseCase):
    def test_partial_reduction(self):
        """36 m² for 10,800, 9 m² given back at 50 %: 2,700 released, 1,350 owed."""
        settlement = reduction(12000.0, 10800.0, 36.0, 9.0, 3600.0, 3600.0, 50.0, 0.01)
        self.assertEqual(settlement.released, 2700.0)
        self.assertEqual(settlement.penalty, 1350.0)
        self.assertEqual(settlement.contract_after, 10650.0)
        self.assertEqual(settlement.to_invoice, 7050.0)
        self.assertEqual(settlement.to_refund, 0.0)

    def test_reduction_after_full_invoice_credits(self):
        settlement = reduction(
            10800.0, 10800.0, 36.0, 12.0, 10800.0, 10800.0, 10.0, 0.01
        )
        self.assertEqual(settlement.released, 3600.0)
        self.assertEqual(settlement.penalty, 360.0)
        self.assertEqual(settlement.to_invoice, -3240.0)
        self.assertEqual(settlement.to_refund, 3240.0)

    def test_pro_rata_rounding(self):
        settlement = reduction(1000.0, 1000.0, 3.0, 1.0, 0.0, 0.0, 50.0, 0.01)
        self.assertEqual(settlement.released, 333.33)
        self.assertEqual(settlement.penalty, 166.67)
        self.assertEqual(settlement.contract_after, 833.34)

    def test_bad_reductions(self):
        self.assertEqual(reduction_error(36.0, 0.0), REDUCTION_NOTHING)
        self.assertEqual(reduction_error(36.0, -1.0), REDUCTION_NOTHING)
        self.assertEqual(reduction_error(36.0, 40.0), REDUCTION_TOO_LARGE)
        self.assertEqual(reduction_error(36.0, 36.0), REDUCTION_ALL)
        self.assertIsNone(reduction_error(36.0, 9.0))
