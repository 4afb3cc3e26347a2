# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# settings whose change changes every relationship's stage, value or profit
EXPO_RECOMPUTE_SETTINGS = (
    "expo_trust_min_editions",
    "expo_weakening_drop_percent",
    "expo_weakening_on_detractor",
    "expo_disappearance_missed_editions",
    "expo_value_window_editions",
    "expo_rating_point_value",
)


class ResCompany(models.Model):
    _inherit = "res.company"

    # lifecycle stage rules
    expo_trust_min_editions = fields.Integer(
        "Editions for Trust",
        default=2,
        help="A customer reaches trust once it took part in this many editions of a "
        "series, the latest one included. 1 merges confirmation and trust.",
    )
    expo_weakening_drop_percent = fields.Float(
        "Drop for Weakening (%)",
        default=30.0,
        help="A customer is weakening when it cuts its space or its invoiced spend by "
        "this percentage or more compared with its previous participation.",
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
        "part is lost. Skipping fewer editions makes it weakening.",
    )

    # value
    expo_value_window_editions = fields.Integer(
        "Value Window (Editions)",
        default=3,
        help="Economic value sums the amounts invoiced for this many latest editions "
        "of each series (plus upcoming editions already invoiced).",
    )
    expo_rating_point_value = fields.Monetary(
        "Value per Rating Point",
        currency_field="currency_id",
        default=1000.0,
        help="Money a point of demonstration, recommendation or capability rating "
        "adds to the relationship profit.",
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
        "Relationship Refresh Batch",
        default=500,
        help="Customers recomputed and committed together by the scheduled refresh.",
    )

    @api.constrains(
        "expo_trust_min_editions",
        "expo_disappearance_missed_editions",
        "expo_value_window_editions",
        "expo_refresh_batch_size",
    )
    def _check_expo_positive_counts(self):
        for company in self:
            for fname in (
                "expo_trust_min_editions",
                "expo_disappearance_missed_editions",
                "expo_value_window_editions",
                "expo_refresh_batch_size",
            ):
                if company[fname] < 1:
                    raise ValidationError(
                        _(
                            "%(setting)s must be at least 1.",
                            setting=self._fields[fname].get_description(self.env)[
                                "string"
                            ],
                        )
                    )

    @api.constrains("expo_booth_hold_days", "expo_max_booth_preferences")
    def _check_expo_floor_settings(self):
        for company in self:
            if not 1 <= company.expo_booth_hold_days <= 365:
                raise ValidationError(_("A booth hold lasts from 1 to 365 days."))
            if not 1 <= company.expo_max_booth_preferences <= 10:
                raise ValidationError(
                    _("An opportunity may enter from 1 to 10 booth preferences.")
                )

    @api.constrains("expo_weakening_drop_percent", "expo_rating_point_value")
    def _check_expo_rates(self):
        for company in self:
            if not 0 < company.expo_weakening_drop_percent <= 100:
                raise ValidationError(
                    _("The drop that makes a customer weakening is from 0 to 100 %.")
                )
            if company.expo_rating_point_value < 0:
                raise ValidationError(
                    _("The value per rating point cannot be negative.")
                )

    def write(self, vals):
        changed = any(
            fname in vals and any(company[fname] != vals[fname] for company in self)
            for fname in EXPO_RECOMPUTE_SETTINGS
        )
        result = super().write(vals)
        if changed:
            # new rules apply to every relationship: let the scheduled refresh run now
            cron = self.env.ref(
                "expo_crm.ir_cron_expo_relationship_refresh", raise_if_not_found=False
            )
            if cron:
                cron.sudo()._trigger()
        return result
