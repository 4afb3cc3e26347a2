# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from psycopg2.errors import LockNotAvailable

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..rules.history import TAKEN_PART_STATES

# why a participant of the edition gets no opportunity, checked in this order
SKIP_REASONS = ("role", "booked", "open", "lost")


class ExpoRebookingWizard(models.TransientModel):
    """Next-edition opportunities for the customers of an edition: it counts what
    it will create and skip before, and shows what it did after."""

    _name = "expo.rebooking.wizard"
    _description = "Exhibition Rebooking"

    def _default_team_id(self):
        return self.env.ref(
            "expo_crm.crm_team_exhibition_sales", raise_if_not_found=False
        )

    state = fields.Selection(
        [("draft", "To Rebook"), ("done", "Rebooked")], default="draft", required=True
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
    series_ranked_role_ids = fields.Many2many(
        related="event_id.expo_series_id.ranked_role_ids", string="Ranked Roles"
    )
    role_ids = fields.Many2many(
        "expo.role",
        string="Roles",
        required=True,
        compute="_compute_role_ids",
        store=True,
        readonly=False,
        domain="[('id', 'in', series_ranked_role_ids)]",
        help="The ranked roles of the series to rebook (by default all of them).",
    )
    team_id = fields.Many2one(
        "crm.team", string="Sales Team", default=_default_team_id, required=True
    )

    # what it creates and skips: counted before, kept after
    create_count = fields.Integer("Opportunities to Create", compute="_compute_counts")
    skip_role_count = fields.Integer(
        "Role Not Rebooked",
        compute="_compute_counts",
        help="Participants in a role the series does not rank and rebook (suppliers, "
        "visitors) or that was not chosen above.",
    )
    skip_booked_count = fields.Integer(
        "Already Booked",
        compute="_compute_counts",
        help="Customers with a participation in the next edition in the same role.",
    )
    skip_open_count = fields.Integer(
        "Already in the Pipeline",
        compute="_compute_counts",
        help="Customers with an open or won opportunity for the next edition in the "
        "same role.",
    )
    skip_lost_count = fields.Integer(
        "Lost on Purpose",
        compute="_compute_counts",
        help="Customers whose opportunity for the next edition was lost with a "
        "reason.",
    )
    result_summary = fields.Char("Result", compute="_compute_counts")
    created_lead_ids = fields.Many2many(
        "crm.lead", string="Created Opportunities", readonly=True
    )
    skipped_role_ids = fields.Many2many(
        "expo.participation",
        "expo_rebooking_wizard_skipped_role_rel",
        string="Skipped: Role Not Rebooked",
        readonly=True,
    )
    skipped_booked_ids = fields.Many2many(
        "expo.participation",
        "expo_rebooking_wizard_skipped_booked_rel",
        string="Skipped: Already Booked",
        readonly=True,
    )
    skipped_open_ids = fields.Many2many(
        "expo.participation",
        "expo_rebooking_wizard_skipped_open_rel",
        string="Skipped: Already in the Pipeline",
        readonly=True,
    )
    skipped_lost_ids = fields.Many2many(
        "expo.participation",
        "expo_rebooking_wizard_skipped_lost_rel",
        string="Skipped: Lost on Purpose",
        readonly=True,
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

    @api.depends("event_id")
    def _compute_role_ids(self):
        for wizard in self:
            wizard.role_ids = wizard.event_id.expo_series_id.ranked_role_ids

    @api.depends(
        "state",
        "event_id",
        "role_ids",
        "participation_ids",
        "created_lead_ids",
        "skipped_role_ids",
        "skipped_booked_ids",
        "skipped_open_ids",
        "skipped_lost_ids",
    )
    def _compute_counts(self):
        for wizard in self:
            if wizard.state == "done":
                counts = {
                    "create": len(wizard.created_lead_ids),
                    **{
                        reason: len(wizard[f"skipped_{reason}_ids"])
                        for reason in SKIP_REASONS
                    },
                }
            elif wizard.event_id and wizard.next_event_id:
                counts = {
                    reason: len(participations)
                    for reason, participations in wizard._get_rebooking_plan().items()
                }
            else:
                counts = {}
            wizard.create_count = counts.get("create", 0)
            for reason in SKIP_REASONS:
                wizard[f"skip_{reason}_count"] = counts.get(reason, 0)
            wizard.result_summary = wizard._result_summary()

    def _result_summary(self):
        """What the run did, in a sentence, once it is done."""
        if self.state != "done":
            return False
        if self.create_count:
            return _(
                "%(count)s opportunities created for %(edition)s, each with a call "
                "activity for its salesperson.",
                count=self.create_count,
                edition=self.next_event_id.name,
            )
        return _(
            "No opportunity created for %(edition)s: every customer of these roles "
            "is already booked, in the pipeline or lost on purpose.",
            edition=self.next_event_id.name,
        )

    def _get_participations(self):
        """The edition's confirmed or attended participations (the selected ones
        when some are), in every role."""
        self.ensure_one()
        self._check_selection()
        domain = [
            ("event_id", "=", self.event_id.id),
            ("state", "in", TAKEN_PART_STATES),
        ]
        if self.participation_ids:
            # _origin: the records themselves while the form is being edited
            domain.append(("id", "in", self.participation_ids._origin.ids))
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

    def _get_rebooking_plan(self):
        """{"create": participations to rebook, reason: participations skipped for
        that reason (SKIP_REASONS)}, for the next edition."""
        self.ensure_one()
        participations = self._get_participations()
        rebooked_role_ids = set(self.role_ids._origin.ids) & set(
            self.event_id.expo_series_id.ranked_role_ids.ids
        )
        in_role = participations.filtered(
            lambda part: part.role_id.id in rebooked_role_ids
        )
        reasons = self._get_skip_reasons(self.next_event_id, in_role)
        ids = defaultdict(list)
        for participation in in_role:
            key = (participation.partner_id.id, participation.role_id.id)
            ids[reasons.get(key, "create")].append(participation.id)
        plan = {
            reason: in_role.browse(ids[reason])
            for reason in ("create", *SKIP_REASONS[1:])
        }
        plan["role"] = participations - in_role
        return plan

    def _get_skip_reasons(self, next_event, participations):
        """{(partner id, role id): reason} of the customers not to rebook: "booked"
        (a participation in the next edition), "open" (an open or won opportunity
        for it) or "lost" (a lost one with a lost reason)."""
        partner_ids = participations.partner_id.ids
        exhibitor = self.env.ref("expo_crm.role_exhibitor")
        reasons = {}
        booked = self.env["expo.participation"].search_fetch(
            [
                ("event_id", "=", next_event.id),
                ("partner_id", "in", partner_ids),
                ("role_id", "in", participations.role_id.ids),
                ("state", "!=", "cancelled"),
            ],
            ["partner_id", "role_id"],
        )
        reasons.update(
            ((part.partner_id.id, part.role_id.id), "booked") for part in booked
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
        # an open opportunity counts before a lost one
        for lead in leads.sorted(lambda lead: not lead.active):
            key = (
                lead.partner_id.commercial_partner_id.id,
                (lead.expo_role_id or exhibitor).id,
            )
            if lead.active:
                reasons.setdefault(key, "open")
            elif lead.lost_reason_id:
                reasons.setdefault(key, "lost")
        return reasons

    def _get_priorities(self, partners):
        """crm.lead priority ('0'..'3') of partners from their priority rank among
        the series' ranked customers: top quartile 3 stars, then 2, 1 and 0."""
        Relationship = self.env["expo.relationship"]
        series_domain = [
            ("series_id", "=", self.event_id.expo_series_id.id),
            ("priority_ranked", "=", True),
        ]
        total = Relationship.search_count(series_domain)
        relationships = Relationship.search_fetch(
            series_domain + [("partner_id", "in", partners.ids)],
            ["partner_id", "priority_rank"],
        )
        return {
            rel.partner_id.id: str(3 - 4 * (rel.priority_rank - 1) // total)
            for rel in relationships
            if rel.priority_rank
        }

    def _get_previous_booth_category(self, participation, next_event):
        """The booth category of the participation's largest booth, when the next
        edition offers it."""
        booths = participation.booth_ids.sorted("expo_area_sqm", reverse=True)
        category = booths[:1].booth_category_id
        return category if category in next_event.event_booth_category_ids else False

    def _prepare_lead_values(self, participation, next_event, priority):
        partner = participation.partner_id
        category = self._get_previous_booth_category(participation, next_event)
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
            "expo_space_requested": participation.space_sqm,
            "expo_booth_category_id": category and category.id,
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
        plan = self._get_rebooking_plan()
        to_rebook = plan["create"]
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
        return self._action_show_result(leads, plan)

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

    def _action_show_result(self, leads, plan):
        """Keep what was created and skipped, and show it in the wizard."""
        self.write(
            {
                "state": "done",
                "created_lead_ids": [fields.Command.set(leads.ids)],
                **{
                    f"skipped_{reason}_ids": [fields.Command.set(plan[reason].ids)]
                    for reason in SKIP_REASONS
                },
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": _("Rebooked for %(edition)s", edition=self.next_event_id.name),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def action_view_opportunities(self):
        """The created opportunities, in the exhibition pipeline."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "expo_crm.expo_crm_lead_action_exhibition"
        )
        name = _("Rebooking for %(edition)s", edition=self.next_event_id.name)
        action.update(
            {
                "name": name,
                "display_name": name,
                "domain": [("id", "in", self.created_lead_ids.ids)],
                "context": {"default_team_id": self.team_id.id, "create": False},
                "view_mode": "list,kanban,form",
                "views": [(False, "list"), (False, "kanban"), (False, "form")],
            }
        )
        return action
