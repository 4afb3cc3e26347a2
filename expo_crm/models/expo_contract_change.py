# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from ..rules import contract as rules

CHANGE_KINDS = [("cancel", "Cancellation"), ("reduce", "Reduction")]


class ExpoContractChange(models.Model):
    """A space contract cancelled or reduced: the tier it fell in, the penalty
    and the credit note or invoice that settled it."""

    _name = "expo.contract.change"
    _description = "Contract Cancellation or Reduction"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    kind = fields.Selection(CHANGE_KINDS, required=True, readonly=True)
    order_id = fields.Many2one(
        "sale.order",
        string="Contract",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    participation_id = fields.Many2one(
        "expo.participation",
        string="Participation",
        readonly=True,
        index=True,
        check_company=True,
    )
    partner_id = fields.Many2one(related="order_id.partner_id", store=True)
    event_id = fields.Many2one(related="order_id.expo_event_id", store=True)
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    currency_id = fields.Many2one(related="order_id.currency_id", store=True)
    user_id = fields.Many2one(
        "res.users", string="Recorded By", readonly=True, default=lambda s: s.env.user
    )
    reason_id = fields.Many2one(
        "expo.cancellation.reason", string="Reason", required=True, readonly=True
    )
    note = fields.Text(readonly=True)
    date = fields.Date(required=True, readonly=True)
    days_before = fields.Integer("Days before Opening", readonly=True)
    penalty_percent = fields.Float("Penalty (%)", readonly=True)
    area_sqm = fields.Float("Space Given Back (m²)", digits=(16, 2), readonly=True)
    booth_ids = fields.Many2many(
        "event.booth", string="Booths Given Back", readonly=True
    )
    contract_before = fields.Monetary(readonly=True)
    released_amount = fields.Monetary("Released", readonly=True)
    penalty_amount = fields.Monetary("Penalty", readonly=True)
    contract_after = fields.Monetary(readonly=True)
    move_id = fields.Many2one(
        "account.move",
        string="Credit Note or Invoice",
        readonly=True,
        help="The credit note of the refundable part, or the penalty invoice; "
        "empty when the change waits for the balance invoice.",
    )

    @api.depends("kind", "order_id.name")
    def _compute_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for change in self:
            change.name = f"{change.order_id.name or ''} {kinds.get(change.kind, '')}"

    # what a change would do: the wizard shows it, applying records it
    @api.model
    def _expo_preview(self, order, kind, on, area_sqm=0.0, participation=None):
        """The settlement of cancelling or reducing a contract on a day, with the
        days before the opening; raise a clear error on bad input."""
        order._expo_check_changeable()
        opening = rules.opening_day(order.expo_event_id.date_begin)
        days = rules.days_before_opening(opening, on)
        percent = order.expo_contract_schedule_id._expo_penalty_percent(days)
        contract = order.amount_untaxed
        invoiced, paid = order._expo_invoiced_and_paid()
        rounding = order.currency_id.rounding
        if kind == "cancel":
            return days, rules.cancellation(contract, invoiced, paid, percent, rounding)
        space = participation.space_sqm if participation else 0.0
        error = rules.reduction_error(space, area_sqm)
        if error == rules.REDUCTION_NOTHING:
            raise UserError(_("Give back some space: the reduction is empty."))
        if error == rules.REDUCTION_TOO_LARGE:
            raise UserError(
                _(
                    "%(participation)s has %(space)s m²: it cannot give back "
                    "%(area)s m².",
                    participation=participation.display_name,
                    space=space,
                    area=area_sqm,
                )
            )
        if error == rules.REDUCTION_ALL:
            raise UserError(
                _("Giving back the whole space is a cancellation: cancel instead.")
            )
        space_amount = sum(self._expo_space_lines(order).mapped("price_subtotal"))
        return days, rules.reduction(
            contract, space_amount, space, area_sqm, invoiced, paid, percent, rounding
        )

    @api.model
    def _expo_apply(self, order, kind, reason, on, participation, booths, area, note):
        """Cancel or reduce a signed contract: lines giving the value back and
        the penalty are added to the order, settled now by a credit note or an
        invoice (or with the balance), the booths or m² go back to the floor."""
        order = order._expo_lock()
        participations = (
            order.sudo().expo_participation_ids if kind == "cancel" else participation
        )
        if kind == "cancel" and any(p.state == "cancelled" for p in participations):
            raise UserError(
                _(
                    "%(participation)s is already cancelled.",
                    participation=participations.filtered(
                        lambda p: p.state == "cancelled"
                    )[:1].display_name,
                )
            )
        days, settlement = self._expo_preview(order, kind, on, area, participation)
        contract_before = order.amount_untaxed
        pending = self._expo_left_to_invoice(order)
        self._expo_add_change_lines(order, kind, settlement, area)
        move = self.env["account.move"]
        if kind == "cancel" or not pending:
            if kind == "cancel":
                # all of it is settled now, delivered or not
                order._force_lines_to_invoice_policy_order()
            move = order.with_context(
                raise_if_nothing_to_invoice=False
            )._create_invoices(final=True)
            order._expo_post_on_schedule(move)
        order._expo_link_contract_lines()
        change = self.create(
            {
                "kind": kind,
                "order_id": order.id,
                "participation_id": participation.id if participation else False,
                "reason_id": reason.id,
                "note": note,
                "date": on,
                "days_before": days,
                "penalty_percent": settlement.percent,
                "area_sqm": area,
                "booth_ids": [Command.set(booths.ids)],
                "contract_before": contract_before,
                "released_amount": settlement.released,
                "penalty_amount": settlement.penalty,
                "contract_after": settlement.contract_after,
                "move_id": move[:1].id,
            }
        )
        change._expo_give_space_back(participations, booths, area)
        order.message_post(body=change._expo_summary())
        for part in participations:
            part.message_post(body=change._expo_summary())
        return change

    def _expo_give_space_back(self, participations, booths, area):
        """Free the booths given back (or all of a cancelled contract's) for the
        waiting list; cancel the participations or cut their space."""
        self.ensure_one()
        free_values = {
            "state": "available",
            "partner_id": False,
            "sale_order_line_id": False,
            "is_paid": False,
        }
        if self.kind == "cancel":
            self.order_id.write({"expo_cancelled_on": self.date})
            self.order_id.sudo().order_line.event_booth_ids._expo_free(
                "cancelled", free_values
            )
            participations.sudo().write({"state": "cancelled"})
            return
        if booths:
            booths.sudo()._expo_free("released", free_values)
        else:
            participations.sudo().write(
                {"space_sqm": max(participations.space_sqm - area, 0.0)}
            )

    def _expo_summary(self):
        self.ensure_one()
        return _(
            "%(kind)s %(days)s days before the opening (%(reason)s): penalty "
            "%(percent)s %% = %(penalty)s, contract now %(after)s.",
            kind=dict(self._fields["kind"]._description_selection(self.env))[self.kind],
            days=self.days_before,
            reason=self.reason_id.name,
            percent=self.penalty_percent,
            penalty=self.penalty_amount,
            after=self.contract_after,
        )

    @api.model
    def _expo_space_lines(self, order):
        """The lines selling space (booth kind), reductions included."""
        return order.order_line.filtered(
            lambda line: not line.display_type
            and not line.is_downpayment
            and line._expo_amount_kind() == "booth"
        )

    @api.model
    def _expo_left_to_invoice(self, order):
        """Whether some contract value is still to invoice (the balance)."""
        return any(
            not line.display_type
            and not line.is_downpayment
            and not order.currency_id.is_zero(line.untaxed_amount_to_invoice)
            for line in order.order_line
        )

    @api.model
    def _expo_add_change_lines(self, order, kind, settlement, area):
        """A line per tax set giving the value back, and the penalty line."""
        if kind == "cancel":
            lines = order.order_line.filtered(
                lambda line: not line.display_type and not line.is_downpayment
            )
        else:
            lines = self._expo_space_lines(order)
        groups = defaultdict(float)
        for line in lines:
            groups[line.tax_id, line._expo_amount_kind() == "booth"] += (
                line.price_subtotal
            )
        total = sum(groups.values())
        if order.currency_id.is_zero(total):
            return
        space_product = self.env.ref("expo_crm.product_contract_space_back")
        other_product = self.env.ref("expo_crm.product_contract_value_back")
        penalty_product = self.env.ref("expo_crm.product_contract_penalty")
        label = (
            _("Contract cancelled")
            if kind == "cancel"
            else _("Space given back: %(area)s m²", area=area)
        )
        values, remaining = [], settlement.released
        items = sorted(groups.items(), key=lambda item: -item[1])
        for index, ((taxes, is_space), amount) in enumerate(items):
            share = (
                remaining
                if index == len(items) - 1
                else order.currency_id.round(settlement.released * amount / total)
            )
            remaining -= share
            product = space_product if is_space else other_product
            values.append(self._expo_change_line(product, label, -share, taxes))
        if not order.currency_id.is_zero(settlement.penalty):
            values.append(
                self._expo_change_line(
                    penalty_product,
                    _(
                        "Penalty: %(percent)s %% of %(amount)s",
                        percent=settlement.percent,
                        amount=settlement.released,
                    ),
                    settlement.penalty,
                    items[0][0][0],
                )
            )
        order.sudo().write({"order_line": [Command.create(vals) for vals in values]})

    @api.model
    def _expo_change_line(self, product, label, price, taxes):
        return {
            "product_id": product.id,
            "name": label,
            "product_uom_qty": 1.0,
            "price_unit": price,
            "tax_id": [Command.set(taxes.ids)],
        }
