# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..rules.history import TAKEN_PART_STATES
from ..rules.rebooking import SKIP_REASONS


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

    def _get_rebooking_plan(self):
        """{"create": participations to rebook, reason: participations skipped for
        that reason (``rules.rebooking.SKIP_REASONS``)}, for the next edition."""
        self.ensure_one()
        return self.env["expo.rebooking"]._plan(
            self._get_participations(),
            self.next_event_id,
            set(self.role_ids._origin.ids),
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
        Rebooking = self.env["expo.rebooking"]
        Rebooking._lock_next_edition(next_event)
        plan = self._get_rebooking_plan()
        leads = Rebooking._create_opportunities(
            plan["create"], next_event, self.team_id
        )
        return self._action_show_result(leads, plan)

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
