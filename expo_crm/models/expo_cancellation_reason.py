# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ExpoCancellationReason(models.Model):
    """Why a customer cancels a contract or gives space back."""

    _name = "expo.cancellation.reason"
    _description = "Cancellation Reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
