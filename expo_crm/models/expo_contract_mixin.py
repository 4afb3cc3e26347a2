# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import contract as rules

_logger = logging.getLogger(__name__)

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

    # the scheduled job: unpaid deposits, balances, overdue invoices
    @api.model
    def _cron_expo_contracts(self):
        """Release the contracts whose deposit stayed unpaid, invoice the
        balances due and remind overdue invoices; return the three counts. A
        contract that fails is logged and left for the next run."""
        today = fields.Date.context_today(self)
        unpaid_domain = [
            ("expo_contract_state", "=", "signed"),
            ("expo_deposit_due", "<", today),
        ]
        balance_domain = [
            ("expo_contract_state", "=", "confirmed"),
            ("expo_balance_invoice_on", "<=", today),
        ]
        # a few contracts a day change step: no batching needed
        released = sum(
            self._expo_run_one(order, "_expo_release_unpaid_deposit")
            for order in self.search(unpaid_domain)
        )
        invoiced = sum(
            self._expo_run_one(order, "_expo_invoice_balance")
            for order in self.search(balance_domain)
        )
        reminded = self.env["account.move"]._expo_remind_overdue()
        return released, invoiced, reminded

    @api.model
    def _expo_run_one(self, order, method):
        """Run a contract step in a savepoint of its own; 0 when it fails."""
        try:
            with self.env.cr.savepoint():
                return getattr(order.with_company(order.company_id), method)()
        except (UserError, ValidationError) as error:
            _logger.warning("Contract %s: %s skipped: %s", order.name, method, error)
            return 0

    def _expo_release_unpaid_deposit(self):
        """Give back the booths of a contract whose deposit was not paid in time:
        the deposit is credited, the order cancelled, the opportunity moved back
        with an activity; the waiting list is offered the booths. 1 if done."""
        self.ensure_one()
        order = self._expo_lock(skip_locked=True)
        if not order or order.expo_contract_state != "signed":
            return 0
        deposits = order._expo_deposit_invoices()
        if any(move.payment_state != "not_paid" for move in deposits):
            return 0  # partly paid: the reminders follow it up
        today = fields.Date.context_today(self)
        if deposits:
            ref = _("Deposit unpaid: %(order)s released", order=order.name)
            deposits._reverse_moves(
                [
                    {"ref": ref, "invoice_date": today, "date": today}
                    for _move in deposits
                ],
                cancel=True,
            )
        lead = order.opportunity_id
        note = _(
            "The deposit of %(order)s was due on %(date)s and is unpaid: its booths "
            "went back to the floor and the waiting list.",
            order=order.name,
            date=fields.Date.to_string(order.expo_deposit_due),
        )
        if lead:
            self._expo_move_lead_back(lead)
            lead._expo_schedule_todo(_("Deposit unpaid: space released"), note)
        order.write({"expo_released_on": today})
        order.with_context(disable_cancel_warning=True)._action_cancel()
        order.message_post(body=note)
        return 1

    @api.model
    def _expo_move_lead_back(self, lead):
        """A won opportunity goes back to the last stage before won."""
        if not lead.stage_id.is_won:
            return
        stage = self.env["crm.stage"].search(
            [
                ("is_won", "=", False),
                ("team_id", "in", [lead.team_id.id, False]),
            ],
            order="sequence desc, id desc",
            limit=1,
        )
        if stage:
            lead.write({"stage_id": stage.id})

    def _expo_invoice_balance(self):
        """The balance invoice (final, down payments deducted), due on schedule.
        1 if done."""
        self.ensure_one()
        order = self._expo_lock(skip_locked=True)
        if not order or order.expo_contract_state != "confirmed":
            return 0
        invoices = order.with_context(
            raise_if_nothing_to_invoice=False
        )._create_invoices(final=True)
        if not invoices:
            return 0
        self._expo_post_on_schedule(invoices.sudo(), order.expo_balance_due)
        order.write({"expo_balance_invoice_id": invoices[:1].id})
        order._expo_link_contract_lines()
        return 1

    def action_expo_invoice_balance(self):
        """Invoice the balance now, before its scheduled day."""
        for order in self:
            if order.expo_contract_state != "confirmed":
                raise UserError(
                    _(
                        "Only a contract whose deposit is paid gets its balance "
                        "invoiced (%(order)s).",
                        order=order.name,
                    )
                )
            order._expo_invoice_balance()
