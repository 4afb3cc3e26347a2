# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date, formatLang

from ..tools import format_area

BOOTH_SALE_STATES = [
    ("available", "Available"),
    ("held", "Held"),
    ("reserved", "Reserved"),
    ("sold", "Sold"),
]
# colour of each sale state on the floor (kanban) and in lists
SALE_STATE_COLORS = {"available": 10, "held": 2, "reserved": 4, "sold": 1}
# what freeing a booth clears: it is nobody's any more
FREE_VALUES = {
    "expo_lead_id": False,
    "expo_hold_until": False,
    "expo_draw_line_id": False,
}


class EventBooth(models.Model):
    _inherit = "event.booth"

    @api.model
    def _expo_bulk_fields(self):
        """An assigned draw holds its booths in bulk: ``write`` below reacts to
        the booth's state, customer, area and sale, not to these."""
        return {"expo_lead_id", "expo_hold_until", "expo_draw_line_id"}

    # where the booth stands
    company_id = fields.Many2one(
        related="event_id.company_id", store=True, index=True, string="Company"
    )
    expo_venue_id = fields.Many2one(related="event_id.address_id", string="Venue")
    expo_hall_id = fields.Many2one(
        "expo.hall",
        string="Hall",
        index="btree_not_null",
        check_company=True,
        tracking=True,
        domain="[('venue_id', '=?', expo_venue_id)]",
    )
    expo_row = fields.Char(
        "Row",
        help="Booths of one hall and row whose positions follow each other are "
        "adjacent: the space draw can join them into a larger stand.",
    )
    expo_row_position = fields.Integer("Position in Row")

    # price: area times the category's price per m², unless changed on the booth
    price = fields.Float(
        compute="_compute_price",
        related=False,
        store=True,
        readonly=False,
        help="The category's price per m² times the booth's area, or the category's "
        "price when it has no price per m²; can be changed for this booth.",
    )
    expo_price_per_sqm = fields.Float(
        related="booth_category_id.expo_price_per_sqm", string="Price per m²"
    )

    # the sale: available, held for an opportunity, reserved, sold
    expo_sale_state = fields.Selection(
        BOOTH_SALE_STATES,
        string="Sale Status",
        compute="_compute_expo_sale_state",
        store=True,
        index=True,
        group_expand=True,
        help="Available; held for an opportunity until a date; reserved (its "
        "contract is signed, online or on paper); sold (its deposit is paid).",
    )
    expo_lead_id = fields.Many2one(
        "crm.lead",
        string="Opportunity",
        index="btree_not_null",
        check_company=True,
        copy=False,
        ondelete="set null",
        help="The opportunity the booth is held for, or reserved or sold through.",
    )
    expo_hold_until = fields.Date(
        "Held Until",
        copy=False,
        help="After this day the hold runs out: the booth is released and offered to "
        "the waiting list.",
    )
    expo_draw_line_id = fields.Many2one(
        "expo.space.draw.line",
        string="Space Draw Line",
        index="btree_not_null",
        copy=False,
        ondelete="set null",
        readonly=True,
        check_company=True,
    )
    expo_holder_id = fields.Many2one(
        "res.partner",
        string="Holder",
        compute="_compute_expo_holder_id",
        store=True,
        index="btree_not_null",
        help="The customer holding, renting or having bought the booth.",
    )
    expo_user_id = fields.Many2one(related="expo_lead_id.user_id", string="Salesperson")
    expo_state_color = fields.Integer(
        "Sale Status Color", compute="_compute_expo_state_color"
    )

    expo_participation_ids = fields.Many2many(
        "expo.participation",
        "expo_participation_event_booth_rel",
        "booth_id",
        "participation_id",
        string="Participations",
        readonly=True,
        copy=False,
    )

    @api.depends(
        "booth_category_id.price",
        "booth_category_id.expo_price_per_sqm",
        "expo_area_sqm",
    )
    def _compute_price(self):
        for booth in self:
            category = booth.booth_category_id.sudo()
            if category.expo_price_per_sqm:
                booth.price = category.expo_price_per_sqm * booth.expo_area_sqm
            else:
                booth.price = category.price

    @api.depends("state", "is_paid", "expo_lead_id")
    def _compute_expo_sale_state(self):
        for booth in self:
            if booth.state == "unavailable":
                booth.expo_sale_state = "sold" if booth.is_paid else "reserved"
            else:
                booth.expo_sale_state = "held" if booth.expo_lead_id else "available"

    @api.depends("partner_id", "expo_lead_id.partner_id")
    def _compute_expo_holder_id(self):
        for booth in self:
            holder = booth.partner_id or booth.expo_lead_id.partner_id
            booth.expo_holder_id = holder.commercial_partner_id

    @api.depends("expo_sale_state")
    def _compute_expo_state_color(self):
        for booth in self:
            booth.expo_state_color = SALE_STATE_COLORS.get(booth.expo_sale_state, 0)

    @api.constrains("state", "partner_id", "expo_lead_id")
    def _check_expo_hold(self):
        """A booth held for an opportunity is rented to that customer only."""
        for booth in self:
            lead = booth.expo_lead_id
            if booth.state != "unavailable" or not lead or not booth.partner_id:
                continue
            customer = lead.partner_id.commercial_partner_id
            if booth.partner_id.commercial_partner_id != customer:
                raise ValidationError(
                    _(
                        "Booth %(booth)s is held for %(lead)s (%(customer)s): release "
                        "it before renting it to %(renter)s.",
                        booth=booth.display_name,
                        lead=lead.display_name,
                        customer=customer.display_name or "?",
                        renter=booth.partner_id.display_name,
                    )
                )

    @api.constrains("expo_hall_id", "event_id")
    def _check_expo_hall_venue(self):
        for booth in self:
            venue = booth.event_id.address_id
            hall = booth.expo_hall_id
            if hall and venue and hall.venue_id != venue:
                raise ValidationError(
                    _(
                        "Hall %(hall)s is at %(hall_venue)s, not at the venue of "
                        "%(event)s (%(venue)s).",
                        hall=hall.display_name,
                        hall_venue=hall.venue_id.display_name,
                        event=booth.event_id.display_name,
                        venue=venue.display_name,
                    )
                )

    # writes: renting, releasing, participations
    @api.model_create_multi
    def create(self, vals_list):
        booths = super().create(vals_list)
        booths.filtered("partner_id")._expo_sync_participations()
        return booths

    def write(self, vals):
        taken = self.filtered(lambda booth: not booth._expo_is_free())
        lines = self.expo_draw_line_id
        if vals.get("state") == "available" and "expo_lead_id" not in vals:
            # a booth given back belongs to nobody
            vals = {**vals, **FREE_VALUES}
        if vals.get("state") == "unavailable" and "expo_hold_until" not in vals:
            vals = {**vals, "expo_hold_until": False}
        res = super().write(vals)
        if vals.get("state") == "unavailable":
            self._expo_link_opportunity()
        if {"partner_id", "state", "expo_area_sqm", "sale_order_line_id"} & set(vals):
            self._expo_sync_participations()
        freed = taken.filtered(lambda booth: booth._expo_is_free())
        if freed:
            lines._expo_mark_released(self.env.context.get("expo_release_reason"))
            if not self.env.context.get("expo_no_offer"):
                self.env["expo.space.draw"].sudo()._offer_released_booths(freed)
        return res

    def _expo_is_free(self):
        """Whether the booth can be given: available and held for nobody."""
        self.ensure_one()
        return self.state == "available" and not self.expo_lead_id

    def _expo_link_opportunity(self):
        """Booths rented through an opportunity's sale order belong to it."""
        for booth in self.sudo().filtered(lambda booth: not booth.expo_lead_id):
            lead = booth.sale_order_line_id.order_id.opportunity_id
            if lead:
                booth.expo_lead_id = lead

    def _expo_hold(self, lead, until, line=None):
        """Hold these booths for an opportunity until a date."""
        self.write(
            {
                "expo_lead_id": lead.id,
                "expo_hold_until": until,
                "expo_draw_line_id": line.id if line else False,
            }
        )

    def _expo_quotation_line_values(self):
        """A quotation line selling this booth: its category's product, priced by
        the booth (area times price per m²)."""
        self.ensure_one()
        category = self.sudo().booth_category_id
        return {
            "product_id": category.product_id.id,
            "product_uom_qty": 1.0,
            "event_id": self.event_id.id,
            "event_booth_category_id": category.id,
            "event_booth_pending_ids": [Command.set(self.ids)],
        }

    def _expo_free(self, reason, extra_values=None):
        """Release these booths (the hold ran out, released by hand, sale
        cancelled): the draw lines note why and the waiting list is offered them."""
        self.with_context(expo_release_reason=reason).write(
            {**FREE_VALUES, **(extra_values or {})}
        )

    def action_expo_release(self):
        """Release held booths (or booths rented by hand) for the waiting list."""
        if self.sudo().filtered("sale_order_line_id"):
            raise UserError(
                _(
                    "Booths sold through a sale order are released by cancelling the "
                    "order."
                )
            )
        for booth in self.filtered(lambda booth: not booth._expo_is_free()):
            booth._message_log(
                body=_("Released by %(user)s.", user=self.env.user.display_name)
            )
        self._expo_free("released", {"state": "available", "partner_id": False})

    @api.model
    def _cron_expo_expire_holds(self):
        """Release the booths whose hold ran out, with an activity to the
        salesperson of each opportunity."""
        today = fields.Date.context_today(self)
        booths = self.search(
            [("expo_sale_state", "=", "held"), ("expo_hold_until", "<", today)]
        )
        for lead in booths.expo_lead_id:
            lead_booths = booths.filtered(
                lambda booth, lead=lead: booth.expo_lead_id == lead
            )
            lead._expo_schedule_todo(
                _("Booth hold expired"),
                _(
                    "The hold of %(booths)s ran out on %(date)s: the booths went back "
                    "to the floor and the waiting list.",
                    booths=", ".join(lead_booths.mapped("name")),
                    date=format_date(
                        self.env, max(lead_booths.mapped("expo_hold_until"))
                    ),
                ),
            )
        booths._expo_free("expired")
        return len(booths)

    # quotations: a line per booth, area x price per m²
    def _get_booth_multiline_description(self):
        if not any(self.mapped("expo_area_sqm")):
            return super()._get_booth_multiline_description()
        booths = "\n".join(f"- {booth._expo_description()}" for booth in self)
        return f"{self.event_id.display_name} : \n{booths}"

    def _expo_description(self):
        """Booth, hall, type and area (times the price per m²) for documents."""
        self.ensure_one()
        types = dict(self._fields["expo_booth_type"]._description_selection(self.env))
        area = format_area(self.env, self.expo_area_sqm)
        parts = [self.expo_hall_id.name, types.get(self.expo_booth_type)]
        per_sqm = self.sudo().booth_category_id.expo_price_per_sqm
        if (
            per_sqm
            and self.currency_id.compare_amounts(
                self.price, per_sqm * self.expo_area_sqm
            )
            == 0
        ):
            parts.append(
                _(
                    "%(area)s m² × %(price)s",
                    area=area,
                    price=formatLang(self.env, per_sqm, currency_obj=self.currency_id),
                )
            )
        else:
            parts.append(_("%(area)s m²", area=area))
        details = ", ".join(part for part in parts if part)
        return f"{self.name} ({details})"

    # participations
    def _expo_sync_participations(self):
        """Rented booths of an edition belong to the exhibitor participation of
        their renter; released booths leave their participation."""
        Participation = self.env["expo.participation"].sudo()
        exhibitor = self.env.ref("expo_crm.role_exhibitor")
        rented = self.filtered(
            lambda booth: booth.state == "unavailable"
            and booth.partner_id
            and booth.event_id.expo_series_id
        )
        booths_by_key = {}
        for booth in rented:
            key = (
                booth.partner_id.commercial_partner_id.id,
                booth.event_id.id,
                exhibitor.id,
            )
            booths_by_key.setdefault(key, self.browse())
            booths_by_key[key] |= booth
        participations = Participation._expo_find_or_create(
            {
                key: booths._expo_participation_values()
                for key, booths in booths_by_key.items()
            }
        )
        kept = Participation
        for key, participation in participations.items():
            booths = booths_by_key[key]
            lines = booths.sale_order_line_id
            participation.write(
                {
                    "booth_ids": [(4, booth_id) for booth_id in booths.ids],
                    "sale_line_ids": [(4, line_id) for line_id in lines.ids],
                    "sale_order_ids": [
                        (4, order_id) for order_id in lines.order_id.ids
                    ],
                }
            )
            participation._expo_confirm()
            kept |= participation
        # booths released or rented by someone else leave their old participation
        released = Participation
        for participation in Participation.search([("booth_ids", "in", self.ids)]):
            leaving = participation.booth_ids.filtered(
                lambda booth, part=participation: booth in self
                and (
                    booth not in rented
                    or booth.partner_id.commercial_partner_id != part.partner_id
                )
            )
            if leaving:
                participation.booth_ids = [(3, booth_id) for booth_id in leaving.ids]
                if not participation.booth_ids:
                    participation.space_sqm = 0.0
                released |= participation
        (kept | released)._expo_sync_space_from_booths()
        released._expo_cancel_unheld()

    def _expo_participation_values(self):
        """Values of a new participation renting these booths."""
        renter = self.partner_id[:1]
        return {
            "contact_id": renter.id if renter.parent_id else False,
            "company_id": (self.event_id.company_id or self.env.company)[:1].id,
        }
