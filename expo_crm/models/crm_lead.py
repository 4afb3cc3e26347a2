# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# stages an opportunity can be moved to: its team's, and the shared ones unless the
# team uses its own stages only (crm.team.expo_own_stages)
STAGE_DOMAIN = (
    "['|', ('team_id', '=', team_id), "
    "('team_id', '=', team_id if expo_team_own_stages else False)]"
)


class CrmLead(models.Model):
    _inherit = ["crm.lead", "expo.number.check.mixin", "expo.man.qualification.mixin"]
    _name = "crm.lead"

    # pipeline of a team with its own stages
    stage_id = fields.Many2one(domain=STAGE_DOMAIN)
    expo_team_own_stages = fields.Boolean(related="team_id.expo_own_stages")

    # what the opportunity sells
    expo_event_id = fields.Many2one(
        "event.event",
        string="Exhibition Edition",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        domain="[('expo_series_id', '!=', False)]",
        help="The edition this opportunity sells space or sponsorship for.",
    )
    expo_series_id = fields.Many2one(
        related="expo_event_id.expo_series_id", store=True, string="Exhibition Series"
    )
    expo_customer_id = fields.Many2one(
        related="partner_id.commercial_partner_id",
        store=True,
        index="btree_not_null",
        string="Exhibition Customer",
    )
    expo_role_id = fields.Many2one(
        "expo.role",
        string="Exhibition Role",
        tracking=True,
        help="The role the customer takes in the edition when the opportunity is won.",
    )
    expo_space_requested = fields.Float(
        "Requested Space (m²)", digits=(16, 2), tracking=True
    )
    expo_booth_category_id = fields.Many2one(
        "event.booth.category",
        string="Requested Booth Category",
        help="One of the booth categories the edition offers; with the requested "
        "space, its price per m² gives the expected revenue.",
    )
    expo_event_booth_category_ids = fields.Many2many(
        related="expo_event_id.event_booth_category_ids",
        string="Booth Categories of the Edition",
    )

    # MAN qualification (expo.man.qualification.mixin), tracked in the chatter
    expo_man_money = fields.Selection(tracking=True)
    expo_man_authority = fields.Selection(tracking=True)
    expo_man_need = fields.Selection(tracking=True)

    # the series' pitch
    expo_fabe_feature = fields.Text(related="expo_series_id.fabe_feature")
    expo_fabe_advantage = fields.Text(related="expo_series_id.fabe_advantage")
    expo_fabe_benefit = fields.Text(related="expo_series_id.fabe_benefit")
    expo_fabe_evidence = fields.Text(related="expo_series_id.fabe_evidence")

    # participations
    expo_is_rebooking = fields.Boolean(
        "Rebooking", help="Created to rebook a customer of the previous edition."
    )
    expo_previous_participation_id = fields.Many2one(
        "expo.participation",
        string="Previous Participation",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
    )
    expo_participation_id = fields.Many2one(
        "expo.participation",
        string="Participation",
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        check_company=True,
        help="The participation booked by winning this opportunity.",
    )
    expo_participation_state = fields.Selection(
        related="expo_participation_id.state", string="Participation Status"
    )
    expo_previous_space_sqm = fields.Float(
        related="expo_previous_participation_id.space_sqm",
        string="Space in the Previous Edition (m²)",
    )

    # booths: preferences, the space draw, held and rented booths
    expo_booth_preference_ids = fields.One2many(
        "expo.booth.preference",
        "lead_id",
        string="Booth Preferences",
        help="Up to five ranked choices for the space draw: booths, or a hall, a type "
        "and a minimum area.",
    )
    expo_booth_ids = fields.One2many(
        "event.booth",
        "expo_lead_id",
        string="Booths",
        readonly=True,
        help="Booths held for the opportunity, or reserved or sold through it.",
    )
    expo_date_signed = fields.Date(
        "Application Signed On",
        compute="_compute_expo_date_signed",
        store=True,
        readonly=False,
        copy=False,
        tracking=True,
        help="When the customer signed its space application: in the space draw it "
        "breaks ties of priority points (earliest first). Taken from the first "
        "quotation signed online, or entered.",
    )
    expo_draw_line_ids = fields.One2many(
        "expo.space.draw.line", "lead_id", string="Space Draw", readonly=True
    )
    expo_booth_to_quote_count = fields.Integer(
        "Booths to Quote", compute="_compute_expo_booth_to_quote_count"
    )

    _sql_constraints = [
        (
            "expo_space_requested_positive",
            "CHECK(expo_space_requested >= 0)",
            "The requested space cannot be negative.",
        ),
        # also when two users create them at the same moment
        (
            "expo_one_opportunity_per_role",
            "EXCLUDE (expo_customer_id WITH =, expo_event_id WITH =, "
            "(COALESCE(expo_role_id, 0)) WITH =) WHERE (active "
            "AND type = 'opportunity' AND expo_event_id IS NOT NULL "
            "AND expo_customer_id IS NOT NULL)",
            "A customer has one open opportunity per edition and role: continue "
            "the existing one, or mark it lost first.",
        ),
    ]

    @api.depends("order_ids.signed_on", "order_ids.state")
    def _compute_expo_date_signed(self):
        for lead in self:
            signed = [
                order.signed_on
                for order in lead.order_ids
                if order.signed_on and order.state != "cancel"
            ]
            if signed:
                lead.expo_date_signed = min(signed).date()
            else:
                lead.expo_date_signed = lead.expo_date_signed

    @api.depends(
        "expo_booth_ids.expo_sale_state",
        "order_ids.state",
        "order_ids.order_line.event_booth_pending_ids",
    )
    def _compute_expo_booth_to_quote_count(self):
        for lead in self:
            lead.expo_booth_to_quote_count = len(lead._expo_booths_to_quote())

    @api.constrains("expo_event_id")
    def _check_expo_preference_edition(self):
        for lead in self:
            booths = lead.expo_booth_preference_ids.booth_ids
            if booths.event_id - lead.expo_event_id:
                raise ValidationError(
                    _(
                        "The booth preferences of %(lead)s name booths of another "
                        "edition: remove them before changing its edition.",
                        lead=lead.display_name,
                    )
                )

    @api.onchange("expo_space_requested", "expo_booth_category_id")
    def _onchange_expo_expected_revenue(self):
        """The requested space at the category's price per m² is what the
        opportunity is expected to bring."""
        for lead in self:
            price = lead.expo_booth_category_id.sudo()._expo_price_per_sqm()
            if price and lead.expo_space_requested:
                lead.expected_revenue = lead.expo_space_requested * price

    @api.constrains("expo_event_id", "expo_booth_category_id")
    def _check_expo_booth_category(self):
        for lead in self:
            category = lead.expo_booth_category_id
            if category and category not in lead.expo_event_booth_category_ids:
                raise ValidationError(
                    _(
                        "%(edition)s offers no booth of the category %(category)s "
                        "requested by %(lead)s.",
                        edition=lead.expo_event_id.name or _("No edition"),
                        category=category.name,
                        lead=lead.display_name,
                    )
                )

    @api.constrains("expo_event_id", "expo_previous_participation_id")
    def _check_expo_previous_participation(self):
        for lead in self:
            previous = lead.expo_previous_participation_id
            if (
                previous
                and lead.expo_event_id
                and previous.event_id == lead.expo_event_id
            ):
                raise ValidationError(
                    _(
                        "The previous participation of %(lead)s must be in another "
                        "edition than %(event)s.",
                        lead=lead.display_name,
                        event=lead.expo_event_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # Pipeline of a team with its own stages
    # ------------------------------------------------------------------

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        """The columns of a team with its own stages are its stages (and those
        holding opportunities), not the stages every team shares."""
        team = self.env["crm.team"].browse(self.env.context.get("default_team_id"))
        if not team.sudo().exists().expo_own_stages:
            return super()._read_group_stage_ids(stages, domain)
        stage_ids = stages.sudo()._search(
            ["|", ("id", "in", stages.ids), ("team_id", "=", team.id)],
            order=stages._order,
        )
        return stages.browse(stage_ids)

    def _stage_find(self, team_id=False, domain=None, order="sequence, id", limit=1):
        """Among the stages of the teams when they all use their own stages: the
        first stage, or the won stage, of the exhibition team is its own."""
        teams = self.team_id | self.env["crm.team"].browse(team_id or [])
        if not teams or not all(teams.sudo().mapped("expo_own_stages")):
            return super()._stage_find(
                team_id=team_id, domain=domain, order=order, limit=limit
            )
        return self.env["crm.stage"].search(
            [("team_id", "in", teams.ids), *(domain or [])], order=order, limit=limit
        ) or super()._stage_find(
            team_id=team_id, domain=domain, order=order, limit=limit
        )

    def action_set_won(self):
        """Win the opportunities of each team among that team's stages: Odoo looks
        for the won stage among the teams of every opportunity marked at once."""
        teams = self.team_id
        if len(teams) < 2 or not any(teams.sudo().mapped("expo_own_stages")):
            return super().action_set_won()
        for team in teams:
            super(
                CrmLead, self.filtered(lambda lead, t=team: lead.team_id == t)
            ).action_set_won()
        without_team = self.filtered(lambda lead: not lead.team_id)
        if without_team:
            super(CrmLead, without_team).action_set_won()
        return True

    def write(self, vals):
        res = super().write(vals)
        if "stage_id" in vals or vals.get("active"):
            self.filtered(
                lambda lead: lead.expo_event_id and lead.active and lead.stage_id.is_won
            )._expo_book_participations()
        if "active" in vals and not vals["active"]:
            # a lost opportunity gives its held booths back to the waiting list
            held = self.sudo().expo_booth_ids.filtered(
                lambda booth: booth.expo_sale_state == "held"
            )
            held._expo_free("lost")
        return res

    def _expo_book_participations(self):
        """Create or confirm the participation of won exhibition opportunities."""
        self.filtered(lambda lead: not lead.partner_id)._handle_partner_assignment(
            create_missing=True
        )
        exhibitor = self.env.ref("expo_crm.role_exhibitor")
        leads_by_key = {}
        for lead in self:
            role = lead.expo_role_id or exhibitor
            key = (
                lead.partner_id.commercial_partner_id.id,
                lead.expo_event_id.id,
                role.id,
            )
            leads_by_key.setdefault(key, lead)
        participations = (
            self.env["expo.participation"]
            .sudo()
            ._expo_find_or_create(
                {
                    key: lead._expo_participation_values()
                    for key, lead in leads_by_key.items()
                }
            )
        )
        for key, participation in participations.items():
            lead = leads_by_key[key]
            values = {"lead_id": lead.id}
            if not participation.space_sqm and lead.expo_space_requested:
                values["space_sqm"] = lead.expo_space_requested
            participation.write(values)
            participation._expo_confirm()
        for lead in self:
            role = lead.expo_role_id or exhibitor
            key = (
                lead.partner_id.commercial_partner_id.id,
                lead.expo_event_id.id,
                role.id,
            )
            if lead.expo_participation_id != participations[key]:
                lead.expo_participation_id = participations[key]

    def _expo_participation_values(self):
        self.ensure_one()
        contact = self.partner_id
        values = {
            "contact_id": contact.id if contact.parent_id else False,
            "lead_id": self.id,
            "space_sqm": self.expo_space_requested,
        }
        if self.user_id:
            values["user_id"] = self.user_id.id
        return values

    def action_expo_view_participation(self):
        self.ensure_one()
        return self.expo_participation_id._get_records_action(name=_("Participation"))

    def action_expo_view_previous_participation(self):
        self.ensure_one()
        return self.expo_previous_participation_id._get_records_action(
            name=_("Previous Participation")
        )

    def _prepare_opportunity_quotation_context(self):
        context = super()._prepare_opportunity_quotation_context()
        if self.expo_event_id:
            context["default_expo_event_id"] = self.expo_event_id.id
        return context

    # booths
    def _expo_booths_to_quote(self):
        """Booths held for the opportunity that are on none of its live
        quotations."""
        self.ensure_one()
        booths = self.expo_booth_ids.filtered(
            lambda booth: booth.expo_sale_state == "held"
        )
        quoted = (
            booths.sudo()
            .event_booth_registration_ids.filtered(
                lambda reg: reg.sale_order_line_id.order_id.state != "cancel"
            )
            .event_booth_id
        )
        return booths - quoted

    def action_expo_quote_booths(self):
        """Add the held booths to the opportunity's quotation (a new one when it has
        none in draft), a line per booth priced by its area, and open it."""
        self.ensure_one()
        booths = self._expo_booths_to_quote()
        if not booths:
            raise UserError(
                _(
                    "%(lead)s holds no booth that is not on a quotation yet.",
                    lead=self.display_name,
                )
            )
        if not self.partner_id:
            raise UserError(
                _("Choose the customer of %(lead)s first.", lead=self.display_name)
            )
        order = self.env["sale.order"]._expo_quote_booths(self, booths)
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": order.id,
            "views": [(False, "form")],
        }

    def action_expo_same_booth(self):
        """Add "same booth as last edition" as the first booth preference."""
        Preference = self.env["expo.booth.preference"]
        values = [
            vals
            for vals in (Preference._expo_same_booth_values(lead) for lead in self)
            if vals
        ]
        if not values:
            raise UserError(
                _("The previous participation rented no booth to take again.")
            )
        Preference.create(values)

    def _expo_schedule_todo(self, summary, note):
        """A to-do activity for each opportunity's salesperson."""
        for lead in self:
            lead.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=summary,
                note=note,
                user_id=(lead.user_id or self.env.user).id,
            )
