# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from psycopg2.errors import LockNotAvailable

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..models.expo_participation import TAKEN_PART_STATES


class ExpoRebookingWizard(models.TransientModel):
    """Next-edition opportunities for the customers of an edition."""

    _name = "expo.rebooking.wizard"
    _description = "Exhibition Rebooking"

    def _default_role_ids(self):
        return self.env.ref("expo_crm.role_exhibitor") | self.env.ref(
            "expo_crm.role_sponsor"
        )

    def _default_team_id(self):
        return self.env.ref(
            "expo_crm.crm_team_exhibition_sales", raise_if_not_found=False
        )

    # what to rebook
    event_id = fields.Many2one(
        "event.event",
        string="Edition",
        required=True,
        domain="[('expo_series_id', '!=', False)]",
    )
    next_event_id = fields.Many2one(
        related="event_id.expo_next_event_id", string="Next Edition"
    )
    participation_ids = fields.Many2many(
        "expo.participation",
        string="Selected Participations",
        help="Only these participations; empty = every participant of the edition.",
    )
    role_ids = fields.Many2many(
        "expo.role", string="Roles", required=True, default=_default_role_ids
    )
    team_id = fields.Many2one(
        "crm.team", string="Sales Team", default=_default_team_id, required=True
    )
    candidate_count = fields.Integer(
        "Customers to Rebook", compute="_compute_candidate_count"
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if context.get("active_model") == "expo.participation" and context.get(
            "active_ids"
        ):
            participations = self.env["expo.participation"].browse(
                context["active_ids"]
            )
            values["participation_ids"] = [fields.Command.set(participations.ids)]
            if len(participations.event_id) == 1:
                values["event_id"] = participations.event_id.id
        elif context.get("active_model") == "event.event" and context.get("active_id"):
            values["event_id"] = context["active_id"]
        return values

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        for wizard, vals in zip(wizards, vals_list, strict=True):
            forced = vals.get("next_event_id")
            if forced and forced != wizard.next_event_id.id:
                raise UserError(
                    _(
                        "Customers of %(edition)s are rebooked for the next edition "
                        "of its series, %(next)s; another edition cannot be chosen.",
                        edition=wizard.event_id.display_name,
                        next=wizard.next_event_id.display_name or _("none yet"),
                    )
                )
        return wizards

    @api.depends("event_id", "role_ids", "participation_ids")
    def _compute_candidate_count(self):
        for wizard in self:
            wizard.candidate_count = (
                len(wizard._get_participations()) if wizard.event_id else 0
            )

    def _get_participations(self):
        """The edition's confirmed or attended participations in the chosen roles."""
        self.ensure_one()
        self._check_selection()
        domain = [
            ("event_id", "=", self.event_id.id),
            ("role_id", "in", self.role_ids.ids),
            ("state", "in", TAKEN_PART_STATES),
        ]
        if self.participation_ids:
            domain.append(("id", "in", self.participation_ids.ids))
        return self.env["expo.participation"].search_fetch(
            domain,
            ["partner_id", "role_id", "amount_invoiced", "user_id", "company_id"],
        )

    def _check_selection(self):
        """Refuse participations that are not of the edition rebooked, and an
        edition outside the user's companies."""
        self.ensure_one()
        if len(self.participation_ids.event_id) > 1:
            raise UserError(
                _("Select the participations of a single edition to rebook.")
            )
        if self.participation_ids and self.participation_ids.event_id != self.event_id:
            raise UserError(
                _(
                    "The selected participations are of %(selected)s, not of "
                    "%(edition)s: rebook the edition they belong to.",
                    selected=self.participation_ids.event_id.display_name,
                    edition=self.event_id.display_name,
                )
            )
        company = self.event_id.company_id
        if company and company not in self.env.companies:
            raise UserError(
                _(
                    "%(edition)s belongs to %(company)s: switch to that company to "
                    "rebook it.",
                    edition=self.event_id.display_name,
                    company=company.name,
                )
            )

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

    def _get_skipped_keys(self, next_event, participations):
        """(partner id, role id) pairs not to rebook: an open or won opportunity
        for the next edition, a lost one with a lost reason, or a participation
        already there."""
        partner_ids = participations.partner_id.ids
        exhibitor = self.env.ref("expo_crm.role_exhibitor")
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
        skipped = {
            (
                lead.partner_id.commercial_partner_id.id,
                (lead.expo_role_id or exhibitor).id,
            )
            for lead in leads
            if lead.active or lead.lost_reason_id
        }
        booked = self.env["expo.participation"].search_fetch(
            [
                ("event_id", "=", next_event.id),
                ("partner_id", "in", partner_ids),
                ("role_id", "in", self.role_ids.ids),
                ("state", "!=", "cancelled"),
            ],
            ["partner_id", "role_id"],
        )
        skipped.update((part.partner_id.id, part.role_id.id) for part in booked)
        return skipped

    def _get_priorities(self, partners):
        """crm.lead priority ('0'..'3') of partners from their priority rank in
        the series: top quartile 3 stars, then 2, 1 and 0."""
        Relationship = self.env["expo.relationship"]
        series_domain = [("series_id", "=", self.event_id.expo_series_id.id)]
        total = Relationship.search_count(series_domain)
        relationships = Relationship.search_fetch(
            series_domain + [("partner_id", "in", partners.ids)],
            ["partner_id", "priority_rank"],
        )
        return {
            rel.partner_id.id: str(3 - 4 * (max(rel.priority_rank, 1) - 1) // total)
            for rel in relationships
        }

    def _prepare_lead_values(self, participation, next_event, priority):
        partner = participation.partner_id
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
            "team_id": self.team_id.id,
            "company_id": participation.company_id.id,
            "expected_revenue": participation.amount_invoiced,
            "priority": priority,
            "expo_event_id": next_event.id,
            "expo_role_id": participation.role_id.id,
            "expo_previous_participation_id": participation.id,
            "expo_is_rebooking": True,
        }

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

    def action_create_opportunities(self):
        self.ensure_one()
        next_event = self.next_event_id
        if not next_event:
            raise UserError(
                _(
                    "%(edition)s has no next edition in its series: create the next "
                    "edition first.",
                    edition=self.event_id.display_name,
                )
            )
        self._lock_next_edition(next_event)
        participations = self._get_participations()
        skipped_keys = self._get_skipped_keys(next_event, participations)
        to_rebook = participations.filtered(
            lambda part: (part.partner_id.id, part.role_id.id) not in skipped_keys
        )
        priorities = self._get_priorities(to_rebook.partner_id)
        stage = self.env["crm.lead"]._stage_find(
            team_id=self.team_id.id, domain=[("fold", "=", False)]
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
                    self._prepare_lead_values(
                        part, next_event, priorities.get(part.partner_id.id, "0")
                    )
                    for part in to_rebook
                ]
            )
        )
        self._schedule_calls(leads)
        self._prefer_same_booths(leads)
        return self._action_notify(leads, len(participations) - len(to_rebook))

    def _prefer_same_booths(self, leads):
        """First booth preference of the new opportunities whose customer rented
        booths: the same booths as last edition (same names in the next edition,
        else a wish for their hall, type and area)."""
        values = [
            vals
            for vals in (
                lead._expo_same_booth_values()
                for lead in leads.filtered("expo_previous_participation_id.booth_ids")
            )
            if vals
        ]
        self.env["expo.booth.preference"].create(values)

    def _action_notify(self, leads, skipped_count):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm.crm_lead_action_pipeline"
        )
        action.update(
            {
                "domain": [("id", "in", leads.ids)],
                "context": {"create": False},
                "view_mode": "list,kanban,form",
                "views": [(False, "list"), (False, "kanban"), (False, "form")],
            }
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Rebooking"),
                "message": _(
                    "%(created)s opportunities created, %(skipped)s customers skipped "
                    "(already booked, in the pipeline or lost on purpose).",
                    created=len(leads),
                    skipped=skipped_count,
                ),
                "type": "success",
                "sticky": False,
                "next": action,
            },
        }
