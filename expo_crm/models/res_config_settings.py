# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    # an amount of 1e400 would fail rounding before any setting's check
    _inherit = ["res.config.settings", "expo.number.check.mixin"]
    _name = "res.config.settings"

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
    expo_booth_hold_days = fields.Integer(
        related="company_id.expo_booth_hold_days", readonly=False
    )
    expo_max_booth_preferences = fields.Integer(
        related="company_id.expo_max_booth_preferences", readonly=False
    )
