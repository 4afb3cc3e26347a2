# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

EXPO_RECOMPUTE_SETTINGS = (
    "expo_trust_min_editions",
    "expo_weakening_drop_percent",
    "expo_weakening_on_detractor",
    "expo_disappearance_missed_editions",
    "expo_value_window_editions",
    "expo_rating_point_value",
)


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    expo_trust_min_editions = fields.Integer(
        related="company_id.expo_trust_min_editions", readonly=False
    )
    expo_weakening_drop_percent = fields.Float(
        related="company_id.expo_weakening_drop_percent", readonly=False
    )
    expo_weakening_on_detractor = fields.Boolean(
        related="company_id.expo_weakening_on_detractor", readonly=False
    )
    expo_disappearance_missed_editions = fields.Integer(
        related="company_id.expo_disappearance_missed_editions", readonly=False
    )
    expo_value_window_editions = fields.Integer(
        related="company_id.expo_value_window_editions", readonly=False
    )
    expo_rating_point_value = fields.Monetary(
        related="company_id.expo_rating_point_value",
        readonly=False,
        currency_field="currency_id",
    )
    expo_refresh_batch_size = fields.Integer(
        related="company_id.expo_refresh_batch_size", readonly=False
    )

    def set_values(self):
        company = self.company_id
        before = {fname: company[fname] for fname in EXPO_RECOMPUTE_SETTINGS}
        result = super().set_values()
        if any(company[fname] != before[fname] for fname in EXPO_RECOMPUTE_SETTINGS):
            # new rules apply to every relationship: let the scheduled refresh run soon
            cron = self.env.ref(
                "expo_crm.ir_cron_expo_relationship_refresh", raise_if_not_found=False
            )
            if cron:
                cron.sudo()._trigger()
        return result
