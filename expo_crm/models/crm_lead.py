# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

MAN_ANSWERS = [("unknown", "Unknown"), ("no", "No"), ("yes", "Yes")]


class CrmLead(models.Model):
    _inherit = ["crm.lead", "expo.number.check.mixin"]
    _name = "crm.lead"

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
        "event.booth.category", string="Requested Booth Category"
    )

    # MAN qualification
    expo_man_money = fields.Selection(
        MAN_ANSWERS,
        string="Money",
        default="unknown",
        required=True,
        tracking=True,
        help="Does the customer have the budget?",
    )
    expo_man_authority = fields.Selection(
        MAN_ANSWERS,
        string="Authority",
        default="unknown",
        required=True,
        tracking=True,
        help="Is the contact the one who decides?",
    )
    expo_man_need = fields.Selection(
        MAN_ANSWERS,
        string="Need",
        default="unknown",
        required=True,
        tracking=True,
        help="Does the show answer a real need of the customer?",
    )
    expo_man_qualified = fields.Boolean(
        "MAN Qualified",
        compute="_compute_expo_man_qualified",
        store=True,
        help="Money, authority and need all answered yes.",
    )

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

    @api.depends("expo_man_money", "expo_man_authority", "expo_man_need")
    def _compute_expo_man_qualified(self):
        for lead in self:
            lead.expo_man_qualified = (
                lead.expo_man_money
                == lead.expo_man_authority
                == lead.expo_man_need
                == "yes"
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

    def write(self, vals):
        res = super().write(vals)
        if "stage_id" in vals or vals.get("active"):
            self.filtered(
                lambda lead: lead.expo_event_id and lead.active and lead.stage_id.is_won
            )._expo_book_participations()
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

    def _prepare_opportunity_quotation_context(self):
        context = super()._prepare_opportunity_quotation_context()
        if self.expo_event_id:
            context["default_expo_event_id"] = self.expo_event_id.id
        return context
