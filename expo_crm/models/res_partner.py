# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools import check_computed_not_written, drop_unindexed_field_indexes

LIFECYCLE_STAGES = [
    ("cultivation", "Cultivation"),
    ("confirmation", "Confirmation"),
    ("trust", "Trust"),
    ("weakening", "Weakening"),
    ("disappearance", "Disappearance"),
]
VALUE_RATINGS = [
    ("0", "None"),
    ("1", "Very Low"),
    ("2", "Low"),
    ("3", "Medium"),
    ("4", "High"),
    ("5", "Very High"),
]
EXPO_RATING_FIELDS = (
    "expo_demonstration_value",
    "expo_recommendation_value",
    "expo_capability_value",
)


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "expo.selection.order.mixin", "expo.phone.mixin"]

    # roles and history
    expo_role_ids = fields.Many2many(
        "expo.role",
        "expo_role_res_partner_rel",
        "partner_id",
        "role_id",
        string="Exhibition Roles",
        help="Roles this partner holds towards the organizer's shows.",
    )
    expo_participation_ids = fields.One2many(
        "expo.participation", "partner_id", string="Participations"
    )
    expo_participation_count = fields.Integer(
        "Participation Count", compute="_compute_expo_participation_count"
    )
    expo_relationship_ids = fields.One2many(
        "expo.relationship", "partner_id", string="Relationships with Series"
    )
    expo_relationship_count = fields.Integer(
        "Relationship Count", compute="_compute_expo_relationship_count"
    )
    expo_priority_rank = fields.Integer(
        "Best Priority Rank",
        compute="_compute_expo_priority_rank",
        help="Its best rank by priority points among the customers of a series it "
        "takes part in (1 = first offered rebooking and booth choice); empty when "
        "it is ranked in none.",
    )

    # lifecycle and value, summarizing the partner's relationships with the series
    # of the current company (company-dependent: each company sees its own)
    expo_lifecycle_stage = fields.Selection(
        LIFECYCLE_STAGES,
        string="Lifecycle Stage",
        readonly=True,
        company_dependent=True,
        index=False,
        groups="base.group_user",
        help="Stage of the customer relationship with the current company's "
        "series: cultivation (prospect, not yet taken part), confirmation (took "
        "part), trust (loyal), weakening (at risk), disappearance (lost). With "
        "several series, the stage of the series it took part in most recently; "
        "cultivation for a partner holding exhibition roles without any "
        "participation. Computed from participations: nobody types it.",
    )
    # economic value from invoices, three ratings by staff
    expo_economic_value = fields.Float(
        "Economic Value",
        readonly=True,
        company_dependent=True,
        index=False,
        groups="base.group_user",
        help="Amounts invoiced by the current company over the configured window of "
        "editions of each of its series, in its currency at the invoice dates. "
        "Computed from posted invoices: nobody types it.",
    )
    expo_demonstration_value = fields.Selection(
        VALUE_RATINGS,
        "Demonstration Value",
        help="How much its taking part draws its peers (industry leaders rate high).",
    )
    expo_recommendation_value = fields.Selection(
        VALUE_RATINGS,
        "Recommendation Value",
        help="How much its word of mouth brings (trade press, associations rate high).",
    )
    expo_capability_value = fields.Selection(
        VALUE_RATINGS,
        "Capability Value",
        help="How much the organizer learns from it (how other shows work).",
    )
    expo_rating_money = fields.Monetary(
        "Ratings in Money",
        compute="_compute_expo_profit_parts",
        currency_field="expo_currency_id",
        groups="base.group_user",
        help="The demonstration, recommendation and capability ratings, each point "
        "worth the Value per Rating Point of the current company's settings.",
    )
    expo_relationship_costs = fields.Monetary(
        "Relationship Costs",
        compute="_compute_expo_profit_parts",
        currency_field="expo_currency_id",
        groups="base.group_user",
        help="Initial, maintenance and termination costs of its relationships with "
        "every series of the current company.",
    )
    expo_relationship_profit = fields.Float(
        "Relationship Profit",
        readonly=True,
        company_dependent=True,
        index=False,
        groups="base.group_user",
        help="Of the customer across every series of the current company: economic "
        "value plus ratings in money, minus relationship costs. A series' profit in "
        "the table below counts its economic value and costs only. Computed: nobody "
        "types it.",
    )
    expo_currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_expo_currency_id",
        help="Currency of the current company, in which its figures are counted.",
    )

    @api.model
    def _expo_ordered_selections(self):
        return super()._expo_ordered_selections() | {"expo_lifecycle_stage"}

    @api.depends_context("company")
    def _compute_expo_currency_id(self):
        self.expo_currency_id = self.env.company.currency_id

    @api.depends(*EXPO_RATING_FIELDS, "expo_relationship_ids")
    @api.depends_context("company")
    def _compute_expo_profit_parts(self):
        """The two parts of the relationship profit that are not the economic
        value, as the refresh counts them for the current company."""
        company = self.env.company
        costs = {
            partner: initial + maintenance + termination
            for partner, initial, maintenance, termination in self.env[
                "expo.relationship"
            ]._read_group(
                [
                    ("partner_id", "in", self.commercial_partner_id.ids),
                    ("company_id", "=", company.id),
                ],
                ["partner_id"],
                [
                    "initial_cost:sum",
                    "maintenance_cost:sum",
                    "termination_cost:sum",
                ],
            )
        }
        for partner in self:
            points = sum(int(partner[fname] or 0) for fname in EXPO_RATING_FIELDS)
            partner.expo_rating_money = points * company.expo_rating_point_value
            partner.expo_relationship_costs = costs.get(
                partner.commercial_partner_id, 0.0
            )

    @api.depends("expo_participation_ids")
    def _compute_expo_participation_count(self):
        counts = dict(
            self.env["expo.participation"]._read_group(
                [("partner_id", "in", self.commercial_partner_id.ids)],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.expo_participation_count = counts.get(
                partner.commercial_partner_id, 0
            )

    def _compute_expo_relationship_count(self):
        counts = dict(
            self.env["expo.relationship"]._read_group(
                [("partner_id", "in", self.commercial_partner_id.ids)],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.expo_relationship_count = counts.get(
                partner.commercial_partner_id, 0
            )

    @api.model
    def _expo_computed_fields(self):
        """Partner fields computed from the exhibition history: nobody writes
        them but the jobs that compute them."""
        return {
            "expo_lifecycle_stage",
            "expo_economic_value",
            "expo_relationship_profit",
        }

    @api.model
    def _expo_bulk_fields(self):
        """The summary the refresh writes in bulk: of the overrides of ``write``,
        only the ones above react, and only to people writing these fields."""
        return self._expo_computed_fields()

    def init(self):
        result = super().init()
        # set for nearly every customer, a "not null" index (Odoo's default for
        # company-dependent fields) selects nothing and slows each bulk write
        drop_unindexed_field_indexes(self, sorted(self._expo_bulk_fields()))
        return result

    def _expo_check_computed_values(self, vals_list):
        """Refuse the computed fields in ``vals_list``; while partners are
        merged, leave them out (the merged partner's figures are recomputed)."""
        computed = self._expo_computed_fields()
        if self.env.context.get("expo_merging_partners"):
            return [
                {fname: value for fname, value in vals.items() if fname not in computed}
                for vals in vals_list
            ]
        check_computed_not_written(self, vals_list, computed)
        return vals_list

    def _compute_expo_priority_rank(self):
        relationships = self.env["expo.relationship"].search(
            [
                ("partner_id", "in", self.commercial_partner_id.ids),
                ("priority_ranked", "=", True),
            ]
        )
        best = {}
        for relationship in relationships:
            partner = relationship.partner_id
            best[partner] = min(
                best.get(partner, relationship.priority_rank),
                relationship.priority_rank,
            )
        for partner in self:
            partner.expo_priority_rank = best.get(partner.commercial_partner_id, 0)

    # phone numbers (normalized by expo.phone.mixin): a number that cannot be
    # parsed is kept as typed and flagged
    expo_phone_invalid = fields.Boolean(
        "Invalid Phone",
        compute="_compute_expo_phone_invalid",
        store=True,
        help="The phone or mobile number could not be recognized for the partner's "
        "country; it is kept as typed.",
    )

    @api.depends("phone", "mobile", "country_id")
    def _compute_expo_phone_invalid(self):
        for partner in self:
            partner.expo_phone_invalid = any(
                partner[fname] and not partner._expo_format_phone(partner[fname])
                for fname in self._phone_get_number_fields()
            )

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = self._expo_check_computed_values(vals_list)
        partners = super().create(vals_list)
        if any(vals.get("expo_role_ids") for vals in vals_list):
            # prospects holding exhibition roles start in cultivation
            partners.filtered("expo_role_ids")._expo_refresh_summary()
        return partners

    def write(self, vals):
        [vals] = self._expo_check_computed_values([vals])
        result = super().write(vals)
        if any(fname in vals for fname in (*EXPO_RATING_FIELDS, "expo_role_ids")):
            # ratings weigh into the profit, roles make a prospect
            self._expo_refresh_summary()
        return result

    def action_expo_view_relationships(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "expo_crm.expo_relationship_action"
        )
        partner = self.commercial_partner_id
        action["domain"] = [("partner_id", "=", partner.id)]
        return action

    def action_expo_view_participations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "expo_crm.expo_participation_action"
        )
        partner = self.commercial_partner_id
        action["domain"] = [("partner_id", "=", partner.id)]
        action["context"] = {"default_partner_id": partner.id}
        return action
