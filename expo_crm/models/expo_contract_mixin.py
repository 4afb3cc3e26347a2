# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from ..rules import contract as rules

CONTRACT_STATES = [
    ("quotation", "Quotation"),
    ("signed", "Signed, Deposit Due"),
    ("confirmed", "Deposit Paid"),
    ("balance_invoiced", "Balance Invoiced"),
    ("released", "Released (Deposit Unpaid)"),
    ("cancelled", "Cancelled"),
]


class ExpoContractMixin(models.AbstractModel):
    """The money side of a space contract, the quotation of an edition: signed
    online, a deposit invoiced at signing, a balance invoiced on schedule."""

    _name = "expo.contract.mixin"
    _description = "Space Contract"

    expo_contract_schedule_id = fields.Many2one(
        "expo.contract.schedule",
        string="Contract Schedule",
        compute="_compute_expo_contract_schedule_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        index="btree_not_null",
        help="The payment and cancellation schedule of the contract: the edition's, "
        "else its series'. A quotation with a schedule is a space contract: signed "
        "and paid (deposit) online.",
    )
    expo_signed_on = fields.Date("Contract Signed On", readonly=True, copy=False)
    expo_deposit_due = fields.Date("Deposit Due", readonly=True, copy=False)
    expo_deposit_paid_on = fields.Date("Deposit Paid On", readonly=True, copy=False)
    expo_balance_due = fields.Date(
        "Balance Due",
        compute="_compute_expo_balance_due",
        store=True,
        help="The schedule's days before the opening, or the signing day when "
        "signed later.",
    )
    expo_balance_invoice_on = fields.Date(
        "Balance Invoiced On",
        compute="_compute_expo_balance_due",
        store=True,
        help="The day the scheduled job issues the balance invoice.",
    )
    expo_balance_invoice_id = fields.Many2one(
        "account.move", string="Balance Invoice", readonly=True, copy=False
    )
    expo_released_on = fields.Date("Released On", readonly=True, copy=False)
    expo_cancelled_on = fields.Date("Contract Cancelled On", readonly=True, copy=False)
    expo_contract_state = fields.Selection(
        CONTRACT_STATES,
        string="Contract Status",
        compute="_compute_expo_contract_state",
        store=True,
        index="btree_not_null",
        help="Follows the money: signed (deposit due), deposit paid (the booths are "
        "sold), balance invoiced; released when the deposit stayed unpaid.",
    )

    @api.depends("expo_event_id.expo_contract_schedule_id")
    def _compute_expo_contract_schedule_id(self):
        # a confirmed order keeps its terms: only quotations follow the edition
        for order in self:
            if order.state in ("draft", "sent") and not order.expo_signed_on:
                order.expo_contract_schedule_id = (
                    order.expo_event_id.expo_contract_schedule_id
                )
            else:
                order.expo_contract_schedule_id = order.expo_contract_schedule_id

    @api.depends(
        "expo_event_id.date_begin",
        "expo_contract_schedule_id.balance_due_days",
        "expo_contract_schedule_id.balance_invoice_days",
        "expo_signed_on",
    )
    def _compute_expo_balance_due(self):
        for order in self:
            schedule = order.expo_contract_schedule_id
            opening = order.expo_event_id.date_begin
            due = (
                rules.balance_due_date(
                    rules.opening_day(opening),
                    schedule.balance_due_days,
                    order.expo_signed_on,
                )
                if schedule and opening
                else False
            )
            order.expo_balance_due = due
            order.expo_balance_invoice_on = due and rules.balance_invoice_date(
                due, schedule.balance_invoice_days
            )

    @api.depends(
        "state",
        "expo_contract_schedule_id",
        "expo_signed_on",
        "expo_deposit_paid_on",
        "expo_balance_invoice_id",
        "expo_released_on",
        "expo_cancelled_on",
    )
    def _compute_expo_contract_state(self):
        for order in self:
            if not order.expo_contract_schedule_id:
                state = False
            elif order.expo_cancelled_on:
                state = "cancelled"
            elif order.expo_released_on:
                state = "released"
            elif order.state == "cancel":
                state = "cancelled"
            elif not order.expo_signed_on:
                state = "quotation"
            elif order.state != "sale":
                state = "signed"  # online, the prepayment not paid yet
            elif order.expo_balance_invoice_id:
                state = "balance_invoiced"
            elif order.expo_deposit_paid_on or not order._expo_deposit_percent():
                state = "confirmed"
            else:
                state = "signed"
            order.expo_contract_state = state

    def _expo_signed_contracts(self):
        """The contracts signed and still running, online or confirmed."""
        return self.filtered(
            lambda order: order.expo_contract_state
            in ("signed", "confirmed", "balance_invoiced")
        )

    def _expo_live_contracts(self):
        """The confirmed contracts still running: what Cancel or Reduce changes."""
        return self._expo_signed_contracts().filtered(
            lambda order: order.state == "sale"
        )

    def _expo_check_changeable(self):
        """Raise a clear error unless each contract can be cancelled or reduced."""
        for order in self:
            if order.expo_contract_state in ("cancelled", "released") or (
                order.state == "cancel"
            ):
                raise UserError(
                    _("Contract %(order)s is already cancelled.", order=order.name)
                )
            if order.expo_contract_state == "quotation":
                raise UserError(
                    _(
                        "%(order)s is not signed yet: cancel the quotation instead.",
                        order=order.name,
                    )
                )
            if order.state != "sale":
                raise UserError(
                    _(
                        "%(order)s is signed online but its deposit is not paid, "
                        "so it is still a quotation: cancel the quotation instead; "
                        "its booths go back to the floor.",
                        order=order.name,
                    )
                )

    # amounts of the contract, in its currency
    def _expo_deposit_percent(self):
        self.ensure_one()
        return self.expo_contract_schedule_id.deposit_percent

    def _expo_invoices(self):
        """Posted customer invoices and credit notes of the contract."""
        self.ensure_one()
        return self.invoice_ids.filtered(
            lambda move: move.state == "posted"
            and move.move_type in ("out_invoice", "out_refund")
        )

    def _expo_deposit_invoices(self):
        """Posted invoices of the contract made of down payments only."""
        self.ensure_one()
        return self._expo_invoices().filtered(
            lambda move: move.move_type == "out_invoice"
            and move.invoice_line_ids.sale_line_ids
            and all(move.invoice_line_ids.sale_line_ids.mapped("is_downpayment"))
        )

    def _expo_invoiced_and_paid(self):
        """(untaxed invoiced minus credited, its paid share), in the contract's
        currency."""
        self.ensure_one()
        invoiced = paid = 0.0
        for move in self._expo_invoices():
            lines = move.invoice_line_ids.filtered(
                lambda line, order=self: line.display_type == "product"
                and line.sale_line_ids.order_id == order
            )
            amount = sum(lines.mapped("price_subtotal")) * (
                -1 if move.move_type == "out_refund" else 1
            )
            invoiced += amount
            paid += amount * move._expo_paid_ratio()
        rounding = self.currency_id.rounding
        return rules.round_amount(invoiced, rounding), rules.round_amount(
            paid, rounding
        )

    # signing: the deposit invoice
    def _expo_mark_signed(self):
        """Date the signature of contracts not signed yet: the deposit falls due
        on schedule."""
        today = fields.Date.context_today(self)
        for order in self.filtered(
            lambda order: order.expo_contract_schedule_id and not order.expo_signed_on
        ):
            order.write(
                {
                    "expo_signed_on": today,
                    "expo_deposit_due": rules.deposit_due_date(
                        today, order.expo_contract_schedule_id.deposit_due_days
                    ),
                }
            )

    def _expo_contract_signed(self):
        """Confirmed contracts are signed (at confirmation, or earlier online):
        their deposit is invoiced, due on schedule (unless the portal's payment
        invoices it)."""
        self._expo_mark_signed()
        for order in self.filtered("expo_contract_schedule_id"):
            schedule = order.expo_contract_schedule_id
            if not schedule.deposit_percent or order._expo_invoices():
                continue
            paid_tx = order.sudo().transaction_ids.filtered(
                lambda tx: tx.state in ("authorized", "done")
            )
            auto_invoice = (
                self.env["ir.config_parameter"]
                .sudo()
                .get_param("sale.automatic_invoice")
            )
            if paid_tx and auto_invoice:
                continue  # the payment's own down payment invoice is the deposit
            invoice = order._expo_create_deposit_invoice()
            if paid_tx:
                paid_tx.invoice_ids = [Command.link(invoice.id)]

    def _expo_create_deposit_invoice(self):
        """The deposit: a down payment invoice of the schedule's share, posted."""
        self.ensure_one()
        schedule = self.expo_contract_schedule_id
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_company(self.company_id)
            .create(
                {
                    "sale_order_ids": [Command.set(self.ids)],
                    "advance_payment_method": "percentage",
                    "amount": schedule.deposit_percent,
                }
            )
        )
        # issued by the schedule, as Odoo's automatic invoicing does: also when a
        # salesperson without invoicing rights confirms the contract
        invoice = wizard._create_invoices(self).sudo()
        self._expo_post_on_schedule(invoice, self.expo_deposit_due)
        self._expo_link_contract_lines()
        return invoice

    @api.model
    def _expo_post_on_schedule(self, invoices, due=None):
        """Post invoices dated today, due on the contract's date when given."""
        today = fields.Date.context_today(self)
        for invoice in invoices:
            invoice.write({"invoice_date": today})
            if due:
                invoice.write({"invoice_payment_term_id": False})
                invoice.write({"invoice_date_due": max(due, today)})
        invoices.action_post()

    def _expo_main_participation(self):
        """The participation an order's extra lines (down payments, penalties)
        count for: the exhibitor one, else the first."""
        self.ensure_one()
        participations = self.sudo().expo_participation_ids
        exhibitor = self.env.ref("expo_crm.role_exhibitor")
        return (
            participations.filtered(lambda part: part.role_id == exhibitor)[:1]
            or participations[:1]
        )

    def _expo_link_contract_lines(self):
        """Down payment, reduction and penalty lines count for the contract's
        participation: finance and the participation's amounts agree."""
        for order in self:
            participation = order._expo_main_participation()
            if not participation:
                continue
            linked = order.sudo().expo_participation_ids.sale_line_ids
            missing = order.order_line.filtered(
                lambda line, linked=linked: not line.display_type and line not in linked
            )
            if missing:
                participation.sudo().write(
                    {"sale_line_ids": [Command.link(line.id) for line in missing]}
                )
            participation._refresh_amounts()

    # the money arrives
    def _expo_lock(self, skip_locked=False):
        """Lock the contracts against a concurrent change (a payment, a
        cancellation, the scheduled job); return the ones locked."""
        if not self:
            return self
        self.flush_recordset()
        self.env.cr.execute(
            "SELECT id FROM sale_order WHERE id IN %s ORDER BY id FOR UPDATE"
            + (" SKIP LOCKED" if skip_locked else ""),
            [tuple(self.ids)],
        )
        locked = self.browse([row[0] for row in self.env.cr.fetchall()])
        locked.invalidate_recordset()
        return locked

    @api.model
    def _expo_deposits_paid(self, invoices):
        """Paid deposit invoices confirm their contracts: the booths are sold."""
        # finance registers payments without sales rights: the contract follows
        orders = invoices.sudo().invoice_line_ids.sale_line_ids.order_id.filtered(
            lambda order: order.expo_contract_state == "signed"
        )
        for order in orders._expo_lock():
            deposits = order._expo_deposit_invoices()
            if not deposits or any(
                move.payment_state not in ("paid", "in_payment") for move in deposits
            ):
                continue
            order.write({"expo_deposit_paid_on": fields.Date.context_today(self)})
            # a deposit invoiced by the portal's payment joins the participation
            order._expo_link_contract_lines()
            booths = order.order_line.event_booth_ids.filtered(
                lambda booth: booth.state == "unavailable"
            )
            booths.write({"is_paid": True})
            order.expo_participation_ids._expo_confirm()
            order.message_post(
                body=_("Deposit paid: the contract is confirmed and its booths sold.")
            )
