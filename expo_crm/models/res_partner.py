# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

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
    _inherit = "res.partner"

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

    # lifecycle, summarizing the partner's relationships with the series
    expo_lifecycle_stage = fields.Selection(
        LIFECYCLE_STAGES,
        string="Lifecycle Stage",
        readonly=True,
        index=True,
        copy=False,
        help="Stage of the customer relationship: cultivation (prospect), "
        "confirmation (first participation), trust (loyal), weakening (at risk), "
        "disappearance (lost).",
    )

    # value (DOMAIN §5): economic value from invoices, three ratings by staff
    expo_economic_value = fields.Monetary(
        "Economic Value",
        readonly=True,
        copy=False,
        currency_field="expo_currency_id",
        help="Invoiced amounts over the configured window of editions.",
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
    expo_relationship_profit = fields.Monetary(
        "Relationship Profit",
        readonly=True,
        copy=False,
        currency_field="expo_currency_id",
        help="Economic value plus the ratings weighted into money, minus initial, "
        "maintenance and termination costs.",
    )
    expo_currency_id = fields.Many2one(
        "res.currency", compute="_compute_expo_currency_id"
    )

    def _compute_expo_currency_id(self):
        for partner in self:
            partner.expo_currency_id = (
                partner.company_id or self.env.company
            ).currency_id

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

    def write(self, vals):
        result = super().write(vals)
        if any(fname in vals for fname in EXPO_RATING_FIELDS):
            # the ratings weigh into the relationship profit
            self.env["expo.relationship"]._refresh_partner_summary(self)
        return result

    def action_expo_view_relationships(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "expo_crm.expo_relationship_action"
        )
        partner = self.commercial_partner_id
        action["domain"] = [("partner_id", "=", partner.id)]
        action["context"] = {}
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
