# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ExpoSeries(models.Model):
    """A recurring show (a brand); each edition is an ``event.event``."""

    _name = "expo.series"
    _description = "Exhibition Series"
    _inherit = ["mail.thread", "mail.activity.mixin"]
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
    # editions
    event_ids = fields.One2many("event.event", "expo_series_id", string="Editions")
    edition_count = fields.Integer(compute="_compute_edition_count")

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "A series code must be unique.",
        ),
    ]

    @api.depends("event_ids")
    def _compute_edition_count(self):
        counts = dict(
            self.env["event.event"]._read_group(
                [("expo_series_id", "in", self.ids)], ["expo_series_id"], ["__count"]
            )
        )
        for series in self:
            series.edition_count = counts.get(series, 0)

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
