# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""An edition sold on space contracts: its schedule, booths and helpers to sign,
pay, invoice and change a contract."""

from datetime import timedelta

from odoo import Command, fields

from .common import ExpoFloorCommon

# a 1 x 1 picture: what the portal's signature pad sends
SIGNATURE = "R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs="


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

    def _sign_online(self, order, signer="Gallery Buyer"):
        """What the portal writes when the exhibitor signs the quotation."""
        order.sudo().write(
            {
                "signed_by": signer,
                "signed_on": fields.Datetime.now(),
                "signature": SIGNATURE,
            }
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
        # deposits and their deductions count in the kinds of what they pay for;
        # a penalty or a value given back of no kind counts in the total only
        by_kind = sum(
            participation[f"amount_{kind}"]
            for kind in ("booth", "sponsorship", "service", "advertising")
        )
        of_no_kind = sum(
            -line.balance
            for line in moves.invoice_line_ids
            if not line.sale_line_ids.is_downpayment
            and not participation._expo_amount_kind_of(line.sale_line_ids[:1])
        )
        self.assertAlmostEqual(
            by_kind, participation.amount_invoiced - of_no_kind, delta=0.02
        )
