# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules import priority_points
from ..tools import check_bounds

# settings of the priority points whose change moves every customer's points
POINTS_FIELDS = tuple(priority_points.SERIES_FIELDS)
POINTS_BOUNDS = {
    "points_per_edition": (0, 1_000_000),
    "points_expiry_editions": (1, 50),
    "points_per_sqm": (0, 1_000_000),
    "points_sponsorship_unit": (0.01, 1_000_000_000),
    "points_per_sponsorship_unit": (0, 1_000_000),
    "points_early_signing_days": (0, 3650),
    "points_early_signing_bonus": (0, 1_000_000),
}


class ExpoSeries(models.Model):
    """A recurring show (a brand); each edition is an ``event.event``."""

    def _default_ranked_role_ids(self):
        roles = self.env["expo.role"]
        for xmlid in ("expo_crm.role_exhibitor", "expo_crm.role_sponsor"):
            roles |= self.env.ref(xmlid, raise_if_not_found=False) or roles
        return roles

    _name = "expo.series"
    _description = "Exhibition Series"
    _inherit = ["mail.thread", "mail.activity.mixin", "expo.number.check.mixin"]
    _order = "name, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(help="Short code of the show, e.g. HZAF.")
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users", string="Show Manager", default=lambda self: self.env.user
    )
    description = fields.Html(translate=True)
    # FABE pitch shown to salespeople on opportunities (feature, advantage, benefit,
    # evidence)
    fabe_feature = fields.Text(
        "Feature", translate=True, help="What the show is: theme, size, audience."
    )
    fabe_advantage = fields.Text(
        "Advantage", translate=True, help="What sets it apart from competing shows."
    )
    fabe_benefit = fields.Text(
        "Benefit",
        translate=True,
        help="What an exhibitor or sponsor gains by taking part.",
    )
    fabe_evidence = fields.Text(
        "Evidence", translate=True, help="Facts that prove it: visitors, deals, press."
    )
    # space contracts: deposit, balance, cancellation tiers and terms
    contract_schedule_id = fields.Many2one(
        "expo.contract.schedule",
        string="Contract Schedule",
        check_company=True,
        help="The payment and cancellation schedule of the series' space "
        "contracts; an edition may choose another one.",
    )
    # editions
    event_ids = fields.One2many("event.event", "expo_series_id", string="Editions")
    edition_count = fields.Integer(compute="_compute_edition_count")
    # customer relationships and their priority points (rebooking and booth choice)
    relationship_ids = fields.One2many(
        "expo.relationship", "series_id", string="Relationships"
    )
    relationship_count = fields.Integer(compute="_compute_relationship_count")
    ranked_role_ids = fields.Many2many(
        "expo.role",
        "expo_series_ranked_role_rel",
        "series_id",
        "role_id",
        string="Ranked Roles",
        default=_default_ranked_role_ids,
        help="The roles that buy space or sponsorship: taking part in one earns "
        "priority points and a rank, and the rebooking wizard rebooks them. "
        "Suppliers (venue, builders, logistics, travel, media) and visitors are "
        "usually left out. A change counts from the next relationship refresh "
        "(nightly).",
    )
    points_per_edition = fields.Float(
        "Points per Edition",
        default=10.0,
        help="Points for each edition the customer took part in, among the editions "
        "that have not expired (0 to 1,000,000).",
    )
    points_expiry_editions = fields.Integer(
        "Points Expire After (Editions)",
        default=5,
        help="Only the latest editions, this many (1 to 50), earn points per "
        "edition, sponsorship and early signing points.",
    )
    points_per_sqm = fields.Float(
        "Points per m²",
        default=1.0,
        help="Points for each square metre the customer took in the latest edition "
        "(0 to 1,000,000).",
    )
    points_sponsorship_unit = fields.Monetary(
        "Sponsorship Unit",
        default=1000.0,
        help="Sponsorship spend (over the non-expired editions) is counted in units "
        "of this amount (above 0, up to 1,000,000,000).",
    )
    points_per_sponsorship_unit = fields.Float(
        "Points per Sponsorship Unit",
        default=1.0,
        help="Points for each unit of sponsorship spend (0 to 1,000,000).",
    )
    points_early_signing_days = fields.Integer(
        "Early Signing (Days Before)",
        default=90,
        help="A participation signed at least this many days before its edition "
        "starts (0 to 3,650) earns the early signing bonus.",
    )
    points_early_signing_bonus = fields.Float(
        "Early Signing Bonus",
        default=5.0,
        help="Points for each non-expired edition signed early (0 to 1,000,000).",
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "A series code must be unique.",
        ),
    ]

    def _expo_points_rules(self):
        """The series' priority-point settings, as the rules read them."""
        self.ensure_one()
        return priority_points.PointsRules(
            **{
                attr: self[fname]
                for fname, attr in priority_points.SERIES_FIELDS.items()
            }
        )

    def _expo_refresh_rules(self):
        """What the relationship refresh applies to the series' customers: its
        priority points and its company's lifecycle and value settings."""
        self.ensure_one()
        return {
            "points": self._expo_points_rules(),
            "lifecycle": self.company_id._expo_lifecycle_rules(),
            "value": self.company_id._expo_value_rules(),
        }

    def write(self, vals):
        changed = any(
            fname in vals and any(series[fname] != vals[fname] for series in self)
            for fname in POINTS_FIELDS
        )
        result = super().write(vals)
        if changed:
            # new point rules move the points and ranks of the series' customers
            self.env["expo.relationship"]._request_refresh()
        return result

    @api.constrains(*POINTS_FIELDS)
    def _check_priority_points_settings(self):
        for series in self:
            if series.points_expiry_editions < 1:
                raise ValidationError(
                    _("Priority points must last at least one edition.")
                )
            if series.points_sponsorship_unit <= 0:
                raise ValidationError(
                    _("The sponsorship unit of priority points must be positive.")
                )
            if (
                min(
                    series.points_per_edition,
                    series.points_per_sqm,
                    series.points_per_sponsorship_unit,
                    series.points_early_signing_bonus,
                    series.points_early_signing_days,
                )
                < 0
            ):
                raise ValidationError(
                    _("Priority points and early signing days cannot be negative.")
                )
        check_bounds(self, POINTS_BOUNDS)

    @api.constrains("contract_schedule_id", "company_id")
    def _check_contract_schedule_company(self):
        self._check_company(["contract_schedule_id"])

    @api.depends("event_ids")
    def _compute_edition_count(self):
        counts = dict(
            self.env["event.event"]._read_group(
                [("expo_series_id", "in", self.ids)], ["expo_series_id"], ["__count"]
            )
        )
        for series in self:
            series.edition_count = counts.get(series, 0)

    def _compute_relationship_count(self):
        counts = dict(
            self.env["expo.relationship"]._read_group(
                [("series_id", "in", self.ids)], ["series_id"], ["__count"]
            )
        )
        for series in self:
            series.relationship_count = counts.get(series, 0)

    def _get_editions(self):
        """Editions of the series, oldest first (by start date)."""
        self.ensure_one()
        return self.env["event.event"].search(
            [("expo_series_id", "=", self.id)], order="date_begin, id"
        )

    def action_view_editions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "event.action_event_view"
        )
        action["domain"] = [("expo_series_id", "=", self.id)]
        action["context"] = {"default_expo_series_id": self.id}
        return action

    def action_view_relationships(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "expo_crm.expo_relationship_action"
        )
        action["domain"] = [("series_id", "=", self.id)]
        action["context"] = {"default_series_id": self.id}
        return action
