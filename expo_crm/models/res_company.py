# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules import lifecycle, value
from ..rules.money import Currency
from ..tools import check_bounds

# settings whose change changes every relationship's stage, value or profit: what
# the lifecycle and value rules read
EXPO_RECOMPUTE_SETTINGS = (*lifecycle.COMPANY_FIELDS, *value.COMPANY_FIELDS)
# the range of each count and amount setting, both ends included
EXPO_SETTING_BOUNDS = {
    "expo_trust_min_editions": (1, 50),
    "expo_disappearance_missed_editions": (1, 50),
    "expo_value_window_editions": (1, 50),
    "expo_rating_point_value": (0, 1_000_000_000),
    "expo_refresh_batch_size": (1, 100_000),
}


class ResCompany(models.Model):
    _inherit = ["res.company", "expo.number.check.mixin"]
    _name = "res.company"

    # lifecycle stage rules
    expo_trust_min_editions = fields.Integer(
        "Editions for Trust",
        default=2,
        help="A customer reaches trust once it took part in this many editions of a "
        "series, the latest one included (1 to 50). 1 merges confirmation and trust.",
    )
    expo_weakening_drop_percent = fields.Float(
        "Drop for Weakening (%)",
        default=30.0,
        help="A customer is weakening when it cuts its space or its invoiced spend by "
        "this percentage or more compared with its previous participation (above 0, "
        "up to 100).",
    )
    expo_weakening_on_detractor = fields.Boolean(
        "Detractors Are Weakening",
        default=True,
        help="A customer whose latest participation was rated 0 to 6 on the NPS "
        "question is weakening.",
    )
    expo_disappearance_missed_editions = fields.Integer(
        "Missed Editions for Disappearance",
        default=2,
        help="A customer absent from this many of the latest editions after taking "
        "part is lost (1 to 50). Skipping fewer editions makes it weakening.",
    )

    # value
    expo_value_window_editions = fields.Integer(
        "Value Window (Editions)",
        default=3,
        help="Economic value sums the amounts invoiced for this many latest editions "
        "of each series, plus upcoming editions already invoiced (1 to 50).",
    )
    expo_rating_point_value = fields.Monetary(
        "Value per Rating Point",
        currency_field="currency_id",
        default=1000.0,
        help="Money a point of demonstration, recommendation or capability rating "
        "adds to the relationship profit (0 to 1,000,000,000).",
    )

    # selling the floor
    expo_booth_hold_days = fields.Integer(
        "Booth Hold (Days)",
        default=14,
        help="How long booths assigned by the space draw or offered from the waiting "
        "list stay held for their opportunity (1 to 365 days); then they are released "
        "and offered to the next applicant.",
    )
    expo_max_booth_preferences = fields.Integer(
        "Booth Preferences per Opportunity",
        default=5,
        help="How many ranked booth preferences an opportunity may enter (1 to 10).",
    )

    # batch recomputation
    expo_refresh_batch_size = fields.Integer(
        "Customers per Refresh Batch",
        default=500,
        help="Customers recomputed and committed together by the scheduled refresh "
        "(1 to 100,000).",
    )

    @api.constrains(*EXPO_SETTING_BOUNDS)
    def _check_expo_setting_bounds(self):
        check_bounds(self, EXPO_SETTING_BOUNDS)

    @api.constrains("expo_booth_hold_days", "expo_max_booth_preferences")
    def _check_expo_floor_settings(self):
        for company in self:
            if not 1 <= company.expo_booth_hold_days <= 365:
                raise ValidationError(_("A booth hold lasts from 1 to 365 days."))
            if not 1 <= company.expo_max_booth_preferences <= 10:
                raise ValidationError(
                    _("An opportunity may enter from 1 to 10 booth preferences.")
                )

    @api.constrains("expo_weakening_drop_percent")
    def _check_expo_rates(self):
        for company in self:
            if not 0 < company.expo_weakening_drop_percent <= 100:
                raise ValidationError(
                    _(
                        "The drop that makes a customer weakening is above 0 and at "
                        "most 100 %."
                    )
                )

    def _expo_lifecycle_rules(self):
        """The company's lifecycle settings, as the rules read them."""
        self.ensure_one()
        return lifecycle.LifecycleRules(
            **{attr: self[fname] for fname, attr in lifecycle.COMPANY_FIELDS.items()}
        )

    def _expo_value_rules(self):
        """The company's value settings and currency, as the rules read them."""
        self.ensure_one()
        return value.ValueRules(
            **{attr: self[fname] for fname, attr in value.COMPANY_FIELDS.items()},
            currency=Currency(self.currency_id.rounding),
        )

    def write(self, vals):
        changed = any(
            fname in vals and any(company[fname] != vals[fname] for company in self)
            for fname in EXPO_RECOMPUTE_SETTINGS
        )
        result = super().write(vals)
        if changed:
            # new rules apply to every relationship: refresh them all now
            self.env["expo.relationship"]._request_refresh()
        return result
