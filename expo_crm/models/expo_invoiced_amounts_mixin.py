# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

# amounts refreshed from invoices: amount_<kind> for each product kind, and totals
AMOUNT_FIELDS = (
    "amount_booth",
    "amount_sponsorship",
    "amount_service",
    "amount_advertising",
    "amount_invoiced",
    "amount_paid",
)


class ExpoInvoicedAmountsMixin(models.AbstractModel):
    """What was invoiced and paid for a participation, by kind of product, read
    from the posted customer invoices and credit notes of its sale lines; nobody
    types them (on expo.participation)."""

    _name = "expo.invoiced.amounts.mixin"
    _description = "Exhibition Invoiced Amounts"

    currency_id = fields.Many2one("res.currency")
    # company currency, from posted customer invoices and credit notes
    amount_booth = fields.Monetary("Booth Amount", readonly=True)
    amount_sponsorship = fields.Monetary("Sponsorship Amount", readonly=True)
    amount_service = fields.Monetary("Services Amount", readonly=True)
    amount_advertising = fields.Monetary("Advertising Amount", readonly=True)
    amount_invoiced = fields.Monetary(
        "Invoiced",
        readonly=True,
        help="Untaxed amount of posted customer invoices minus credit notes for this "
        "participation, in the company currency at the invoice date.",
    )
    amount_paid = fields.Monetary("Paid", readonly=True)

    def _refresh_amounts(self):
        """Amounts by kind, invoiced and paid, from the posted customer invoices and
        credit notes linked to the participations' sale lines.

        Untaxed, in company currency at the invoice date (the journal item balance),
        credit notes subtract; paid is each invoice line's share of what was paid
        on its invoice. One grouped query for all participations.
        """
        if not self:
            return
        participation_by_line = {}
        for participation in self:
            for line in participation.sale_line_ids:
                participation_by_line.setdefault(line.id, participation)
        groups = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                [
                    ("sale_line_ids", "in", list(participation_by_line)),
                    ("parent_state", "=", "posted"),
                    ("move_id.move_type", "in", ("out_invoice", "out_refund")),
                    ("display_type", "=", "product"),
                ],
                ["sale_line_ids", "product_id", "move_id"],
                ["balance:sum"],
            )
        )
        totals = {
            participation: dict.fromkeys(AMOUNT_FIELDS, 0.0) for participation in self
        }
        for sale_line, product, move, balance in groups:
            participation = participation_by_line.get(sale_line.id)
            if not participation:
                continue
            amount = -balance
            kind = (product or sale_line.product_id).product_tmpl_id.expo_amount_kind
            if not kind and sale_line.product_id.service_tracking == "event_booth":
                kind = "booth"
            values = totals[participation]
            if kind:
                values[f"amount_{kind}"] += amount
            values["amount_invoiced"] += amount
            values["amount_paid"] += amount * move._expo_paid_ratio()
        # one relationship refresh for all changed participations, not one per
        # write; written as the system, which alone may write amounts
        deferred = self.sudo().with_context(expo_defer_relationship_refresh=True)
        changed_ids = []
        for participation, values in totals.items():
            currency = participation.currency_id
            values = {fname: currency.round(amount) for fname, amount in values.items()}
            changed = {
                fname: amount
                for fname, amount in values.items()
                if currency.compare_amounts(participation[fname], amount)
            }
            if changed:
                deferred.browse(participation.id).write(changed)
                changed_ids.append(participation.id)
        self.env["expo.relationship"]._refresh_for_partners(
            self.browse(changed_ids).partner_id
        )
