# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class EventBooth(models.Model):
    _inherit = "event.booth"

    expo_participation_ids = fields.Many2many(
        "expo.participation",
        "expo_participation_event_booth_rel",
        "booth_id",
        "participation_id",
        string="Participations",
        readonly=True,
        copy=False,
    )

    @api.model_create_multi
    def create(self, vals_list):
        booths = super().create(vals_list)
        booths.filtered("partner_id")._expo_sync_participations()
        return booths

    def write(self, vals):
        res = super().write(vals)
        if {"partner_id", "state", "expo_area_sqm", "sale_order_line_id"} & set(vals):
            self._expo_sync_participations()
        return res

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
