# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class AccountPartialReconcile(models.Model):
    _inherit = "account.partial.reconcile"

    def _expo_invoices(self):
        return (self.debit_move_id.move_id | self.credit_move_id.move_id).filtered(
            lambda move: move.move_type in ("out_invoice", "out_refund")
        )

    @api.model_create_multi
    def create(self, vals_list):
        partials = super().create(vals_list)
        partials._expo_invoices()._expo_refresh_participations()
        return partials

    def unlink(self):
        invoices = self._expo_invoices()
        res = super().unlink()
        invoices._expo_refresh_participations()
        return res
