# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, _, api, fields, models
from odoo.tools import format_date


class SaleOrder(models.Model):
    # the contract side (deposit, balance, cancellation) lives in the mixin
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
        ).write(
            {"expo_signed_on": False, "expo_deposit_due": False}
        )
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
