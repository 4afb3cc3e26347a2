# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from psycopg2 import errors

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date, mute_logger

from ..rules import space_draw as rule
from ..tools import write_computed_values

DRAW_STATES = [("draft", "New"), ("simulated", "Simulated"), ("assigned", "Assigned")]
# lines that got booths: a later run leaves them as they are
SETTLED_LINE_STATES = ("assigned", "offered", "released")


class ExpoSpaceDraw(models.Model):
    """An edition's space draw: its applicants in priority order and what each got,
    kept for audit and published to exhibitors."""

    _name = "expo.space.draw"
    _description = "Space Draw"
    _inherit = ["mail.thread"]
    _order = "id desc"
    _check_company_auto = True
    _rec_name = "event_id"

    def _default_role_ids(self):
        return self.env.ref("expo_crm.role_exhibitor") | self.env.ref(
            "expo_crm.role_sponsor"
        )

    def _default_hold_days(self):
        return self.env.company.expo_booth_hold_days

    # what is drawn
    event_id = fields.Many2one(
        "event.event",
        string="Edition",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
        domain="[('expo_series_id', '!=', False)]",
    )
    series_id = fields.Many2one(
        related="event_id.expo_series_id", store=True, string="Series"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    role_ids = fields.Many2many(
        "expo.role",
        string="Roles",
        required=True,
        default=_default_role_ids,
        help="Open opportunities of the edition in these roles (exhibitor when the "
        "opportunity names none) that entered booth preferences take part.",
    )
    hold_days = fields.Integer(
        "Hold (Days)",
        default=_default_hold_days,
        help="Booths assigned by the draw are held this many days for their "
        "opportunity.",
    )
    state = fields.Selection(
        DRAW_STATES, default="draft", required=True, tracking=True, copy=False
    )
    date_simulated = fields.Datetime("Simulated On", readonly=True, copy=False)
    date_assigned = fields.Datetime("Assigned On", readonly=True, copy=False)
    assigned_by_id = fields.Many2one(
        "res.users", string="Assigned By", readonly=True, copy=False
    )
    line_ids = fields.One2many(
        "expo.space.draw.line", "draw_id", string="Applicants", copy=False
    )

    # figures
    applicant_count = fields.Integer(compute="_compute_counts")
    served_count = fields.Integer("Served", compute="_compute_counts")
    waiting_count = fields.Integer("Waiting List", compute="_compute_counts")
    free_booth_count = fields.Integer("Free Booths", compute="_compute_counts")

    _sql_constraints = [
        ("event_uniq", "unique(event_id)", "An edition has one space draw."),
    ]

    @api.depends("event_id")
    def _compute_display_name(self):
        for draw in self:
            draw.display_name = _(
                "Space Draw %(edition)s", edition=draw.event_id.display_name or ""
            )

    @api.depends("line_ids.state")
    def _compute_counts(self):
        lines = {
            (draw.id, state): count
            for draw, state, count in self.env["expo.space.draw.line"]._read_group(
                [("draw_id", "in", self.ids)], ["draw_id", "state"], ["__count"]
            )
        }
        free = dict(
            self.env["event.booth"]._read_group(
                [
                    ("event_id", "in", self.event_id.ids),
                    ("expo_sale_state", "=", "available"),
                ],
                ["event_id"],
                ["__count"],
            )
        )
        for draw in self:
            counts = {
                state: lines.get((draw.id, state), 0)
                for state, _label in self.env["expo.space.draw.line"]
                ._fields["state"]
                .selection
            }
            draw.applicant_count = sum(counts.values())
            draw.served_count = counts["assigned"] + counts["offered"]
            draw.waiting_count = counts["waiting"]
            draw.free_booth_count = free.get(draw.event_id, 0)

    @api.constrains("hold_days")
    def _check_hold_days(self):
        for draw in self:
            if not 1 <= draw.hold_days <= 365:
                raise ValidationError(_("A booth hold lasts from 1 to 365 days."))

    # the draw
    def action_simulate(self):
        """Every applicant's outcome, shown on the lines; no booth changes."""
        if "assigned" in self.mapped("state"):
            raise UserError(
                _(
                    "The draw is assigned: its waiting list is live. Run Assign again "
                    "to serve the applicants not served yet."
                )
            )
        self._draw(assign=False)

    def action_assign(self):
        """Hold the booths of every applicant not served yet, in priority order;
        the others go on the waiting list."""
        self._draw(assign=True)

    def _draw(self, assign):
        self.ensure_one()
        self.check_access("write")
        self._lock()
        settled = self.line_ids.filtered(lambda line: line.state in SETTLED_LINE_STATES)
        leads = self._applicant_leads() | settled.lead_id
        applicants = self._rule_applicants(leads, settled, settled=True)
        outcomes = rule.run_draw(applicants, self.event_id._expo_free_floor())
        self._write_outcomes(
            outcomes, {applicant.id: applicant for applicant in applicants}, assign
        )
        now = fields.Datetime.now()
        if assign:
            self.write(
                {
                    "state": "assigned",
                    "date_assigned": now,
                    "assigned_by_id": self.env.user.id,
                }
            )
            self._post_assigned()
        else:
            self.write({"state": "simulated", "date_simulated": now})

    def _lock(self):
        """Lock the draw, refusing a second user running it at the same time, and
        the booths of its edition, so that nothing is assigned twice."""
        try:
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM expo_space_draw WHERE id IN %s "
                        "FOR UPDATE NOWAIT",
                        tuple(self.ids),
                    )
                )
        except errors.LockNotAvailable:
            raise UserError(
                _(
                    "Another user is running %(draw)s right now. Wait until it is "
                    "done, then open it again.",
                    draw=self.display_name,
                )
            ) from None
        self.env.cr.execute(
            SQL(
                "SELECT id FROM event_booth WHERE event_id IN %s "
                "ORDER BY id FOR UPDATE",
                tuple(self.event_id.ids),
            )
        )

    def _applicant_leads(self):
        """The open opportunities of the edition, in the draw's roles, that entered
        booth preferences or hold booths."""
        self.ensure_one()
        exhibitor = self.env.ref("expo_crm.role_exhibitor")
        role_domain = [("expo_role_id", "in", self.role_ids.ids)]
        if exhibitor in self.role_ids:
            role_domain = ["|", ("expo_role_id", "=", False), *role_domain]
        return (
            self.env["crm.lead"]
            .sudo()
            .search_fetch(
                [
                    ("expo_event_id", "=", self.event_id.id),
                    ("type", "=", "opportunity"),
                    *role_domain,
                    "|",
                    ("expo_booth_preference_ids", "!=", False),
                    ("expo_booth_ids.event_id", "=", self.event_id.id),
                ],
                ["partner_id", "create_date", "expo_date_signed"],
            )
        )

    def _rule_applicants(self, leads, lines, settled=False):
        """The applicants as the rule reads them: priority points of the customer
        in the series, signing and creation dates, preferences, booths held.
        Opportunities with one of ``lines`` keep the figures they were drawn with
        (and are ``settled`` if so)."""
        self.ensure_one()
        points = {
            relationship.partner_id.id: relationship.priority_points
            for relationship in self.env["expo.relationship"]
            .sudo()
            .search_fetch(
                [
                    ("series_id", "=", self.series_id.id),
                    ("partner_id", "in", leads.partner_id.commercial_partner_id.ids),
                ],
                ["partner_id", "priority_points"],
            )
        }
        preferences = self.env["expo.booth.preference"]._expo_rule_preferences(leads)
        holds = {}
        for booth in (
            self.env["event.booth"]
            .sudo()
            .search_fetch(
                [
                    ("event_id", "=", self.event_id.id),
                    ("expo_lead_id", "in", leads.ids),
                ],
                ["expo_lead_id"],
            )
        ):
            holds.setdefault(booth.expo_lead_id.id, []).append(booth.id)
        line_by_lead = {line.lead_id.id: line for line in lines}
        applicants = []
        for lead in leads:
            line = line_by_lead.get(lead.id)
            if line:
                figures = (
                    line.priority_points,
                    line.date_signed or None,
                    line.lead_date or None,
                )
            else:
                figures = (
                    points.get(lead.partner_id.commercial_partner_id.id, 0.0),
                    lead.expo_date_signed or None,
                    lead.create_date,
                )
            applicants.append(
                rule.Applicant(
                    lead.id,
                    *figures,
                    preferences.get(lead.id, ()),
                    tuple(holds.get(lead.id, ())),
                    settled=settled and bool(line),
                )
            )
        return applicants

    def _write_outcomes(self, outcomes, applicants, assign):
        """Lines in the published order: settled lines keep their outcome, the
        others are drawn again; with ``assign``, their booths are held."""
        Line = self.env["expo.space.draw.line"]
        lines = self.line_ids
        settled = {
            line.lead_id.id: line for line in lines if line.state in SETTLED_LINE_STATES
        }
        (lines - Line.browse(line.id for line in settled.values())).unlink()
        positions, drawn = {}, []
        for outcome in outcomes:
            line = settled.get(outcome.applicant_id)
            if not line:
                drawn.append(outcome)
            elif line.sequence != outcome.position:
                positions[line.id] = {"sequence": outcome.position}
        write_computed_values(Line, positions)
        new_lines = Line.create(
            [
                self._line_values(outcome, applicants[outcome.applicant_id], assign)
                for outcome in drawn
            ]
        )
        if assign:
            until = fields.Date.context_today(self) + timedelta(days=self.hold_days)
            holds = {
                booth_id: {
                    "expo_lead_id": line.lead_id.id,
                    "expo_hold_until": until,
                    "expo_draw_line_id": line.id,
                }
                for line, outcome in zip(new_lines, drawn, strict=True)
                # booths held before the draw stay as they are
                if not applicants[outcome.applicant_id].holds
                for booth_id in outcome.booth_ids
            }
            write_computed_values(self.env["event.booth"].sudo(), holds)

    def _line_values(self, outcome, applicant, assign):
        if not assign:
            state = "draft"
        else:
            state = "waiting" if outcome.waiting else "assigned"
        return {
            "draw_id": self.id,
            "lead_id": outcome.applicant_id,
            "sequence": outcome.position,
            "state": state,
            "priority_points": applicant.points,
            "date_signed": applicant.date_signed or False,
            "lead_date": applicant.date_created,
            "booth_ids": [Command.set(outcome.booth_ids)],
            "preference_rank": outcome.rank or 0,
            "reason_data": [list(note) for note in outcome.notes],
        }

    def _post_assigned(self):
        held = self.line_ids.filtered(lambda line: line.state == "assigned")
        self._message_log(
            body=_(
                "Assigned by %(user)s: %(booths)s booths held for %(served)s "
                "applicants until %(date)s, %(waiting)s on the waiting list.",
                user=self.env.user.display_name,
                booths=len(held.booth_ids),
                served=len(held),
                date=format_date(
                    self.env,
                    fields.Date.context_today(self) + timedelta(days=self.hold_days),
                ),
                waiting=self.waiting_count,
            )
        )

    # the waiting list
    @api.model
    def _offer_released_booths(self, booths):
        """Offer booths just released to the waiting list of their edition's draw:
        each to the first waiting line (in the published order) whose preferences
        it meets, held for it with an activity to its salesperson."""
        for draw in self.search(
            [("event_id", "in", booths.event_id.ids), ("state", "=", "assigned")]
        ):
            self.env.cr.execute(
                SQL("SELECT id FROM expo_space_draw WHERE id = %s FOR UPDATE", draw.id)
            )
            waiting = draw.line_ids.filtered(lambda line: line.state == "waiting")
            if not waiting:
                continue
            released = booths.filtered(
                lambda booth, draw=draw: booth.event_id == draw.event_id
            )
            # waiting lines choose again, with the figures they were drawn with
            offers = rule.offer_released(
                draw._rule_applicants(waiting.lead_id, waiting),
                draw.event_id._expo_free_floor(),
                released.ids,
            )
            until = fields.Date.context_today(self) + timedelta(days=draw.hold_days)
            line_by_lead = {line.lead_id.id: line for line in waiting}
            for offer in offers:
                line_by_lead[offer.applicant_id]._expo_hold_offer(offer, until)

    # buttons
    def action_view_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "expo_crm.expo_space_draw_line_action"
        )
        action["domain"] = [("draw_id", "=", self.id)]
        action["context"] = {"default_draw_id": self.id}
        return action

    def action_view_waiting_list(self):
        action = self.action_view_lines()
        action["context"] = {"search_default_waiting": 1}
        return action

    def action_view_booths(self):
        return self.event_id.action_expo_view_floor()
