# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _expo_paid_ratio(self):
        """Share of the invoice already paid (0 to 1), from its residual."""
        self.ensure_one()
        if self.payment_state in ("paid", "in_payment", "reversed"):
            return 1.0
        total = self.amount_total_signed
        if not total:
            return 0.0
        return 1.0 - self.amount_residual_signed / total

    def _expo_refresh_participations(self):
        invoices = self.filtered(
            lambda move: move.move_type in ("out_invoice", "out_refund")
        )
        if invoices:
            self.env["expo.participation"]._refresh_amounts_of_sale_lines(
                invoices.invoice_line_ids.sale_line_ids
            )

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        posted._expo_refresh_participations()
        return posted

    def button_draft(self):
        res = super().button_draft()
        self._expo_refresh_participations()
        return res

    def button_cancel(self):
        res = super().button_cancel()
        self._expo_refresh_participations()
        return res

    def _invoice_paid_hook(self):
        res = super()._invoice_paid_hook()
        self._expo_refresh_participations()
        self.env["sale.order"]._expo_deposits_paid(self)
        return res

    @api.model
    def _expo_remind_overdue(self):
        """An activity on each overdue invoice of a space contract, once, where
        Odoo's follow-up is not installed (it reminds them itself)."""
        followup = (
            self.env["ir.module.module"]
            .sudo()
            .search_count(
                [("name", "=", "account_followup"), ("state", "=", "installed")]
            )
        )
        if followup:
            return 0
        summary = _("Contract payment overdue")
        overdue = self.search(
            [
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("payment_state", "in", ("not_paid", "partial")),
                ("invoice_date_due", "<", fields.Date.context_today(self)),
                (
                    "line_ids.sale_line_ids.order_id.expo_contract_schedule_id",
                    "!=",
                    False,
                ),
                ("activity_ids", "not any", [("summary", "=", summary)]),
            ]
        )
        for invoice in overdue:
            order = invoice.line_ids.sale_line_ids.order_id[:1]
            invoice.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=summary,
                note=_(
                    "%(invoice)s of %(order)s was due on %(date)s.",
                    invoice=invoice.name,
                    order=order.name,
                    date=fields.Date.to_string(invoice.invoice_date_due),
                ),
                user_id=(order.user_id or invoice.invoice_user_id or self.env.user).id,
            )
        return len(overdue)
