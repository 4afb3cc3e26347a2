# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ExpoRole(models.Model):
    _name = "expo.role"
    _description = "Exhibition Customer Role"
    _order = "side, sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True, help="Short technical code, unique, used in imports and reports."
    )
    side = fields.Selection(
        [("upstream", "Upstream (supplier)"), ("downstream", "Downstream (consumer)")],
        required=True,
        default="downstream",
        help="Upstream partners supply the show (venue, builders, logistics, travel, "
        "media); downstream partners consume it (exhibitors, sponsors, visitors).",
    )
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "A role code must be unique."),
    ]
