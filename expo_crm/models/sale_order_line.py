# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        # lines added to confirmed orders join their participations
        confirmed = lines.filtered(lambda line: line.order_id.state == "sale")
        confirmed._expo_sync_participations()
        self.env["expo.sponsorship.package"]._refresh_for_lines(confirmed)
        return lines

    def write(self, vals):
        sold_before = self.filtered(lambda line: line.state == "sale")
        res = super().write(vals)
        if {"product_id", "product_uom_qty", "event_id"} & set(vals):
            self.env["expo.sponsorship.package"]._refresh_for_lines(
                sold_before | self.filtered(lambda line: line.state == "sale")
            )
        return res

    def _get_display_price(self):
        """Booths priced by their area: the booths' own prices (area times the
        price per m²), with the pricelist's discount as Odoo applies it."""
        booths = self.event_booth_pending_ids
        if not (booths and self.event_id and any(booths.mapped("expo_area_sqm"))):
            return super()._get_display_price()
        company = self.event_id.company_id or self.env.company
        total = sum(booths.sudo().mapped("price"))
        if not self.pricelist_item_id._show_discount():
            product = self.product_id.with_context(
                **self._get_pricelist_price_context()
            )
            total *= 1.0 - product._get_contextual_discount()
        return self._convert_to_sol_currency(total, company.currency_id)

    def _expo_amount_kind(self):
        """Exhibition revenue kind of the line's product (booth products count as
        booths even without a kind)."""
        self.ensure_one()
        kind = self.product_id.product_tmpl_id.expo_amount_kind
        if not kind and self.product_id.service_tracking == "event_booth":
            kind = "booth"
        return kind

    def _expo_edition(self):
        self.ensure_one()
        event = self.event_id or self.order_id.expo_event_id
        return event if event.expo_series_id else self.env["event.event"]

    def _expo_role(self):
        """Role the line sells: the opportunity's role, else sponsor for
        sponsorships and exhibitor for the other kinds."""
        self.ensure_one()
        role = self.order_id.opportunity_id.expo_role_id
        if role:
            return role
        if self._expo_amount_kind() == "sponsorship":
            return self.env.ref("expo_crm.role_sponsor")
        return self.env.ref("expo_crm.role_exhibitor")

    def _expo_sync_participations(self):
        """Create or confirm one participation per (customer, edition, role) for
        the exhibition lines of confirmed orders and link orders and lines."""
        lines_by_key = {}
        for line in self.filtered(lambda line: line.order_id.state == "sale"):
            if not line._expo_amount_kind():
                continue
            event = line._expo_edition()
            if not event:
                continue
            partner = line.order_id.partner_id.commercial_partner_id
            key = (partner.id, event.id, line._expo_role().id)
            lines_by_key.setdefault(key, self.browse())
            lines_by_key[key] |= line
        if not lines_by_key:
            return
        values_by_key = {}
        for key, lines in lines_by_key.items():
            order = lines.order_id[:1]
            contact = order.partner_id
            values_by_key[key] = {
                "contact_id": contact.id if contact.parent_id else False,
                "company_id": order.company_id.id,
                "lead_id": order.opportunity_id.id,
            }
            if order.user_id:
                values_by_key[key]["user_id"] = order.user_id.id
        Participation = self.env["expo.participation"].sudo()
        participations = Participation._expo_find_or_create(values_by_key)
        for key, participation in participations.items():
            lines = lines_by_key[key]
            values = {
                "sale_line_ids": [(4, line_id) for line_id in lines.ids],
                "sale_order_ids": [(4, order_id) for order_id in lines.order_id.ids],
            }
            if not participation.lead_id and lines.order_id.opportunity_id:
                values["lead_id"] = lines.order_id.opportunity_id[:1].id
            participation.write(values)
            participation._expo_confirm(lines.order_id[:1].date_order.date())
        Participation.browse(
            [participation.id for participation in participations.values()]
        )._refresh_amounts()
