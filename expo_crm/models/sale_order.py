# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

_logger = logging.getLogger(__name__)


class SaleOrder(models.Model):
    # the contract's states and amounts live in the mixin; its online signature
    # and the scheduled job (unpaid deposits, balances) here
    _inherit = ["sale.order", "expo.contract.mixin"]
    _name = "sale.order"

    expo_event_id = fields.Many2one(
        "event.event",
        string="Exhibition Edition",
        compute="_compute_expo_event_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        domain="[('expo_series_id', '!=', False)]",
        help="The edition this order sells booths, sponsorships, services or "
        "advertising for, when its lines do not name one.",
    )
    expo_participation_ids = fields.Many2many(
        "expo.participation",
        "expo_participation_sale_order_rel",
        "order_id",
        "participation_id",
        string="Participations",
        readonly=True,
        copy=False,
    )

    @api.depends("opportunity_id")
    def _compute_expo_event_id(self):
        for order in self:
            order.expo_event_id = (
                order.expo_event_id or order.opportunity_id.expo_event_id
            )

    @api.model
    def _expo_quote_booths(self, lead, booths):
        """The quotation of opportunity ``lead`` (its latest in draft, else a new
        one) with a line per booth of ``booths``, priced by its area."""
        order = lead.order_ids.filtered(
            lambda order: order.state in ("draft", "sent")
        ).sorted("id")[-1:]
        lines = [
            Command.create(booth._expo_quotation_line_values()) for booth in booths
        ]
        if order:
            order.order_line = lines
            return order
        return self.with_context(
            **lead._prepare_opportunity_quotation_context()
        ).create({"partner_id": lead.partner_id.id, "order_line": lines})

    # a space contract is signed and its deposit paid online
    @api.depends("expo_contract_schedule_id")
    def _compute_require_signature(self):
        res = super()._compute_require_signature()
        self.filtered("expo_contract_schedule_id").require_signature = True
        return res

    @api.depends("expo_contract_schedule_id")
    def _compute_require_payment(self):
        res = super()._compute_require_payment()
        for order in self.filtered("expo_contract_schedule_id"):
            order.require_payment = bool(
                order.expo_contract_schedule_id.deposit_percent
            )
        return res

    @api.depends("expo_contract_schedule_id")
    def _compute_prepayment_percent(self):
        res = super()._compute_prepayment_percent()
        for order in self.filtered("expo_contract_schedule_id"):
            percent = order.expo_contract_schedule_id.deposit_percent
            if percent:
                order.prepayment_percent = percent / 100.0
        return res

    def write(self, vals):
        res = super().write(vals)
        if vals.get("signature"):
            self._expo_sign_online()
        return res

    def _expo_sign_online(self):
        """Contracts signed in the portal whose deposit is still to pay reserve
        their booths and packages until the deposit falls due; paying confirms
        them."""
        orders = self.filtered(
            lambda order: order.expo_contract_schedule_id
            and order.state in ("draft", "sent")
            and not order.expo_signed_on
        )
        if not orders:
            return
        orders._expo_mark_signed()
        # the exhibitor signs as a portal user: the floor follows its signature
        orders = orders.sudo()
        orders.order_line._update_event_booths()
        self.env["expo.sponsorship.package"]._refresh_for_lines(orders.order_line)
        for order in orders:
            order.message_post(
                body=_(
                    "Signed online: the booths are reserved until the deposit is "
                    "due on %(date)s.",
                    date=format_date(self.env, order.expo_deposit_due),
                )
            )

    def action_draft(self):
        # a contract signed online and set back to quotation gives its booths
        # back and is signed anew
        signed = self.filtered(
            lambda order: order.state == "sent" and order.expo_signed_on
        )
        res = super().action_draft()
        signed._expo_free_floor()
        self.filtered(
            lambda order: order.state == "draft" and order.expo_signed_on
        ).write({"expo_signed_on": False, "expo_deposit_due": False})
        return res

    def action_confirm(self):
        res = super().action_confirm()
        self.order_line._expo_sync_participations()
        self.env["expo.sponsorship.package"]._refresh_for_lines(self.order_line)
        self._expo_contract_signed()
        return res

    def _action_cancel(self):
        # booths rented by the cancelled orders go back to the floor
        booths = self.sudo().order_line.event_booth_ids
        res = super()._action_cancel()
        self._expo_free_floor(booths)
        return res

    def _expo_free_floor(self, booths=None):
        """Give the orders' booths back to the floor (and the waiting list),
        cancel the participations nothing else holds, count their packages
        again."""
        if booths is None:
            booths = self.sudo().order_line.event_booth_ids
        booths._expo_free(
            "cancelled",
            {
                "state": "available",
                "partner_id": False,
                "sale_order_line_id": False,
                "is_paid": False,
            },
        )
        participations = (
            self.env["expo.participation"]
            .sudo()
            .search([("sale_order_ids", "in", self.ids)])
        )
        participations._expo_cancel_unheld()
        self.env["expo.sponsorship.package"]._refresh_for_lines(self.order_line)

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
