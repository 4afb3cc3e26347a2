# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date
from unittest.mock import patch

from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import ExpoCrmSaleCommon


@tagged("post_install", "-at_install")
class TestInvoiceAmounts(ExpoCrmSaleCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.eur = cls.setup_other_currency(
            "EUR", rates=[("2025-03-01", 0.7), ("2025-04-01", 0.75)]
        )
        if cls.eur == cls.company.currency_id:
            cls.eur = cls.setup_other_currency(
                "CHF", rates=[("2025-03-01", 0.7), ("2025-04-01", 0.75)]
            )

    def _exhibitor(self):
        return self.env["expo.participation"].search(
            [
                ("partner_id", "=", self.gallery.id),
                ("event_id", "=", self.edition_2025.id),
                ("role_id", "=", self.role_exhibitor.id),
            ]
        )

    def _refund(self, invoice, refund_date, price_unit):
        refund = invoice._reverse_moves([{"invoice_date": refund_date}])
        refund.write(
            {
                "invoice_line_ids": [
                    Command.update(line.id, {"price_unit": price_unit})
                    for line in refund.invoice_line_ids
                ]
            }
        )
        refund.action_post()
        return refund

    def test_amounts_by_kind_with_refund_in_second_currency(self):
        order = self._sell(
            self.gallery,
            [
                (
                    self.product_booth,
                    1000.0,
                    {
                        "event_id": self.edition_2025.id,
                        "event_booth_category_id": self.booth_category.id,
                        "event_booth_pending_ids": [Command.set(self.booth_a.ids)],
                    },
                ),
                (self.product_service, 100.0, {}),
            ],
            event=self.edition_2025,
            currency=self.eur,
        )
        participation = self._exhibitor()
        self.assertFalse(participation.amount_invoiced, "nothing invoiced yet")

        invoice = self._invoice(order, date(2025, 3, 15))
        # 1000 / 0.7 = 1428.571.. and 100 / 0.7 = 142.857.. at the invoice date
        self.assertAlmostEqual(participation.amount_booth, 1428.57, places=2)
        self.assertAlmostEqual(participation.amount_service, 142.86, places=2)
        self.assertAlmostEqual(participation.amount_invoiced, 1571.43, places=2)

        refund = self._refund(
            invoice.filtered("invoice_line_ids"), date(2025, 4, 2), 20.0
        )
        # each refund line: 20 / 0.75 = 26.67 at the refund date
        self.assertAlmostEqual(participation.amount_booth, 1428.57 - 26.67, places=2)
        self.assertAlmostEqual(participation.amount_service, 142.86 - 26.67, places=2)
        self.assertAlmostEqual(participation.amount_invoiced, 1518.09, places=2)
        # finance and CRM agree to the cent
        finance = sum((invoice | refund).mapped("amount_untaxed_signed"))
        self.assertEqual(
            self.company.currency_id.compare_amounts(
                participation.amount_invoiced, finance
            ),
            0,
        )

        # a cancelled credit note no longer counts
        refund.button_draft()
        self.assertAlmostEqual(participation.amount_invoiced, 1571.43, places=2)
        refund.button_cancel()
        self.assertAlmostEqual(participation.amount_invoiced, 1571.43, places=2)
        invoice.button_draft()
        self.assertFalse(participation.amount_invoiced)
        self.assertFalse(participation.amount_booth)

    def test_paid_amount(self):
        order = self._sell(
            self.gallery,
            [(self.product_sponsorship, 1000.0, {})],
            event=self.edition_2025,
        )
        sponsor = order.expo_participation_ids
        invoice = self._invoice(order, date(2025, 3, 15))
        self.assertEqual(sponsor.amount_sponsorship, 1000.0)
        self.assertEqual(sponsor.amount_paid, 0.0)
        self._pay(invoice, invoice.amount_total / 2)
        self.assertAlmostEqual(sponsor.amount_paid, 500.0, places=2)
        self._pay(invoice, invoice.amount_residual)
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertAlmostEqual(sponsor.amount_paid, 1000.0, places=2)
        # the participation's smart buttons open its invoice and both payments
        self.assertEqual((sponsor.invoice_count, sponsor.payment_count), (1, 2))
        opened = sponsor.action_expo_view_invoices()
        self.assertEqual(self.env["account.move"].search(opened["domain"]), invoice)
        self.assertEqual(
            sponsor.action_expo_view_payments()["domain"][0][2],
            invoice._get_reconciled_payments().ids,
        )
        # a salesperson who may not read the order sees no invoice, and no error
        salesperson = new_test_user(
            self.env, "expo.other.sales", groups="expo_crm.group_expo_user"
        )
        other_view = sponsor.with_user(salesperson)
        self.assertEqual(other_view.invoice_count, 0)
        self.assertFalse(other_view.invoice_ids)
        # unreconciling the payments makes it unpaid again
        invoice.line_ids.remove_move_reconcile()
        self.assertEqual(sponsor.amount_paid, 0.0)
        sponsor.invalidate_recordset(["payment_count"])
        self.assertEqual(sponsor.payment_count, 0)

    def test_refresh_is_set_based(self):
        order_a = self._sell(
            self.gallery,
            [(self.product_sponsorship, 300.0, {})],
            event=self.edition_2025,
        )
        order_b = self._sell(
            self.collector,
            [(self.product_sponsorship, 700.0, {})],
            event=self.edition_2025,
        )
        self._invoice(order_a, date(2025, 3, 15))
        self._invoice(order_b, date(2025, 3, 15))
        participations = order_a.expo_participation_ids | order_b.expo_participation_ids
        participations.sudo().write({"amount_invoiced": 0.0, "amount_sponsorship": 0.0})
        participations._refresh_amounts()
        self.assertEqual(participations.mapped("amount_sponsorship"), [300.0, 700.0])
        self.assertEqual(participations.mapped("amount_invoiced"), [300.0, 700.0])

    def test_refresh_refreshes_relationships_once(self):
        """Refreshing the amounts of many participations refreshes their customers'
        relationships in one go, not once per participation."""
        orders = [
            self._sell(partner, [(self.product_sponsorship, 100.0, {})], event=event)
            for partner in (self.gallery, self.collector)
            for event in (self.edition_2024, self.edition_2025)
        ]
        for order in orders:
            self._invoice(order, date(2025, 3, 15))
        participations = self.env["expo.participation"].union(
            *(order.expo_participation_ids for order in orders)
        )
        participations = participations.sudo()  # no second, elevated call to count
        participations.write({"amount_invoiced": 0.0, "amount_sponsorship": 0.0})
        Relationship = self.env.registry["expo.relationship"]
        refresh = Relationship._refresh_for_partners
        with patch.object(
            Relationship, "_refresh_for_partners", autospec=True, side_effect=refresh
        ) as spy:
            participations._refresh_amounts()
        self.assertEqual(spy.call_count, 1)
        self.assertEqual(spy.call_args.args[1], self.gallery | self.collector)
        self.assertEqual(
            set(participations.mapped("amount_invoiced")), {100.0}, "amounts written"
        )
