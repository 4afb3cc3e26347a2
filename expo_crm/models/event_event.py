# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models

from .expo_participation import TAKEN_PART_STATES


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
        "Net m² Sold",
        compute="_compute_expo_participation_stats",
        help="Floor space of its participations that are not cancelled, in square "
        "metres (booths, without aisles).",
    )
    expo_amount_invoiced = fields.Monetary(
        "Invoiced Revenue",
        compute="_compute_expo_participation_stats",
        currency_field="expo_currency_id",
    )
    expo_currency_id = fields.Many2one(
        "res.currency", compute="_compute_expo_currency_id"
    )
    expo_rebooked_count = fields.Integer(
        "Rebooked",
        compute="_compute_expo_rebooking",
        help="Customers of this edition (confirmed or attended) in the series' "
        "ranked roles (exhibitors and sponsors by default) already booked for the "
        "next edition in one of them.",
    )
    expo_rebooking_rate = fields.Float(
        "Rebooking Rate (%)",
        digits=(5, 1),
        compute="_compute_expo_rebooking",
        help="Share of this edition's customers in the ranked roles already booked "
        "for the next edition.",
    )
    expo_rebooking_lead_count = fields.Integer(
        "Rebooking Opportunities", compute="_compute_expo_rebooking_lead_count"
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

    @api.depends("expo_series_id", "date_begin")
    def _compute_expo_rebooking(self):
        customers = self._expo_ranked_customers(self)
        booked = self._expo_ranked_customers(self.expo_next_event_id, taken_part=False)
        for event in self:
            next_event = event.expo_next_event_id
            mine = customers.get(event, set())
            rebooked = mine & booked.get(next_event, set()) if next_event else set()
            event.expo_rebooked_count = len(rebooked)
            event.expo_rebooking_rate = (
                100.0 * len(rebooked) / len(mine) if mine and next_event else 0.0
            )

    @api.model
    def _expo_ranked_customers(self, events, taken_part=True):
        """{edition: ids of its customers in the series' ranked roles}, confirmed or
        attended (or, with ``taken_part=False``, any state but cancelled)."""
        groups = self.env["expo.participation"]._read_group(
            [
                ("event_id", "in", events.ids),
                ("state", "in", TAKEN_PART_STATES)
                if taken_part
                else ("state", "!=", "cancelled"),
            ],
            ["event_id", "role_id", "partner_id"],
        )
        customers = defaultdict(set)
        for event, role, partner in groups:
            if role in event.expo_series_id.ranked_role_ids:
                customers[event].add(partner.id)
        return customers

    def _expo_rebooked_participations(self):
        """Participations in the next edition of this edition's customers (both in
        the series' ranked roles; confirmed or attended here, not cancelled
        there)."""
        self.ensure_one()
        Participation = self.env["expo.participation"]
        if not self.expo_next_event_id:
            return Participation
        customers = self._expo_ranked_customers(self).get(self, set())
        return Participation.search(
            [
                ("event_id", "=", self.expo_next_event_id.id),
                ("state", "!=", "cancelled"),
                ("partner_id", "in", list(customers)),
                ("role_id", "in", self.expo_series_id.ranked_role_ids.ids),
            ]
        )

    def action_expo_view_rebooked(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "expo_crm.expo_participation_action"
        )
        action["domain"] = [("id", "in", self._expo_rebooked_participations().ids)]
        action["context"] = {"search_default_group_role": 1}
        return action

    def _compute_expo_rebooking_lead_count(self):
        counts = defaultdict(int)
        for previous, count in self.env["crm.lead"]._read_group(
            [
                ("expo_is_rebooking", "=", True),
                ("expo_previous_participation_id.event_id", "in", self.ids),
            ],
            ["expo_previous_participation_id"],
            ["__count"],
        ):
            counts[previous.event_id] += count
        for event in self:
            event.expo_rebooking_lead_count = counts[event]

    def action_expo_view_rebooking_leads(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm.crm_lead_opportunities"
        )
        action["domain"] = [
            ("expo_is_rebooking", "=", True),
            ("expo_previous_participation_id.event_id", "=", self.id),
        ]
        action["context"] = {"active_test": False}
        return action

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
