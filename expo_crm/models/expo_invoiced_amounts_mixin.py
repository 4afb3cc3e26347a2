# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import _, api, fields, models

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
    types them (on expo.participation). The invoices and payments behind them
    open from the participation's smart buttons."""

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

    # the documents behind them (smart buttons); payments only for invoicing users
    invoice_ids = fields.Many2many(
        "account.move", compute="_compute_invoice_ids", string="Invoices"
    )
    invoice_count = fields.Integer(compute="_compute_invoice_ids")
    payment_count = fields.Integer(
        compute="_compute_payment_count",
        groups="account.group_account_invoice",
    )

    @api.depends("sale_line_ids")
    def _compute_invoice_ids(self):
        """Customer invoices and credit notes of the participation's order lines,
        those the user may read."""
        Move = self.env["account.move"]
        for participation in self:
            lines = participation.sale_line_ids
            participation.invoice_ids = (
                Move.search(
                    [
                        ("line_ids.sale_line_ids", "in", lines.ids),
                        ("move_type", "in", ("out_invoice", "out_refund")),
                    ]
                )
                if lines
                else Move
            )
            participation.invoice_count = len(participation.invoice_ids)

    def _compute_payment_count(self):
        for participation in self:
            participation.payment_count = len(
                participation.invoice_ids._get_reconciled_payments()
            )

    def action_expo_view_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("id", "in", self.invoice_ids.ids)]
        action["context"] = {"create": False, "default_move_type": "out_invoice"}
        return action

    def action_expo_view_payments(self):
        self.ensure_one()
        return self.invoice_ids._get_reconciled_payments()._get_records_action(
            name=_("Payments"), context={"create": False}
        )

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
        kind_shares = {}
        for sale_line, product, move, balance in groups:
            participation = participation_by_line.get(sale_line.id)
            if not participation:
                continue
            amount = -balance
            values = totals[participation]
            if sale_line.is_downpayment:
                # a deposit (and its deduction on the final invoice) counts in
                # each kind as the participation's lines of its order share it
                key = (sale_line.order_id, participation)
                if key not in kind_shares:
                    kind_shares[key] = self._expo_kind_shares(
                        *key, participation_by_line
                    )
                shares = kind_shares[key]
            else:
                kind = self._expo_amount_kind_of(sale_line, product)
                shares = {kind: 1.0} if kind else {}
            for kind, share in shares.items():
                values[f"amount_{kind}"] += amount * share
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

    @api.model
    def _expo_amount_kind_of(self, sale_line, product=None):
        """The kind of amount (booth, sponsorship, service, advertising) an
        invoiced line of ``sale_line`` counts in; False for none."""
        kind = (product or sale_line.product_id).product_tmpl_id.expo_amount_kind
        if not kind and sale_line.product_id.service_tracking == "event_booth":
            kind = "booth"
        return kind

    @api.model
    def _expo_kind_shares(self, order, participation, participation_by_line):
        """{kind: share} of the participation's lines of ``order`` (down payments
        aside), by their untaxed amount."""
        weights = defaultdict(float)
        for line in order.order_line:
            if line.is_downpayment or line.display_type:
                continue
            if participation_by_line.get(line.id) != participation:
                continue
            kind = self._expo_amount_kind_of(line)
            if kind:
                weights[kind] += line.price_subtotal
        total = sum(weights.values())
        return (
            {kind: weight / total for kind, weight in weights.items()} if total else {}
        )
