# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


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
        return res
