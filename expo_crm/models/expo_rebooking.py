# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from psycopg2.errors import LockNotAvailable

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..rules import rebooking
from ..rules.priority_points import stars


class ExpoRebooking(models.AbstractModel):
    """Turns an edition's participants into opportunities for the next edition:
    reads who is already booked or in the pipeline, applies the rebooking rule
    (``rules.rebooking``) and creates the opportunities with their priority, a
    call for their salesperson and the same booths as first choice. The
    rebooking wizard is its screen."""

    _name = "expo.rebooking"
    _description = "Exhibition Rebooking Service"

    @api.model
    def _lock_next_edition(self, next_event):
        """Take the next edition for this rebooking until the transaction ends.

        A second rebooking of the same edition at the same moment is refused
        with a message instead of creating every opportunity twice. The
        edition's rebooking date is written: a rebooking that started before
        this one committed (and so cannot see its opportunities) gets a
        concurrency error when it takes the edition, and the server tries it
        again from the start, when it sees them and skips their customers."""
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM event_event WHERE id = %s "
                        "FOR NO KEY UPDATE NOWAIT",
                        next_event.id,
                    )
                )
        except LockNotAvailable:
            raise UserError(
                _(
                    "Another user is rebooking %(edition)s right now. Wait until "
                    "that is done, then run it again: the customers it rebooks "
                    "are skipped.",
                    edition=next_event.display_name,
                )
            ) from None
        next_event.sudo().expo_rebooking_date = fields.Datetime.now()

    @api.model
    def _plan(self, participations, next_event, role_ids):
        """{"create": participations to rebook in ``next_event``, reason:
        participations skipped for that reason}, rebooking the roles of
        ``role_ids`` that the series ranks."""
        rebooked_role_ids = role_ids & set(
            next_event.expo_series_id.ranked_role_ids.ids
        )
        in_role = participations.filtered(
            lambda part: part.role_id.id in rebooked_role_ids
        )
        ids = rebooking.plan(
            [
                rebooking.Participant(part.id, part.partner_id.id, part.role_id.id)
                for part in participations
            ],
            rebooked_role_ids,
            self._skip_reasons(next_event, in_role),
        )
        return {reason: participations.browse(ids[reason]) for reason in ids}

    @api.model
    def _skip_reasons(self, next_event, participations):
        """``rules.rebooking.skip_reasons`` of these participations' customers,
        from their participations and opportunities in the next edition."""
        partner_ids = participations.partner_id.ids
        exhibitor = self.env.ref("expo_crm.role_exhibitor")
        booked = self.env["expo.participation"].search_fetch(
            [
                ("event_id", "=", next_event.id),
                ("partner_id", "in", partner_ids),
                ("role_id", "in", participations.role_id.ids),
                ("state", "!=", "cancelled"),
            ],
            ["partner_id", "role_id"],
        )
        # every salesperson's opportunities count, not only the visible ones
        leads = (
            self.env["crm.lead"]
            .sudo()
            .with_context(active_test=False)
            .search_fetch(
                [
                    ("expo_event_id", "=", next_event.id),
                    ("partner_id.commercial_partner_id", "in", partner_ids),
                    ("type", "=", "opportunity"),
                ],
                ["partner_id", "expo_role_id", "active", "lost_reason_id"],
            )
        )
        return rebooking.skip_reasons(
            {(part.partner_id.id, part.role_id.id) for part in booked},
            [
                rebooking.NextOpportunity(
                    lead.partner_id.commercial_partner_id.id,
                    (lead.expo_role_id or exhibitor).id,
                    lead.active,
                    bool(lead.lost_reason_id),
                )
                for lead in leads
            ],
        )

    @api.model
    def _create_opportunities(self, participations, next_event, team):
        """One opportunity in ``next_event`` per participation, in ``team``'s
        first open stage, with a call for its salesperson."""
        priorities = self._priorities(
            next_event.expo_series_id, participations.partner_id
        )
        stage = self.env["crm.lead"]._stage_find(
            team_id=team.id, domain=[("fold", "=", False)]
        )
        leads = (
            self.env["crm.lead"]
            .with_context(
                # one stage for all: no stage search per opportunity
                default_stage_id=stage.id,
                mail_create_nosubscribe=True,
                mail_create_nolog=True,
            )
            .create(
                [
                    self._lead_values(
                        part, next_event, priorities.get(part.partner_id.id, "0"), team
                    )
                    for part in participations
                ]
            )
        )
        self._schedule_calls(leads)
        self._prefer_same_booths(leads)
        return leads

    @api.model
    def _priorities(self, series, partners):
        """crm.lead priority ('0'..'3') of partners from their priority rank among
        the series' ranked customers (``rules.priority_points.stars``)."""
        Relationship = self.env["expo.relationship"]
        series_domain = [
            ("series_id", "=", series.id),
            ("priority_ranked", "=", True),
        ]
        total = Relationship.search_count(series_domain)
        relationships = Relationship.search_fetch(
            series_domain + [("partner_id", "in", partners.ids)],
            ["partner_id", "priority_rank"],
        )
        return {
            rel.partner_id.id: stars(rel.priority_rank, total)
            for rel in relationships
            if rel.priority_rank
        }

    @api.model
    def _previous_booth_category(self, participation, next_event):
        """The booth category of the participation's largest booth, when the next
        edition offers it."""
        booths = participation.booth_ids.sorted("expo_area_sqm", reverse=True)
        category = booths[:1].booth_category_id
        return category if category in next_event.event_booth_category_ids else False

    @api.model
    def _lead_values(self, participation, next_event, priority, team):
        partner = participation.partner_id
        category = self._previous_booth_category(participation, next_event)
        return {
            "name": _(
                "%(partner)s - %(edition)s (%(role)s)",
                partner=partner.name,
                edition=next_event.name,
                role=participation.role_id.name,
            ),
            "type": "opportunity",
            "partner_id": partner.id,
            "user_id": (partner.user_id or participation.user_id).id,
            "team_id": team.id,
            "company_id": participation.company_id.id,
            "expected_revenue": participation.amount_invoiced,
            "priority": priority,
            "expo_event_id": next_event.id,
            "expo_role_id": participation.role_id.id,
            "expo_space_requested": participation.space_sqm,
            "expo_booth_category_id": category and category.id,
            "expo_previous_participation_id": participation.id,
            "expo_is_rebooking": True,
        }

    @api.model
    def _schedule_calls(self, leads):
        call = self.env.ref("mail.mail_activity_data_call")
        model = self.env["ir.model"]._get_id("crm.lead")
        deadline = call._get_date_deadline()
        # the activities show in each salesperson's to-do list; no email per call
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
            [
                {
                    "res_model_id": model,
                    "res_id": lead.id,
                    "activity_type_id": call.id,
                    "summary": self.env._(
                        "Rebook for %(edition)s", edition=lead.expo_event_id.name
                    ),
                    "user_id": (lead.user_id or self.env.user).id,
                    "date_deadline": deadline,
                }
                for lead in leads
            ]
        )

    @api.model
    def _prefer_same_booths(self, leads):
        """First booth preference of the new opportunities whose customer rented
        booths: the same booths as last edition (same names in the next edition,
        else a wish for their hall, type and area)."""
        Preference = self.env["expo.booth.preference"]
        values = [
            vals
            for vals in (
                Preference._expo_same_booth_values(lead)
                for lead in leads.filtered("expo_previous_participation_id.booth_ids")
            )
            if vals
        ]
        Preference.create(values)
