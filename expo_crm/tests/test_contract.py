# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Space contracts through real invoices, payments and credit notes: finance and
CRM agree to the cent after a deposit, a balance, a reduction and a
cancellation."""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.account_payment.tests.common import AccountPaymentCommon

from .common import ExpoFloorCommon


class ExpoContractCommon(ExpoFloorCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.schedule = cls.env["expo.contract.schedule"].create(
            {
                "name": "Standard contract",
                "deposit_percent": 30.0,
                "deposit_due_days": 14,
                "balance_due_days": 60,
                "balance_invoice_days": 30,
                "tier_ids": [
                    Command.create({"min_days": 181, "percent": 10.0}),
                    Command.create({"min_days": 90, "percent": 50.0}),
                    Command.create({"min_days": 0, "percent": 100.0}),
                ],
            }
        )
        cls.series.contract_schedule_id = cls.schedule
        cls.reason = cls.env.ref("expo_crm.cancellation_reason_budget")
        cls.today = fields.Date.context_today(cls.env["sale.order"])
        cls.opening = cls.edition_next.date_begin.date()

    def _contract(self, booths, confirm=True, partner=None, currency=None):
        """A quotation for the next edition selling ``booths`` at their price."""
        return self._sell(
            partner or self.gallery,
            [
                (
                    self.product_booth,
                    sum(booths.mapped("price")),
                    {
                        "event_id": self.edition_next.id,
                        "event_booth_category_id": booths[:1].booth_category_id.id,
                        "event_booth_pending_ids": [Command.set(booths.ids)],
                    },
                )
            ],
            event=self.edition_next,
            currency=currency,
            confirm=confirm,
        )

    def _participation(self, partner=None):
        return self.env["expo.participation"].search(
            [
                ("partner_id", "=", (partner or self.gallery).id),
                ("event_id", "=", self.edition_next.id),
                ("role_id", "=", self.role_exhibitor.id),
            ]
        )

    def _report(self, order):
        self.env.flush_all()
        self.env["expo.contract.report"].invalidate_model()
        return self.env["expo.contract.report"].search([("order_id", "=", order.id)])

    def _change(self, participation, kind, days_before, **values):
        wizard = (
            self.env["expo.contract.change.wizard"]
            .with_context(active_id=participation.id)
            .create(
                {
                    "kind": kind,
                    "reason_id": self.reason.id,
                    "date": self.opening - timedelta(days=days_before),
                    **values,
                }
            )
        )
        action = wizard.action_apply()
        return self.env["expo.contract.change"].browse(action["res_id"])

    def _assert_finance_is_crm(self, order, participation):
        """The participation's invoiced and paid amounts are the invoices'."""
        moves = order._expo_invoices()
        invoiced = sum(moves.mapped("amount_untaxed_signed"))
        report = self._report(order)
        self.assertAlmostEqual(participation.amount_invoiced, invoiced, places=2)
        self.assertAlmostEqual(report.amount_invoiced, invoiced, places=2)
        self.assertAlmostEqual(report.amount_paid, participation.amount_paid, places=2)
        self.assertAlmostEqual(
            report.amount_due, sum(moves.mapped("amount_residual_signed")), places=2
        )


@tagged("post_install", "-at_install")
class TestContract(ExpoContractCommon):
    def test_quotation_is_the_contract(self):
        order = self._contract(self.a1, confirm=False)
        order.order_line = [Command.create({"product_id": self.product_sponsorship.id})]
        self.assertEqual(order.expo_contract_schedule_id, self.schedule)
        self.assertTrue(order.require_signature)
        self.assertTrue(order.require_payment)
        self.assertAlmostEqual(order.prepayment_percent, 0.3)
        self.assertEqual(order.expo_contract_state, "quotation")
        self.assertEqual(
            order.expo_balance_due, self.opening - timedelta(days=60), "60 days before"
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("sale.action_report_saleorder", order.ids)[0]
            .decode()
        )
        self.assertIn("Space Contract", html)
        self.assertIn("A1", html)
        self.assertIn("Gold Sponsorship", html)
        self.assertIn("181", html, "the cancellation tiers")

    def test_quotations_follow_the_edition_signed_contracts_keep_theirs(self):
        quotation = self._contract(self.a1, confirm=False)
        signed = self._contract(self.a2)
        other = self.schedule.copy({"name": "New terms", "deposit_percent": 40})
        self.series.contract_schedule_id = other
        self.assertEqual(quotation.expo_contract_schedule_id, other)
        self.assertAlmostEqual(quotation.prepayment_percent, 0.4)
        self.assertEqual(signed.expo_contract_schedule_id, self.schedule)

    def test_edition_overrides_series_schedule(self):
        other = self.schedule.copy({"name": "Late contract", "deposit_percent": 50})
        self.edition_next.expo_contract_schedule_id = other
        order = self._contract(self.a1, confirm=False)
        self.assertEqual(order.expo_contract_schedule_id, other)
        self.assertAlmostEqual(order.prepayment_percent, 0.5)

    def test_deposit_balance_paid(self):
        order = self._contract(self.a1 | self.a2)
        participation = self._participation()
        deposit = order._expo_deposit_invoices()
        self.assertEqual(len(deposit), 1, "a down payment invoice at signing")
        self.assertEqual(order.expo_contract_state, "signed")
        self.assertEqual(deposit.invoice_date_due, self.today + timedelta(days=14))
        self.assertAlmostEqual(deposit.amount_untaxed, 5400.0 * 0.3, places=2)
        self.assertEqual(self.a1.expo_sale_state, "reserved")
        self.assertEqual(participation.state, "confirmed")
        self._assert_finance_is_crm(order, participation)
        self.assertAlmostEqual(
            self._report(order).amount_deposit_pending, deposit.amount_total, places=2
        )

        self._pay(deposit, deposit.amount_total)
        self.assertEqual(order.expo_contract_state, "confirmed")
        self.assertEqual((self.a1 | self.a2).mapped("expo_sale_state"), ["sold"] * 2)
        self._assert_finance_is_crm(order, participation)
        self.assertFalse(self._report(order).amount_deposit_pending)

        order.action_expo_invoice_balance()
        balance = order.expo_balance_invoice_id
        self.assertEqual(order.expo_contract_state, "balance_invoiced")
        self.assertAlmostEqual(balance.amount_untaxed, 5400.0 * 0.7, places=2)
        self.assertEqual(balance.invoice_date_due, order.expo_balance_due)
        report = self._report(order)
        self.assertAlmostEqual(report.amount_due, balance.amount_total, places=2)
        self.assertFalse(report.amount_deposit_pending, "the balance is no deposit")
        self._pay(balance, balance.amount_total)
        self.assertAlmostEqual(participation.amount_invoiced, 5400.0, places=2)
        self.assertAlmostEqual(participation.amount_paid, 5400.0, places=2)
        self.assertAlmostEqual(self._report(order).amount_contracted, 5400.0, places=2)
        self._assert_finance_is_crm(order, participation)

    def test_salesperson_signs_finance_registers_the_payment(self):
        """The salesperson confirms; a billing user without sales rights
        registers the deposit payment."""
        order = self._contract(self.a1, confirm=False)
        order.user_id = self.salesperson
        self.salesperson.email = "floor.salesperson@example.com"
        order.with_user(self.salesperson).action_confirm()
        deposit = order._expo_deposit_invoices()
        self.assertEqual(deposit.state, "posted")
        billing = self.env["res.users"].create(
            {
                "name": "Billing Clerk",
                "login": "expo_billing_clerk",
                "email": "billing.clerk@example.com",
                "groups_id": [
                    Command.set(self.env.ref("account.group_account_invoice").ids)
                ],
            }
        )
        self.env["account.payment.register"].with_user(billing).with_context(
            active_model="account.move", active_ids=deposit.ids
        ).create({})._create_payments()
        self.assertEqual(order.expo_contract_state, "confirmed")
        self.assertEqual(self.a1.expo_sale_state, "sold")
        order.with_user(self.salesperson).action_expo_invoice_balance()
        self.assertEqual(order.expo_balance_invoice_id.state, "posted")

    def test_balance_by_the_scheduled_job(self):
        order = self._contract(self.a1)
        deposit = order._expo_deposit_invoices()
        self._pay(deposit, deposit.amount_total)
        Order = self.env["sale.order"]
        self.assertEqual(Order._cron_expo_contracts(), (0, 0, 0), "not due yet")
        # the edition opens in 80 days: the balance (due 60 days before) is issued
        self.edition_next.date_begin = fields.Datetime.now() + timedelta(days=80)
        self.assertEqual(Order._cron_expo_contracts()[1], 1)
        self.assertEqual(order.expo_contract_state, "balance_invoiced")
        self.assertEqual(Order._cron_expo_contracts(), (0, 0, 0), "only once")

    def test_unpaid_deposit_releases_the_booths(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Gallery next booth",
                "type": "opportunity",
                "partner_id": self.gallery.id,
                "expo_event_id": self.edition_next.id,
            }
        )
        lead.action_set_won()
        order = self._contract(self.a1, confirm=False)
        order.opportunity_id = lead
        order.action_confirm()
        participation = self._participation()
        deposit = order._expo_deposit_invoices()
        order.expo_deposit_due = self.today - timedelta(days=1)
        released, _invoiced, _reminded = self.env["sale.order"]._cron_expo_contracts()
        self.assertEqual(released, 1)
        self.assertEqual(order.state, "cancel")
        self.assertEqual(order.expo_contract_state, "released")
        self.assertEqual(deposit.payment_state, "reversed", "credited in full")
        self.assertEqual(self.a1.expo_sale_state, "available")
        self.assertEqual(participation.state, "cancelled")
        self.assertFalse(lead.stage_id.is_won, "the opportunity moved back")
        self.assertIn(
            "Deposit unpaid: space released", lead.activity_ids.mapped("summary")
        )
        self.assertFalse(participation.amount_invoiced)
        report = self._report(order)
        self.assertFalse(report.amount_invoiced)
        self.assertFalse(report.amount_due)

    def test_released_booth_goes_to_the_waiting_list(self):
        waiting = self._applicant(self.studio, self.a1)
        order = self._contract(self.a1)
        draw = self._draw()
        draw.action_assign()
        self.assertEqual(self._line(draw, waiting).state, "waiting")
        order.expo_deposit_due = self.today - timedelta(days=1)
        self.env["sale.order"]._cron_expo_contracts()
        self.assertEqual(self.a1.expo_lead_id, waiting, "offered to the next line")
        self.assertEqual(self.a1.expo_sale_state, "held")
        self.assertEqual(self._line(draw, waiting).state, "offered")

    def test_partly_paid_deposit_is_not_released(self):
        order = self._contract(self.a1)
        deposit = order._expo_deposit_invoices()
        self._pay(deposit, 100.0)
        order.expo_deposit_due = self.today - timedelta(days=1)
        released, _invoiced, reminded = self.env["sale.order"]._cron_expo_contracts()
        self.assertEqual(released, 0)
        self.assertEqual(order.expo_contract_state, "signed")
        self.assertEqual(self.a1.expo_sale_state, "reserved")
        # the deposit invoice itself is due in 14 days: no reminder yet
        deposit.invoice_date_due = self.today - timedelta(days=1)
        self.assertEqual(self.env["account.move"]._expo_remind_overdue(), 1)
        self.assertEqual(self.env["account.move"]._expo_remind_overdue(), 0, "once")
        self.assertEqual(reminded, 0)
        self.assertAlmostEqual(
            self._report(order).amount_overdue, deposit.amount_residual, places=2
        )


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


@tagged("post_install", "-at_install")
class TestContractPrepayment(ExpoContractCommon, AccountPaymentCommon):
    """The exhibitor pays the deposit online as the quotation's prepayment: the
    payment confirms the contract, and the deposit invoice it pays sells the
    booths."""

    def _pay_online(self, order):
        tx = self._create_transaction(
            "redirect",
            amount=order._get_prepayment_required_amount(),
            currency_id=order.currency_id.id,
            partner_id=order.partner_id.id,
            reference=f"EXPO-{order.id}",
            sale_order_ids=[Command.set(order.ids)],
            state="done",
        )
        with mute_logger("odoo.addons.sale.models.payment_transaction"):
            tx._post_process()
        return tx

    def _check_paid_online(self, order):
        participation = self._participation()
        self.assertEqual(order.state, "sale")
        deposit = order._expo_deposit_invoices()
        self.assertEqual(len(deposit), 1)
        self.assertIn(deposit.payment_state, ("paid", "in_payment"))
        self.assertAlmostEqual(deposit.amount_untaxed, 2700.0 * 0.3, places=2)
        self.assertEqual(order.expo_contract_state, "confirmed")
        self.assertEqual(self.a1.expo_sale_state, "sold")
        self._assert_finance_is_crm(order, participation)

    def test_prepayment_pays_the_deposit(self):
        order = self._contract(self.a1, confirm=False)
        self._pay_online(order)
        self._check_paid_online(order)

    def test_prepayment_with_automatic_invoice(self):
        """Odoo invoices the payment itself: that down payment is the deposit."""
        self.env["ir.config_parameter"].sudo().set_param("sale.automatic_invoice", True)
        order = self._contract(self.a1, confirm=False)
        self._pay_online(order)
        self._check_paid_online(order)
