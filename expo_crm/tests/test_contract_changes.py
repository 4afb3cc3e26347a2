# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Cancelling or reducing a space contract through real credit notes and penalty
invoices, and what the lifecycle reads of it."""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_contract import ExpoContractCommon


@tagged("post_install", "-at_install")
class TestContractChanges(ExpoContractCommon):
    def _signed_and_deposit_paid(self, booths):
        order = self._contract(booths)
        deposit = order._expo_deposit_invoices()
        self._pay(deposit, deposit.amount_total)
        return order, self._participation()

    def test_early_cancellation_credits_the_deposit(self):
        """200 days before: 10 % of 2,700 owed, 30 % invoiced: 20 % credited."""
        order, participation = self._signed_and_deposit_paid(self.a1)
        change = self._change(participation, "cancel", 200)
        self.assertEqual(change.penalty_percent, 10.0)
        self.assertAlmostEqual(change.penalty_amount, 270.0, places=2)
        self.assertEqual(change.move_id.move_type, "out_refund")
        self.assertAlmostEqual(change.move_id.amount_untaxed, 540.0, places=2)
        self.assertEqual(participation.state, "cancelled")
        self.assertEqual(self.a1.expo_sale_state, "available")
        self.assertEqual(order.expo_contract_state, "cancelled")
        self.assertAlmostEqual(participation.amount_invoiced, 270.0, places=2)
        self.assertAlmostEqual(self._report(order).amount_contracted, 270.0, places=2)
        self._assert_finance_is_crm(order, participation)

        with self.assertRaises(UserError):
            self._change(participation, "cancel", 200)

    def test_salesperson_cancels(self):
        """An exhibition user (no accounting rights) applies a cancellation; the
        invoices are made for them."""
        _order, participation = self._signed_and_deposit_paid(self.a1)
        wizard = (
            self.env["expo.contract.change.wizard"]
            .with_user(self.salesperson)
            .with_context(active_id=participation.id)
            .create({"kind": "cancel", "reason_id": self.reason.id})
        )
        self.assertEqual(wizard.penalty_percent, 50.0, "the edition opens in 120 days")
        wizard.action_apply()
        self.assertEqual(participation.state, "cancelled")

    def test_cancellation_after_part_payment_invoices_the_penalty(self):
        """Exactly 90 days before: 50 %; the deposit half paid."""
        order = self._contract(self.a1)
        participation = self._participation()
        deposit = order._expo_deposit_invoices()
        self._pay(deposit, deposit.amount_total / 2)
        change = self._change(participation, "cancel", 90)
        self.assertEqual(change.penalty_percent, 50.0)
        self.assertEqual(change.move_id.move_type, "out_invoice")
        self.assertAlmostEqual(change.move_id.amount_untaxed, 1350.0 - 810.0, places=2)
        self.assertAlmostEqual(participation.amount_invoiced, 1350.0, places=2)
        self._assert_finance_is_crm(order, participation)

    def test_exactly_180_days_is_the_middle_tier(self):
        order, participation = self._signed_and_deposit_paid(self.a1)
        change = self._change(participation, "cancel", 180)
        self.assertEqual(change.penalty_percent, 50.0)
        self._assert_finance_is_crm(order, participation)

    def test_reduction_gives_a_booth_back(self):
        """Two booths of 9 m², one given back 100 days before (50 %)."""
        order, participation = self._signed_and_deposit_paid(self.a1 | self.a2)
        self.assertEqual(participation.space_sqm, 18.0)
        change = self._change(
            participation, "reduce", 100, booth_ids=[Command.set(self.a2.ids)]
        )
        self.assertEqual(change.area_sqm, 9.0)
        self.assertAlmostEqual(change.released_amount, 2700.0, places=2)
        self.assertAlmostEqual(change.penalty_amount, 1350.0, places=2)
        self.assertFalse(change.move_id, "settled with the balance")
        self.assertEqual(self.a2.expo_sale_state, "available")
        self.assertEqual(self.a1.expo_sale_state, "sold")
        self.assertEqual(participation.space_sqm, 9.0)
        self.assertEqual(participation.state, "confirmed")
        self.assertAlmostEqual(order.amount_untaxed, 5400.0 - 2700.0 + 1350.0, places=2)

        order.action_expo_invoice_balance()
        balance = order.expo_balance_invoice_id
        self.assertAlmostEqual(balance.amount_untaxed, 4050.0 - 1620.0, places=2)
        self._pay(balance, balance.amount_total)
        self.assertAlmostEqual(participation.amount_invoiced, 4050.0, places=2)
        self.assertAlmostEqual(participation.amount_paid, 4050.0, places=2)
        self._assert_finance_is_crm(order, participation)

    def test_reduction_after_the_balance_credits_at_once(self):
        """Raw space of 36 m² (no booths), 9 m² given back 200 days before."""
        raw_space = self.env["product.product"].create(
            {
                "name": "Raw Space",
                "type": "service",
                "invoice_policy": "order",
                "expo_amount_kind": "booth",
            }
        )
        order = self._sell(
            self.gallery, [(raw_space, 10800.0, {})], event=self.edition_next
        )
        participation = self._participation()
        participation.space_sqm = 36.0
        self._pay(order._expo_deposit_invoices(), 0.3 * order.amount_total)
        order.action_expo_invoice_balance()
        change = self._change(participation, "reduce", 200, area_sqm=9.0)
        self.assertEqual(change.penalty_percent, 10.0)
        self.assertAlmostEqual(change.released_amount, 2700.0, places=2)
        self.assertAlmostEqual(change.penalty_amount, 270.0, places=2)
        self.assertEqual(change.move_id.move_type, "out_refund")
        self.assertAlmostEqual(change.move_id.amount_untaxed, 2430.0, places=2)
        self.assertEqual(participation.space_sqm, 27.0)
        self.assertAlmostEqual(participation.amount_invoiced, 8370.0, places=2)
        self._assert_finance_is_crm(order, participation)

    def test_bad_changes_write_nothing(self):
        order, participation = self._signed_and_deposit_paid(self.a1 | self.a2)
        lines = len(order.order_line)
        for values in (
            {"booth_ids": [Command.set((self.a1 | self.a2).ids)]},
            {"area_sqm": 4.5},  # booths are given back, not m² of them
        ):
            with self.subTest(values=values), self.assertRaises(UserError):
                self._change(participation, "reduce", 100, **values)
        participation_without_booths = self._participate(
            self.newcomer, self.edition_next, space_sqm=18.0
        )
        for area in (0.0, 30.0, 18.0):
            with self.subTest(area=area), self.assertRaises(UserError):
                self.env["expo.contract.change"]._expo_preview(
                    order, "reduce", self.today, area, participation_without_booths
                )
        self.assertEqual(len(order.order_line), lines)
        self.assertEqual(participation.space_sqm, 18.0)
        self.assertFalse(self.env["expo.contract.change"].search_count([]))

    def test_bad_tiers(self):
        for tiers in (
            [(181, 10.0), (181, 50.0), (0, 100.0)],
            [(181, 60.0), (90, 50.0), (0, 100.0)],
            [(90, 50.0), (0, 120.0)],
            [(90, 50.0)],
        ):
            with self.subTest(tiers=tiers), self.assertRaises(ValidationError):
                self.schedule.write(
                    {
                        "tier_ids": [Command.clear()]
                        + [
                            Command.create({"min_days": days, "percent": percent})
                            for days, percent in tiers
                        ]
                    }
                )
        self.assertEqual(len(self.schedule.tier_ids), 3)
        with self.assertRaises(ValidationError):
            self.schedule.deposit_percent = 120.0

    def test_contract_in_another_currency(self):
        eur = self.setup_other_currency("EUR", rates=[("2020-01-01", 0.5)])
        if eur == self.company.currency_id:
            eur = self.setup_other_currency("CHF", rates=[("2020-01-01", 0.5)])
        order = self._contract(self.a1, currency=eur)
        participation = self._participation()
        deposit = order._expo_deposit_invoices()
        self.assertEqual(deposit.currency_id, eur)
        # 30 % of 2,700 in the order's currency, at 0.5 to the company currency
        self.assertAlmostEqual(participation.amount_invoiced, 810.0 / 0.5, places=2)
        self._assert_finance_is_crm(order, participation)
        change = self._change(participation, "cancel", 200)
        self.assertAlmostEqual(change.penalty_amount, 270.0, places=2)
        self.assertAlmostEqual(participation.amount_invoiced, 270.0 / 0.5, places=2)
        self._assert_finance_is_crm(order, participation)


@tagged("post_install", "-at_install")
class TestContractLifecycle(ExpoContractCommon):
    """The lifecycle reads a contract's cancellation and its space cut."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["expo.participation"].search(
            [
                ("partner_id", "=", cls.gallery.id),
                ("event_id", "=", cls.edition_2025.id),
            ]
        ).space_sqm = 18.0

    def _stage(self):
        self.env["expo.relationship"]._refresh_for_partners(self.gallery)
        return self.env["expo.relationship"].search(
            [("partner_id", "=", self.gallery.id), ("series_id", "=", self.series.id)]
        )

    def test_space_cut_weakens(self):
        order = self._contract(self.a1 | self.a2)
        participation = self._participation()
        self._pay(
            order._expo_deposit_invoices(), order._expo_deposit_invoices().amount_total
        )
        self._change(participation, "reduce", 100, booth_ids=[Command.set(self.a2.ids)])
        # read once the edition has started: 18 m² last time, 9 m² now
        self.edition_next.date_begin = fields.Datetime.now() - timedelta(hours=1)
        relationship = self._stage()
        self.assertEqual(relationship.lifecycle_stage, "weakening")
        self.assertIn("space_cut", str(relationship.stage_reason_data))

    def test_cancellation_is_read_with_its_penalty(self):
        """Cancelled: no longer taking part; the penalty still counts as money."""
        self._contract(self.a1 | self.a2)
        participation = self._participation()
        value_signed = self._stage().economic_value
        self._change(participation, "cancel", 200)
        relationship = self._stage()
        self.assertEqual(participation.state, "cancelled")
        self.assertNotEqual(relationship.last_event_id, self.edition_next)
        # 30 % invoiced at signing, 10 % kept as the penalty: 20 % credited
        self.assertAlmostEqual(value_signed - relationship.economic_value, 1080.0, 2)

    def test_a_contract_is_cancelled_with_its_penalty_only(self):
        """Under a confirmed contract the plain Cancel is refused: Cancel or
        Reduce settles the penalty. Signed online, deposit unpaid, the quotation
        itself is cancelled."""
        self._contract(self.a1)
        participation = self._participation()
        self.assertTrue(participation.has_contract)
        with self.assertRaisesRegex(UserError, "Cancel or Reduce"):
            participation.action_expo_cancel()
        self.assertEqual(participation.state, "confirmed")

        online = self._contract(self.a2, confirm=False, partner=self.studio)
        self._sign_online(online, signer="Studio Buyer")
        studio = self._participation(self.studio)
        self.assertTrue(studio.has_contract)
        with self.assertRaisesRegex(UserError, "cancel the quotation instead"):
            self._change(studio, "cancel", 200)
        online._action_cancel()
        self.assertFalse(studio.has_contract)
        self.assertEqual(studio.state, "cancelled")
        self.assertEqual(self.a2.expo_sale_state, "available")
