# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Space contracts through real invoices, payments and credit notes: finance and
CRM agree to the cent after a deposit, a balance, a reduction and a
cancellation."""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.account_payment.tests.common import AccountPaymentCommon

from .common_contract import ExpoContractCommon


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

    # signed in the portal, the deposit still to pay
    def test_signed_online_reserves_then_the_payment_sells(self):
        rival = self._contract(self.a1, confirm=False, partner=self.studio)
        order = self._contract(self.a1, confirm=False)
        order.action_quotation_sent()
        self._sign_online(order)
        self.assertEqual(order.state, "sent", "confirmed once the deposit is paid")
        self.assertEqual(order.expo_contract_state, "signed")
        self.assertEqual(order.expo_deposit_due, self.today + timedelta(days=14))
        self.assertEqual(self.a1.expo_sale_state, "reserved")
        self.assertEqual(self.a1.partner_id, self.gallery)
        self.assertEqual(self._participation().booth_ids, self.a1)
        self.assertEqual(rival.state, "cancel", "the booth is no longer for sale")
        self._pay_online(order)
        self._check_paid_online(order)

    def test_signed_online_unpaid_is_released(self):
        order = self._contract(self.a1, confirm=False)
        self._sign_online(order)
        participation = self._participation()
        order.expo_deposit_due = self.today - timedelta(days=1)
        released, _invoiced, _reminded = self.env["sale.order"]._cron_expo_contracts()
        self.assertEqual(released, 1)
        self.assertEqual(order.state, "cancel")
        self.assertEqual(order.expo_contract_state, "released")
        self.assertEqual(self.a1.expo_sale_state, "available")
        self.assertEqual(participation.state, "cancelled")

    def test_signed_online_set_back_to_quotation(self):
        order = self._contract(self.a1, confirm=False)
        order.action_quotation_sent()
        self._sign_online(order)
        order.action_draft()
        self.assertEqual(order.expo_contract_state, "quotation")
        self.assertFalse(order.expo_signed_on)
        self.assertEqual(self.a1.expo_sale_state, "available")
        self.assertEqual(self._participation().state, "cancelled")

    def test_signed_online_takes_the_last_package(self):
        package = self.env["expo.sponsorship.package"].create(
            {
                "event_id": self.edition_next.id,
                "product_id": self.product_sponsorship.id,
                "cap": 1,
            }
        )
        first, second = (
            self._sell(
                partner,
                [(self.product_sponsorship, 5000.0, {})],
                event=self.edition_next,
                confirm=False,
            )
            for partner in (self.gallery, self.studio)
        )
        self._sign_online(first)
        self.assertEqual(package.sold_qty, 1, "signed online counts")
        with self.assertRaisesRegex(ValidationError, "sold out"), self.cr.savepoint():
            self._sign_online(second)
        self.assertFalse(second.signature)
        self.assertEqual(second.expo_contract_state, "quotation")
        self.assertEqual(package.sold_qty, 1)
