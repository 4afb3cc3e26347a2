# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class EventEvent(models.Model):
    _inherit = "event.event"

    # series
    expo_series_id = fields.Many2one(
        "expo.series",
        string="Exhibition Series",
        index="btree_not_null",
        tracking=True,
        help="The recurring show this event is an edition of.",
    )
    expo_previous_event_id = fields.Many2one(
        "event.event",
        string="Previous Edition",
        compute="_compute_expo_adjacent_events",
    )
    expo_next_event_id = fields.Many2one(
        "event.event", string="Next Edition", compute="_compute_expo_adjacent_events"
    )
    # participations
    expo_participation_ids = fields.One2many(
        "expo.participation", "event_id", string="Participations"
    )
    expo_participation_count = fields.Integer(
        "Participants", compute="_compute_expo_participation_stats"
    )
    expo_space_sqm = fields.Float(
        "Space Sold (m²)", compute="_compute_expo_participation_stats"
    )
    expo_amount_invoiced = fields.Monetary(
        "Invoiced Revenue",
        compute="_compute_expo_participation_stats",
        currency_field="expo_currency_id",
    )
    expo_currency_id = fields.Many2one(
        "res.currency", compute="_compute_expo_currency_id"
    )

    @api.depends("expo_series_id", "date_begin")
    def _compute_expo_adjacent_events(self):
        editions_by_series = {}
        for series in self.expo_series_id:
            editions_by_series[series] = series._get_editions()
        for event in self:
            editions = editions_by_series.get(event.expo_series_id)
            if not editions or event not in editions:
                event.expo_previous_event_id = False
                event.expo_next_event_id = False
                continue
            ordered = list(editions)
            index = ordered.index(event)
            event.expo_previous_event_id = ordered[index - 1] if index else False
            event.expo_next_event_id = (
                ordered[index + 1] if index + 1 < len(ordered) else False
            )

    def _compute_expo_currency_id(self):
        for event in self:
            event.expo_currency_id = (event.company_id or self.env.company).currency_id

    @api.depends(
        "expo_participation_ids.state",
        "expo_participation_ids.space_sqm",
        "expo_participation_ids.amount_invoiced",
    )
    def _compute_expo_participation_stats(self):
        stats = {
            event: (count, space, amount)
            for event, count, space, amount in self.env[
                "expo.participation"
            ]._read_group(
                [("event_id", "in", self.ids), ("state", "!=", "cancelled")],
                ["event_id"],
                ["__count", "space_sqm:sum", "amount_invoiced:sum"],
            )
        }
        for event in self:
            count, space, amount = stats.get(event, (0, 0.0, 0.0))
            event.expo_participation_count = count
            event.expo_space_sqm = space
            event.expo_amount_invoiced = amount

    def action_expo_view_participations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "expo_crm.expo_participation_action"
        )
        action["domain"] = [("event_id", "=", self.id)]
        action["context"] = {
            "default_event_id": self.id,
            "search_default_group_role": 1,
        }
        return action
