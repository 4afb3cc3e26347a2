# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ExpoHall(models.Model):
    """A hall of a venue, where the booths of an edition stand."""

    _name = "expo.hall"
    _description = "Exhibition Hall"
    _order = "venue_id, sequence, name, id"
    _check_company_auto = True
    _rec_names_search = ["name", "code", "venue_id"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Short code printed on floor plans, e.g. 1A.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    venue_id = fields.Many2one(
        "res.partner",
        string="Venue",
        required=True,
        index=True,
        check_company=True,
        help="The convention centre or exhibition ground the hall belongs to.",
    )
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        index=True,
        help="Leave empty to share the hall between the companies of the database.",
    )
    area_sqm = fields.Float(
        "Gross Area (m²)",
        digits=(16, 2),
        help="Floor area of the hall; the booths' net area is what is sold.",
    )
    booth_ids = fields.One2many("event.booth", "expo_hall_id", string="Booths")
    booth_count = fields.Integer(compute="_compute_booth_count")

    _sql_constraints = [
        (
            "area_sqm_positive",
            "CHECK(area_sqm >= 0)",
            "A hall area cannot be negative.",
        ),
    ]

    def _compute_booth_count(self):
        counts = dict(
            self.env["event.booth"]._read_group(
                [("expo_hall_id", "in", self.ids)], ["expo_hall_id"], ["__count"]
            )
        )
        for hall in self:
            hall.booth_count = counts.get(hall, 0)

    def action_view_booths(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "expo_crm.expo_booth_action"
        )
        action["domain"] = [("expo_hall_id", "=", self.id)]
        action["context"] = {"default_expo_hall_id": self.id}
        return action
