# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.expo_contract_change import CHANGE_KINDS


class ExpoContractChangeWizard(models.TransientModel):
    """Cancel a participation's space contract or give part of its space back:
    the penalty of the tier it falls in, then the credit note or invoice."""

    _name = "expo.contract.change.wizard"
    _description = "Cancel or Reduce a Contract"

    participation_id = fields.Many2one(
        "expo.participation", string="Participation", required=True, readonly=True
    )
    order_id = fields.Many2one(
        "sale.order",
        string="Contract",
        required=True,
        domain="[('id', 'in', allowed_order_ids)]",
    )
    allowed_order_ids = fields.Many2many(
        "sale.order", compute="_compute_allowed_order_ids"
    )
    kind = fields.Selection(CHANGE_KINDS, required=True, default="cancel")
    reason_id = fields.Many2one(
        "expo.cancellation.reason", string="Reason", required=True
    )
    note = fields.Text()
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        help="The day the customer cancelled or gave space back: it sets the tier.",
    )
    booth_ids = fields.Many2many(
        "event.booth",
        string="Booths Given Back",
        domain="[('id', 'in', allowed_booth_ids)]",
    )
    allowed_booth_ids = fields.Many2many(
        "event.booth", compute="_compute_allowed_order_ids"
    )
    area_sqm = fields.Float(
        "Space Given Back (m²)",
        digits=(16, 2),
        compute="_compute_area_sqm",
        store=True,
        readonly=False,
    )
    space_sqm = fields.Float(related="participation_id.space_sqm")
    currency_id = fields.Many2one(related="order_id.currency_id")
    # what it does, before it is done
    days_before = fields.Integer("Days before Opening", compute="_compute_preview")
    penalty_percent = fields.Float("Penalty (%)", compute="_compute_preview")
    released_amount = fields.Monetary("Released", compute="_compute_preview")
    penalty_amount = fields.Monetary("Penalty", compute="_compute_preview")
    contract_after = fields.Monetary(compute="_compute_preview")
    to_invoice = fields.Monetary(
        "To Invoice (Credit if Negative)",
        compute="_compute_preview",
        help="The penalty invoice (positive) or the credit note of the refundable "
        "part (negative), once the rest of the contract is invoiced.",
    )
    preview_error = fields.Char(compute="_compute_preview")

    @api.model
    def _contract_orders(self, participation):
        return participation.sudo().sale_order_ids._expo_live_contracts()

    @api.depends("participation_id")
    def _compute_allowed_order_ids(self):
        for wizard in self:
            wizard.allowed_order_ids = self._contract_orders(wizard.participation_id)
            wizard.allowed_booth_ids = wizard.participation_id.booth_ids

    @api.depends("booth_ids")
    def _compute_area_sqm(self):
        for wizard in self:
            if wizard.booth_ids:
                wizard.area_sqm = sum(wizard.booth_ids.mapped("expo_area_sqm"))

    @api.depends("order_id", "kind", "date", "area_sqm")
    def _compute_preview(self):
        Change = self.env["expo.contract.change"]
        for wizard in self:
            values = dict.fromkeys(
                (
                    "days_before",
                    "penalty_percent",
                    "released_amount",
                    "penalty_amount",
                    "contract_after",
                    "to_invoice",
                ),
                0,
            )
            values["preview_error"] = False
            if wizard.order_id and wizard.date:
                try:
                    days, settlement = Change._expo_preview(
                        wizard.order_id.sudo(),
                        wizard.kind,
                        wizard.date,
                        wizard.area_sqm,
                        wizard.participation_id,
                    )
                except UserError as error:
                    values["preview_error"] = error.args[0]
                else:
                    values.update(
                        days_before=days,
                        penalty_percent=settlement.percent,
                        released_amount=settlement.released,
                        penalty_amount=settlement.penalty,
                        contract_after=settlement.contract_after,
                        to_invoice=settlement.to_invoice,
                    )
            wizard.update(values)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        participation = self.env["expo.participation"].browse(
            values.get("participation_id") or self.env.context.get("active_id")
        )
        if participation:
            signed = participation.sudo().sale_order_ids._expo_signed_contracts()
            orders = signed._expo_live_contracts()
            if signed and not orders:
                signed[:1]._expo_check_changeable()
            if not orders:
                raise UserError(
                    _(
                        "%(participation)s has no signed space contract to cancel "
                        "or reduce.",
                        participation=participation.display_name,
                    )
                )
            values["participation_id"] = participation.id
            values.setdefault("order_id", orders[:1].id)
        return values

    def action_apply(self):
        self.ensure_one()
        self.participation_id.check_access("write")
        if self.order_id not in self._contract_orders(self.participation_id):
            raise UserError(
                _(
                    "%(order)s is not a signed contract of %(participation)s.",
                    order=self.order_id.display_name,
                    participation=self.participation_id.display_name,
                )
            )
        if (
            self.kind == "reduce"
            and self.participation_id.booth_ids
            and not (self.booth_ids)
        ):
            raise UserError(
                _(
                    "%(participation)s rents booths: choose the booths given back.",
                    participation=self.participation_id.display_name,
                )
            )
        booths = self.booth_ids if self.kind == "reduce" else self.booth_ids.browse()
        change = (
            self.env["expo.contract.change"]
            .sudo()
            ._expo_apply(
                self.order_id.sudo(),
                self.kind,
                self.reason_id,
                self.date,
                self.participation_id.sudo(),
                booths.sudo(),
                self.area_sqm if self.kind == "reduce" else 0.0,
                self.note,
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "expo.contract.change",
            "res_id": change.id,
            "view_mode": "form",
            "target": "current",
        }
