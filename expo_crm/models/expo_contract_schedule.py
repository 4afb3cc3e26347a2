# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules import contract as rules
from ..tools import check_bounds

SCHEDULE_BOUNDS = {
    "deposit_percent": (0, 100),
    "deposit_due_days": (0, 365),
    "balance_due_days": (0, 3650),
    "balance_invoice_days": (0, 365),
}


class ExpoContractSchedule(models.Model):
    """The payment and cancellation schedule of space contracts: a series uses
    one, an edition may use another."""

    _name = "expo.contract.schedule"
    _description = "Contract Schedule"
    _inherit = ["expo.number.check.mixin"]
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    # payments
    deposit_percent = fields.Float(
        "Deposit (%)",
        default=30.0,
        help="Share of the contract invoiced as a down payment when it is signed "
        "and paid online at signing (0 to 100; 0: no deposit).",
    )
    deposit_due_days = fields.Integer(
        "Deposit Due (Days after Signing)",
        default=14,
        help="The deposit invoice is due this many days after signing (0 to 365). "
        "Unpaid after that day, the booths are released for the waiting list.",
    )
    balance_due_days = fields.Integer(
        "Balance Due (Days before Opening)",
        default=60,
        help="The balance is due this many days before the edition opens (0 to "
        "3,650); a contract signed later pays it at once.",
    )
    balance_invoice_days = fields.Integer(
        "Balance Invoiced (Days before Due)",
        default=30,
        help="The scheduled job issues the balance invoice this many days before "
        "it is due (0 to 365).",
    )

    # cancellation and reduction
    tier_ids = fields.One2many(
        "expo.cancellation.tier",
        "schedule_id",
        string="Cancellation Tiers",
        copy=True,
        help="What cancelling or giving space back costs, by days before the "
        "opening. Without tiers it costs nothing.",
    )
    terms = fields.Html(
        "Terms and Conditions",
        translate=True,
        help="Printed on the space contract (the quotation) with the schedule.",
    )

    series_ids = fields.One2many("expo.series", "contract_schedule_id", string="Series")

    @api.constrains(*SCHEDULE_BOUNDS)
    def _check_schedule_bounds(self):
        check_bounds(self, SCHEDULE_BOUNDS)

    @api.constrains("tier_ids")
    def _check_tiers(self):
        messages = {
            rules.TIER_DAYS: _("A cancellation tier cannot start after the opening."),
            rules.TIER_PERCENT: _("A cancellation penalty runs from 0 to 100 %."),
            rules.TIER_OVERLAP: _(
                "Two cancellation tiers start the same number of days before the "
                "opening: they overlap."
            ),
            rules.TIER_UNORDERED: _(
                "A cancellation closer to the opening cannot cost less: order the "
                "penalties so that they grow as the opening nears."
            ),
            rules.TIER_START: _(
                "The cancellation tiers must cover every day up to the opening: add "
                "a tier from 0 days."
            ),
        }
        for schedule in self:
            errors = rules.tier_errors(schedule._expo_tiers())
            if errors:
                raise ValidationError(
                    _(
                        "Schedule %(schedule)s: %(errors)s",
                        schedule=schedule.display_name,
                        errors=" ".join(messages[error] for error in errors),
                    )
                )

    def _expo_tiers(self):
        """The tiers as the rules read them."""
        self.ensure_one()
        return tuple(rules.Tier(tier.min_days, tier.percent) for tier in self.tier_ids)

    def _expo_penalty_percent(self, days_before):
        """The penalty rate of a change this many days before the opening."""
        self.ensure_one()
        return rules.penalty_percent(self._expo_tiers(), days_before)
