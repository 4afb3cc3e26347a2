# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

PARTICIPATION_STATES = [
    ("planned", "Planned"),
    ("confirmed", "Confirmed"),
    ("attended", "Attended"),
    ("cancelled", "Cancelled"),
    ("no_show", "No Show"),
]
# states that count as having taken part in an edition
TAKEN_PART_STATES = ("confirmed", "attended")

NPS_SCORES = [(str(score), str(score)) for score in range(11)]
INTENT_SELECTION = [("yes", "Yes"), ("maybe", "Maybe"), ("no", "No")]
NPS_CATEGORIES = [
    ("promoter", "Promoter"),
    ("passive", "Passive"),
    ("detractor", "Detractor"),
]


class ExpoParticipation(models.Model):
    """One partner (commercial entity) in one edition in one role."""

    _name = "expo.participation"
    _description = "Exhibition Participation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "event_date_begin desc, id desc"
    _check_company_auto = True

    # who, where, as what
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
        help="The commercial entity taking part (company or individual).",
    )
    contact_id = fields.Many2one(
        "res.partner",
        string="Contact",
        domain="[('id', 'child_of', partner_id)]",
        help="The person the organizer deals with for this participation.",
    )
    event_id = fields.Many2one(
        "event.event",
        string="Edition",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    series_id = fields.Many2one(
        related="event_id.expo_series_id", store=True, index=True, string="Series"
    )
    event_date_begin = fields.Datetime(
        related="event_id.date_begin", store=True, string="Edition Start"
    )
    role_id = fields.Many2one(
        "expo.role", string="Role", required=True, index=True, tracking=True
    )
    side = fields.Selection(related="role_id.side", store=True)
    state = fields.Selection(
        PARTICIPATION_STATES,
        required=True,
        default="planned",
        index=True,
        tracking=True,
        group_expand=True,
    )
    date_signed = fields.Date(
        "Signed On",
        copy=False,
        help="When the customer committed (set on confirmation); earns the early "
        "signing bonus of priority points.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        compute="_compute_user_id",
        store=True,
        readonly=False,
    )
    notes = fields.Html()

    # space
    booth_ids = fields.Many2many(
        "event.booth",
        "expo_participation_event_booth_rel",
        "participation_id",
        "booth_id",
        string="Booths",
        domain="[('event_id', '=', event_id)]",
    )
    space_sqm = fields.Float(
        "Space (m²)", digits=(16, 2), help="Floor space taken, in square metres."
    )

    # amounts, company currency, from posted customer invoices and credit notes
    amount_booth = fields.Monetary("Booth Amount", readonly=True)
    amount_sponsorship = fields.Monetary("Sponsorship Amount", readonly=True)
    amount_service = fields.Monetary("Services Amount", readonly=True)
    amount_advertising = fields.Monetary("Advertising Amount", readonly=True)
    amount_invoiced = fields.Monetary(
        "Invoiced",
        readonly=True,
        help="Untaxed amount of posted customer invoices minus credit notes for this "
        "participation, in the company currency at the invoice date.",
    )
    amount_paid = fields.Monetary("Paid", readonly=True)

    # where it came from
    lead_id = fields.Many2one("crm.lead", string="Opportunity", index="btree_not_null")
    sale_order_ids = fields.Many2many(
        "sale.order",
        "expo_participation_sale_order_rel",
        "participation_id",
        "order_id",
        string="Sale Orders",
    )
    sale_line_ids = fields.Many2many(
        "sale.order.line",
        "expo_participation_sale_line_rel",
        "participation_id",
        "line_id",
        string="Sale Order Lines",
        readonly=True,
    )

    # satisfaction, filled by surveys or entered by staff
    feedback_date = fields.Date(
        help="When the feedback below was recorded; without it the satisfaction "
        "index is unknown."
    )
    satisfaction_index = fields.Float(
        digits=(5, 1),
        help="Overall satisfaction, 0 (angry) to 100 (delighted): experience minus "
        "expectation, rescaled.",
    )
    nps_score = fields.Selection(
        NPS_SCORES,
        "NPS Score",
        help="How likely to recommend the show, 0 to 10; empty when not asked.",
    )
    nps_category = fields.Selection(
        NPS_CATEGORIES,
        "NPS Category",
        compute="_compute_nps_category",
        store=True,
        help="Promoter 9-10, passive 7-8, detractor 0-6.",
    )
    intent_rebook = fields.Selection(INTENT_SELECTION, "Intends to Rebook")
    intent_recommend = fields.Selection(INTENT_SELECTION, "Intends to Recommend")
    satisfaction_notes = fields.Text("Feedback Notes")

    _sql_constraints = [
        (
            "partner_event_role_uniq",
            "unique(partner_id, event_id, role_id)",
            "A customer takes part in an edition only once in each role.",
        ),
        ("space_sqm_positive", "CHECK(space_sqm >= 0)", "Space cannot be negative."),
        (
            "satisfaction_index_range",
            "CHECK(satisfaction_index IS NULL OR "
            "(satisfaction_index >= 0 AND satisfaction_index <= 100))",
            "The satisfaction index runs from 0 to 100.",
        ),
    ]

    @api.depends("partner_id")
    def _compute_user_id(self):
        for participation in self:
            participation.user_id = participation.partner_id.user_id or self.env.user

    @api.depends("nps_score")
    def _compute_nps_category(self):
        for participation in self:
            participation.nps_category = self._nps_category_of(participation.nps_score)

    @api.model
    def _nps_category_of(self, score):
        """NPS category of a 0-10 score (int or its string); False when unknown."""
        if score is False or score is None or score == "":
            return False
        score = int(score)
        if score >= 9:
            return "promoter"
        if score >= 7:
            return "passive"
        return "detractor"

    @api.depends("partner_id", "event_id", "role_id")
    def _compute_display_name(self):
        for participation in self:
            participation.display_name = " / ".join(
                name
                for name in (
                    participation.partner_id.name,
                    participation.event_id.name,
                    participation.role_id.name,
                )
                if name
            )

    @api.constrains("partner_id")
    def _check_partner_commercial(self):
        for participation in self:
            partner = participation.partner_id
            if partner != partner.commercial_partner_id:
                raise ValidationError(
                    _(
                        "%(contact)s is a contact of %(company)s: record the "
                        "participation on %(company)s and choose %(contact)s as its "
                        "contact.",
                        contact=partner.display_name,
                        company=partner.commercial_partner_id.display_name,
                    )
                )

    @api.constrains("booth_ids", "event_id")
    def _check_booth_event(self):
        for participation in self:
            if participation.booth_ids.event_id - participation.event_id:
                raise ValidationError(
                    _(
                        "The booths of %(participation)s must belong to its edition "
                        "%(event)s.",
                        participation=participation.display_name,
                        event=participation.event_id.name,
                    )
                )

    # keep the customers' relationships with the series up to date
    @api.model
    def _relationship_fields(self):
        """Fields whose change changes a customer's relationships."""
        return {
            "partner_id",
            "event_id",
            "role_id",
            "state",
            "space_sqm",
            "amount_booth",
            "amount_sponsorship",
            "amount_service",
            "amount_advertising",
            "amount_invoiced",
            "amount_paid",
            "feedback_date",
            "satisfaction_index",
            "nps_score",
            "intent_rebook",
            "intent_recommend",
            "date_signed",
        }

    @api.model_create_multi
    def create(self, vals_list):
        participations = super().create(vals_list)
        self.env["expo.relationship"]._refresh_for_partners(participations.partner_id)
        return participations

    def write(self, vals):
        if not self._relationship_fields().intersection(vals):
            return super().write(vals)
        partners = self.partner_id
        result = super().write(vals)
        self.env["expo.relationship"]._refresh_for_partners(partners | self.partner_id)
        return result

    def unlink(self):
        partners = self.partner_id
        result = super().unlink()
        self.env["expo.relationship"]._refresh_for_partners(partners)
        return result
