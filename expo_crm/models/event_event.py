# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models

from ..rules import space_draw as rule
from ..rules.history import TAKEN_PART_STATES


class EventEvent(models.Model):
    _inherit = "event.event"

    # series
    expo_series_id = fields.Many2one(
        "expo.series",
        string="Exhibition Series",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        help="The recurring show this event is an edition of: a series of the "
        "event's company.",
    )
    expo_contract_schedule_id = fields.Many2one(
        "expo.contract.schedule",
        string="Contract Schedule",
        compute="_compute_expo_contract_schedule_id",
        store=True,
        readonly=False,
        check_company=True,
        help="Deposit, balance and cancellation tiers of this edition's space "
        "contracts: the series' schedule unless another one is chosen here.",
    )

    @api.depends("expo_series_id.contract_schedule_id")
    def _compute_expo_contract_schedule_id(self):
        for event in self:
            event.expo_contract_schedule_id = event.expo_series_id.contract_schedule_id

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
    expo_rebooking_date = fields.Datetime(
        "Last Rebooked On",
        readonly=True,
        copy=False,
        help="When opportunities for this edition were last created from the "
        "customers of the previous one.",
    )
    expo_rebooking_lead_count = fields.Integer(
        "Rebooking Opportunities", compute="_compute_expo_rebooking_lead_count"
    )

    # the floor: booths' net area by sale status, the space draw, sponsorships
    expo_floor_area_sqm = fields.Float(
        "Floor Area (m²)", compute="_compute_expo_floor", digits=(16, 0)
    )
    expo_floor_sold_sqm = fields.Float(
        "Area Sold (m²)",
        compute="_compute_expo_floor",
        digits=(16, 0),
        help="Net area of the booths reserved (sale order confirmed) or sold (paid).",
    )
    expo_floor_available_sqm = fields.Float(
        "Area Available (m²)", compute="_compute_expo_floor", digits=(16, 0)
    )
    expo_space_draw_ids = fields.One2many(
        "expo.space.draw", "event_id", string="Space Draw"
    )
    expo_sponsorship_package_ids = fields.One2many(
        "expo.sponsorship.package", "event_id", string="Sponsorship Packages"
    )

    @api.constrains("expo_series_id", "expo_contract_schedule_id", "company_id")
    def _check_expo_series_company(self):
        # event.event does not check its companies itself (no _check_company_auto)
        self._check_company(["expo_series_id", "expo_contract_schedule_id"])

    def write(self, vals):
        if not {"expo_series_id", "date_begin"} & set(vals):
            return super().write(vals)
        # the participants' history moves to another series or in time
        partners = self._expo_participants()
        result = super().write(vals)
        self.env["expo.relationship"]._refresh_for_partners(partners)
        return result

    def unlink(self):
        # participations go with their edition, deleted by the database: their
        # customers' relationships are refreshed in the same transaction
        partners = self._expo_participants()
        result = super().unlink()
        self.env["expo.relationship"]._refresh_for_partners(partners)
        return result

    def _expo_participants(self):
        """The customers taking part in these editions, in any state."""
        return (
            self.env["expo.participation"]
            .sudo()
            .search([("event_id", "in", self.ids)])
            .partner_id
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

    def _compute_expo_floor(self):
        areas = {
            (event.id, state): area
            for event, state, area in self.env["event.booth"]._read_group(
                [("event_id", "in", self.ids)],
                ["event_id", "expo_sale_state"],
                ["expo_area_sqm:sum"],
            )
        }
        for event in self:
            area = {
                state: areas.get((event.id, state), 0.0)
                for state in ("available", "held", "reserved", "sold")
            }
            event.expo_floor_area_sqm = sum(area.values())
            event.expo_floor_sold_sqm = area["reserved"] + area["sold"]
            event.expo_floor_available_sqm = area["available"]

    def _expo_free_floor(self):
        """The edition's free booths (available, held for nobody) as the space
        draw reads them, ordered on the floor by hall, row, position and name."""
        self.ensure_one()
        booths = (
            self.env["event.booth"]
            .sudo()
            .search_fetch(
                [
                    ("event_id", "=", self.id),
                    ("state", "=", "available"),
                    ("expo_lead_id", "=", False),
                ],
                [
                    "expo_hall_id",
                    "expo_area_sqm",
                    "expo_booth_type",
                    "expo_row",
                    "expo_row_position",
                    "name",
                ],
            )
        )
        halls = {hall.id: hall.sequence for hall in booths.expo_hall_id}
        return [
            rule.Booth(
                booth.id,
                booth.expo_area_sqm,
                booth.expo_hall_id.id or None,
                booth.expo_booth_type,
                booth.expo_row or None,
                booth.expo_row_position if booth.expo_row else None,
                (
                    halls.get(booth.expo_hall_id.id, 0),
                    booth.expo_hall_id.id or 0,
                    booth.expo_row or "",
                    booth.expo_row_position,
                    booth.name or "",
                    booth.id,
                ),
            )
            for booth in booths
        ]

    def action_expo_view_floor(self):
        """The edition's booths by hall: kanban, list, pivot and graph."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "expo_crm.expo_booth_action"
        )
        action["domain"] = [("event_id", "=", self.id)]
        action["context"] = {
            "default_event_id": self.id,
            "search_default_group_hall": 1,
        }
        return action

    def action_expo_space_draw(self):
        """The edition's space draw, created on first use."""
        self.ensure_one()
        draw = self.expo_space_draw_ids[:1]
        if not draw:
            draw = self.env["expo.space.draw"].create(
                {
                    "event_id": self.id,
                    "company_id": (self.company_id or self.env.company).id,
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "expo.space.draw",
            "res_id": draw.id,
            "views": [(False, "form")],
        }

    def action_expo_booking_pace(self):
        """Space and revenue contracted by days before opening, this edition beside
        the previous one."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "expo_crm.expo_booking_pace_report_action"
        )
        action["domain"] = [
            ("event_id", "in", (self | self.expo_previous_event_id).ids)
        ]
        action["context"] = {}
        return action

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
