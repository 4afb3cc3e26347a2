# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models, tools


class EventRegistration(models.Model):
    _inherit = "event.registration"

    @api.model_create_multi
    def create(self, vals_list):
        registrations = super().create(vals_list)
        registrations._expo_sync_participations()
        return registrations

    def write(self, vals):
        res = super().write(vals)
        if {"state", "partner_id", "event_id"} & set(vals) and not self.env.context.get(
            "expo_skip_participation_sync"
        ):
            self._expo_sync_participations()
        return res

    def _expo_sync_participations(self):
        """Visitor participations of the registered attendees of editions: confirmed
        when registered, attended when the registration is done; cancelled once no
        registration of the customer remains."""
        registrations = self.filtered("event_id.expo_series_id")
        active = registrations.filtered(lambda reg: reg.state in ("open", "done"))
        active.filtered(lambda reg: not reg.partner_id)._expo_create_partners()
        visitor = self.env.ref("expo_crm.role_visitor")
        regs_by_key = {}
        for registration in active.filtered("partner_id"):
            partner = registration.partner_id.commercial_partner_id
            key = (partner.id, registration.event_id.id, visitor.id)
            regs_by_key.setdefault(key, self.browse())
            regs_by_key[key] |= registration
        Participation = self.env["expo.participation"].sudo()
        participations = Participation._expo_find_or_create(
            {
                key: regs._expo_participation_values()
                for key, regs in regs_by_key.items()
            }
        )
        for key, participation in participations.items():
            if "done" in regs_by_key[key].mapped("state"):
                if participation.state != "attended":
                    participation.state = "attended"
            else:
                participation._expo_confirm()
        registrations._expo_cancel_left_participations(visitor)

    def _expo_participation_values(self):
        attendee = self.partner_id[:1]
        return {
            "contact_id": attendee.id if attendee.parent_id else False,
            "company_id": (self.event_id.company_id or self.env.company)[:1].id,
        }

    def _expo_cancel_left_participations(self, visitor):
        """Cancel visitor participations of customers whose registrations to the
        edition are all cancelled."""
        cancelled = self.filtered(lambda reg: reg.state in ("cancel", "draft"))
        if not cancelled.partner_id:
            return
        remaining = self.search(
            [
                ("event_id", "in", cancelled.event_id.ids),
                ("state", "in", ("open", "done")),
            ]
        )
        still_in = {
            (reg.partner_id.commercial_partner_id.id, reg.event_id.id)
            for reg in remaining
        }
        participations = (
            self.env["expo.participation"]
            .sudo()
            .search(
                [
                    (
                        "partner_id",
                        "in",
                        cancelled.partner_id.commercial_partner_id.ids,
                    ),
                    ("event_id", "in", cancelled.event_id.ids),
                    ("role_id", "=", visitor.id),
                    ("state", "in", ("planned", "confirmed")),
                ]
            )
        )
        participations.filtered(
            lambda part: (part.partner_id.id, part.event_id.id) not in still_in
        ).write({"state": "cancelled"})

    def _expo_create_partners(self):
        """Give attendees without a partner one, found by email or created from
        the registration's name, email and phone."""
        with_email = self.filtered(lambda reg: tools.email_normalize(reg.email))
        if with_email:
            additional_values = {
                tools.email_normalize(reg.email): {
                    "name": reg.name or reg.email,
                    "phone": reg.phone,
                }
                for reg in with_email
            }
            partners = self.env["res.partner"]._find_or_create_from_emails(
                with_email.mapped("email"), additional_values=additional_values
            )
            with_email._expo_set_partners(partners)
        without_email = (self - with_email).filtered("name")
        partners = self.env["res.partner"].create(
            [
                {
                    "name": reg.name,
                    "email": reg.email,
                    "phone": reg.phone,
                }
                for reg in without_email
            ]
        )
        without_email._expo_set_partners(partners)

    def _expo_set_partners(self, partners):
        quiet = self.with_context(expo_skip_participation_sync=True)
        for registration, partner in zip(quiet, partners, strict=True):
            registration.partner_id = partner
