# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models


class ExpoContractDemo(models.AbstractModel):
    """Demo data of space contracts: the payments, the balance and the
    cancellation as finance and the sales team record them."""

    _name = "expo.contract.demo"
    _description = "Space Contract Demo Data"

    @api.model
    def _load_demo_contracts(self):
        """Pay the deposits of the demo contracts, leave one balance overdue and
        cancel one contract with its penalty."""
        ref = self.env.ref
        paid = ref("expo_crm.expo_demo_contract_china_academy_of_art")
        overdue = ref("expo_crm.expo_demo_contract_longjing_gallery")
        cancelled = ref("expo_crm.expo_demo_contract_west_lake_art_institute")
        for order in paid | overdue | cancelled:
            self._pay(order._expo_deposit_invoices())
        overdue.action_expo_invoice_balance()
        overdue.expo_balance_invoice_id.invoice_date_due = fields.Date.today() - (
            timedelta(days=10)
        )
        self.env["account.move"]._expo_remind_overdue()
        participation = cancelled.expo_participation_ids[:1]
        wizard = (
            self.env["expo.contract.change.wizard"]
            .with_context(active_id=participation.id)
            .create(
                {
                    "kind": "cancel",
                    "reason_id": ref("expo_crm.cancellation_reason_budget").id,
                    "note": "The institute's exhibition budget was cut this year.",
                }
            )
        )
        wizard.action_apply()

    @api.model
    def _pay(self, invoices):
        """Register the payment of these invoices in full, as finance does."""
        if invoices:
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoices.ids
            ).create({})._create_payments()
