# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

from ..rules.history import PARTICIPATION_FIELDS
from ..tools import (
    check_computed_not_written,
    check_finite_numbers,
    check_selection_values,
)
from .expo_invoiced_amounts_mixin import AMOUNT_FIELDS

PARTICIPATION_STATES = [
    ("planned", "Planned"),
    ("confirmed", "Confirmed"),
    ("attended", "Attended"),
    ("cancelled", "Cancelled"),
    ("no_show", "No Show"),
]


class ExpoParticipation(models.Model):
    """One partner (commercial entity) in one edition in one role."""

    _name = "expo.participation"
    _description = "Exhibition Participation"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "expo.selection.order.mixin",
        "expo.feedback.mixin",
        "expo.invoiced.amounts.mixin",
    ]
    _order = "event_date_begin desc, id desc"
    # typed in a Participation field: the customer, the edition or the role
    _rec_names_search = ["partner_id", "event_id", "role_id"]
    _check_company_auto = True

    # who, where, as what
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
        check_company=True,
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
        check_company=True,
        domain="[('expo_series_id', '!=', False)]",
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
        "res.company",
        required=True,
        index=True,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        help="The company organizing the edition: its amounts are in this "
        "company's currency and count for its customers only.",
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

    # where it came from
    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", index="btree_not_null", check_company=True
    )
    sale_order_ids = fields.Many2many(
        "sale.order",
        "expo_participation_sale_order_rel",
        "participation_id",
        "order_id",
        string="Sale Orders",
        check_company=True,
    )
    sale_line_ids = fields.Many2many(
        "sale.order.line",
        "expo_participation_sale_line_rel",
        "participation_id",
        "line_id",
        string="Sale Order Lines",
        readonly=True,
    )

    # documents behind it (smart buttons; invoices and payments in the mixin)
    has_contract = fields.Boolean(
        "Under Contract",
        compute="_compute_has_contract",
        help="A signed space contract commits the customer: it is cancelled or "
        "reduced with Cancel or Reduce, which settles the schedule's penalty.",
    )

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

    @api.depends("event_id")
    def _compute_company_id(self):
        for participation in self:
            participation.company_id = (
                participation.event_id.company_id
                or participation.company_id
                or self.env.company
            )

    @api.model
    def _expo_ordered_selections(self):
        return super()._expo_ordered_selections() | {"state"}

    @api.depends("partner_id")
    def _compute_user_id(self):
        """The customer's salesperson, else the user recording the participation
        (not the system user that loads data or runs scheduled jobs)."""
        user = self.env.user if not self.env.user._is_superuser() else False
        for participation in self:
            participation.user_id = participation.partner_id.user_id or user

    @api.depends("sale_order_ids.expo_contract_state", "sale_order_ids.state")
    def _compute_has_contract(self):
        for participation in self:
            participation.has_contract = bool(
                participation.sudo().sale_order_ids._expo_signed_contracts()
            )

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

    @api.constrains("event_id")
    def _check_event_series(self):
        for participation in self:
            if not participation.event_id.expo_series_id:
                raise ValidationError(
                    _(
                        "%(event)s is not an edition of an exhibition series: link "
                        "it to its series before recording participations, which "
                        "count for the customers of that series.",
                        event=participation.event_id.display_name,
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

    @api.model
    def _check_typed_values(self, vals_list):
        """Refuse amounts (they come from posted invoices), numbers the database
        cannot hold and unknown choices (an NPS of 11), before anything is
        written."""
        check_computed_not_written(self, vals_list, AMOUNT_FIELDS)
        check_finite_numbers(self, vals_list)
        check_selection_values(self, vals_list)

    # status and the documents behind it
    def action_expo_cancel(self):
        contracted = self.filtered("has_contract")
        if contracted:
            raise UserError(
                _(
                    "%(participation)s is under a signed contract: use Cancel or "
                    "Reduce, which settles the penalty of the schedule.",
                    participation=contracted[0].display_name,
                )
            )
        self.filtered(lambda p: p.state in ("planned", "confirmed")).write(
            {"state": "cancelled"}
        )

    def action_expo_no_show(self):
        now = fields.Datetime.now()
        if any(p.event_date_begin and p.event_date_begin > now for p in self):
            raise UserError(
                _("A customer can miss an edition only once the edition has started.")
            )
        self.filtered(lambda p: p.state == "confirmed").write({"state": "no_show"})

    def action_expo_view_opportunity(self):
        self.ensure_one()
        return self.lead_id._get_records_action(name=_("Opportunity"))

    # keep the customers' relationships with the series up to date
    @api.model
    @tools.ormcache()
    def _relationship_fields(self):
        """Fields whose change changes a customer's relationships: those the
        relationships' history reads (``rules.history.PARTICIPATION_FIELDS``)
        and those they are computed from (derived once per registry: every write
        of a participation asks)."""
        fnames = set(PARTICIPATION_FIELDS)
        for fname in PARTICIPATION_FIELDS:
            depends = self.pool.field_depends[self._fields[fname]]
            fnames.update(dep.split(".")[0] for dep in depends)
        return frozenset(fnames)

    @api.model_create_multi
    def create(self, vals_list):
        self._check_typed_values(vals_list)
        participations = super().create(vals_list)
        self.env["expo.relationship"]._refresh_for_partners(participations.partner_id)
        return participations

    def write(self, vals):
        self._check_typed_values([vals])
        if self.env.context.get(
            "expo_defer_relationship_refresh"
        ) or not self._relationship_fields().intersection(vals):
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

    # automatic participations and amounts
    @api.model
    def _expo_find_or_create(self, values_by_key):
        """Participations for ``{(partner_id, event_id, role_id): values}``.

        One search finds the existing participations, one create makes the missing
        ones (with their values); existing ones are returned untouched. Returns a
        dict ``{key: participation}``.
        """
        if not values_by_key:
            return {}
        partner_ids, event_ids, role_ids = (
            {key[index] for key in values_by_key} for index in range(3)
        )
        existing = self.with_context(active_test=False).search(
            [
                ("partner_id", "in", list(partner_ids)),
                ("event_id", "in", list(event_ids)),
                ("role_id", "in", list(role_ids)),
            ]
        )
        found = {
            (part.partner_id.id, part.event_id.id, part.role_id.id): part
            for part in existing
        }
        found = {key: part for key, part in found.items() if key in values_by_key}
        missing = [key for key in values_by_key if key not in found]
        created = self.create(
            [
                {
                    **values_by_key[key],
                    "partner_id": key[0],
                    "event_id": key[1],
                    "role_id": key[2],
                }
                for key in missing
            ]
        )
        found.update(zip(missing, created, strict=False))
        return found

    def _expo_confirm(self, date_signed=None):
        """Confirm planned or cancelled participations; keep attended ones."""
        to_confirm = self.filtered(lambda p: p.state in ("planned", "cancelled"))
        to_confirm.write({"state": "confirmed"})
        unsigned = self.filtered(lambda p: not p.date_signed)
        unsigned.write({"date_signed": date_signed or fields.Date.context_today(self)})

    def _expo_is_held(self):
        """Whether something still commits the customer: a booth, a confirmed sale
        order line or a won opportunity."""
        self.ensure_one()
        return bool(
            self.booth_ids
            or self.sale_line_ids.filtered(lambda line: line.order_id.state == "sale")
            or (self.lead_id.active and self.lead_id.stage_id.is_won)
        )

    def _expo_cancel_unheld(self):
        """Cancel the planned or confirmed participations nothing holds any more."""
        self.filtered(
            lambda p: p.state in ("planned", "confirmed") and not p._expo_is_held()
        ).write({"state": "cancelled"})

    def _expo_sync_space_from_booths(self):
        """Space of participations with booths = the sum of their booth sizes."""
        for participation in self.filtered("booth_ids"):
            space = sum(participation.booth_ids.mapped("expo_area_sqm"))
            if participation.space_sqm != space:
                participation.space_sqm = space

    @api.model
    def _refresh_amounts_of_sale_lines(self, sale_lines):
        """Refresh the participations holding these sale order lines."""
        if sale_lines:
            self.sudo().search(
                [("sale_line_ids", "in", sale_lines.ids)]
            )._refresh_amounts()
