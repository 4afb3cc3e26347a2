# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, _, api, fields, models
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

from ..tools import format_area

_lt = LazyTranslate(__name__)

LINE_STATES = [
    ("draft", "Simulated"),
    ("assigned", "Booth Held"),
    ("waiting", "Waiting List"),
    ("offered", "Offered"),
    ("released", "Released"),
]
# Why a line got what it got: the draw stores [code, parameters] pairs, each reader
# sees sentences in its own language with booths and halls named in it.
DRAW_REASONS = {
    "named_met": _lt("Choice %(rank)s: %(booths)s, %(area)s m²."),
    "wish_met": _lt(
        "Choice %(rank)s (%(wish)s): %(booths)s, the best free fit, %(area)s m²."
    ),
    "wish_joined": _lt(
        "Choice %(rank)s (%(wish)s): adjacent booths %(booths)s joined into one stand, "
        "%(area)s m²."
    ),
    "named_taken": _lt(
        "Choice %(rank)s (%(booths)s) went to no. %(positions)s of the order."
    ),
    "named_unavailable": _lt(
        "Choice %(rank)s (%(booths)s) was not free: sold or held before the draw."
    ),
    "wish_none": _lt("Choice %(rank)s (%(wish)s): no free booth fits."),
    "waiting": _lt("No choice could be met: on the waiting list."),
    "floor_full": _lt("No booth was left free at its turn: on the waiting list."),
    "no_preference": _lt("No booth preference entered: on the waiting list."),
    "served": _lt("Already holds %(booths)s."),
    "offered": _lt(
        "Offered from the waiting list on its choice %(rank)s: %(booths)s, %(area)s m²."
    ),
    "expired": _lt("The hold ran out on %(date)s."),
    "released": _lt("Released on %(date)s."),
    "cancelled": _lt("The sale order was cancelled on %(date)s."),
    "lost": _lt("The opportunity was lost on %(date)s."),
}


class ExpoSpaceDrawLine(models.Model):
    """One applicant of a space draw: its place in the published order, what it got
    and why."""

    _name = "expo.space.draw.line"
    _description = "Space Draw Applicant"
    _order = "draw_id, sequence, id"
    _check_company_auto = True
    _rec_name = "lead_id"

    @api.model
    def _expo_bulk_fields(self):
        """A new draw renumbers the settled lines in bulk."""
        return {"sequence"}

    draw_id = fields.Many2one(
        "expo.space.draw",
        string="Space Draw",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(related="draw_id.company_id", store=True)
    event_id = fields.Many2one(related="draw_id.event_id", store=True, string="Edition")
    sequence = fields.Integer(
        "Position", help="Place in the published order: 1 chooses first."
    )
    lead_id = fields.Many2one(
        "crm.lead",
        string="Opportunity",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    partner_id = fields.Many2one(
        related="lead_id.partner_id.commercial_partner_id",
        store=True,
        string="Customer",
    )
    user_id = fields.Many2one(
        related="lead_id.user_id", store=True, string="Salesperson"
    )

    # what ranked it
    priority_points = fields.Float(digits=(16, 2), readonly=True)
    date_signed = fields.Date("Signed On", readonly=True)
    lead_date = fields.Datetime("Opportunity Created", readonly=True)

    # what it got and why
    state = fields.Selection(
        LINE_STATES, string="Outcome", required=True, default="draft", index=True
    )
    booth_ids = fields.Many2many(
        "event.booth",
        "expo_space_draw_line_booth_rel",
        "line_id",
        "booth_id",
        string="Booths",
        readonly=True,
        check_company=True,
        help="What the simulation proposes, or what was held for the applicant.",
    )
    area_sqm = fields.Float("Area (m²)", compute="_compute_area_sqm", digits=(16, 2))
    preference_rank = fields.Integer(
        "Choice Met", readonly=True, help="The rank of the preference met; 0: none."
    )
    reason_data = fields.Json(readonly=True, copy=False)
    reason = fields.Char(compute="_compute_reason", help="Why the applicant got this.")

    _sql_constraints = [
        (
            "draw_lead_uniq",
            "unique(draw_id, lead_id)",
            "An opportunity takes part once in a space draw.",
        ),
    ]

    @api.depends("booth_ids.expo_area_sqm")
    def _compute_area_sqm(self):
        for line in self:
            line.area_sqm = sum(line.booth_ids.mapped("expo_area_sqm"))

    @api.depends("reason_data")
    def _compute_reason(self):
        sentences = self._render_reasons()
        for line in self:
            line.reason = " ".join(sentences[line]) or False

    def _render_reasons(self):
        """``{line: [sentence, ...]}`` in the reader's language: booths and halls by
        name, wishes in words, positions and areas as numbers."""
        booth_ids, hall_ids = set(), set()
        for line in self:
            for _code, params in line.reason_data or []:
                booth_ids.update(params.get("booths", ()))
                if params.get("hall"):
                    hall_ids.add(params["hall"])
        booth_names = {
            booth.id: booth.name
            for booth in self.env["event.booth"].sudo().browse(booth_ids).exists()
        }
        halls = {
            hall.id: hall
            for hall in self.env["expo.hall"].sudo().browse(hall_ids).exists()
        }
        Preference = self.env["expo.booth.preference"]
        sentences = {}
        for line in self:
            sentences[line] = []
            for code, params in line.reason_data or []:
                values = dict(params)
                if "booths" in values:
                    values["booths"] = " + ".join(
                        booth_names.get(bid, "?") for bid in values["booths"]
                    )
                if "positions" in values:
                    values["positions"] = ", ".join(map(str, values["positions"]))
                if "area" in values:
                    values["area"] = format_area(self.env, values["area"])
                if "min_area" in values:
                    values["wish"] = Preference._describe_wish(
                        halls.get(values.pop("hall")),
                        values.pop("type"),
                        values.pop("min_area"),
                    )
                if "date" in values:
                    values["date"] = format_date(self.env, values["date"])
                sentences[line].append(self.env._(DRAW_REASONS[code]) % values)
        return sentences

    # after the draw
    def _expo_hold_offer(self, offer, until):
        """Hold the booths of a waiting-list offer for the line's opportunity and
        tell its salesperson."""
        self.ensure_one()
        self.write(
            {
                "state": "offered",
                "booth_ids": [Command.set(offer.booth_ids)],
                "preference_rank": offer.rank,
                "reason_data": [*(self.reason_data or []), *map(list, offer.notes)],
            }
        )
        self.booth_ids._expo_hold(self.lead_id, until, self)
        self.lead_id._expo_schedule_todo(
            _("Booth offered from the waiting list"),
            _(
                "%(booths)s released in %(edition)s and offered to %(customer)s from "
                "the waiting list of the space draw: held until %(date)s.",
                booths=", ".join(self.booth_ids.mapped("name")),
                edition=self.event_id.display_name,
                customer=self.partner_id.display_name or self.lead_id.display_name,
                date=format_date(self.env, until),
            ),
        )

    def _expo_mark_released(self, reason=None):
        """Lines whose booths are all released again, with the reason noted."""
        today = fields.Date.to_string(fields.Date.context_today(self))
        for line in self.filtered(lambda line: line.state in ("assigned", "offered")):
            if line.booth_ids.filtered(
                lambda booth, line=line: booth.expo_lead_id == line.lead_id
            ):
                continue
            line.write(
                {
                    "state": "released",
                    "reason_data": [
                        *(line.reason_data or []),
                        [reason or "released", {"date": today}],
                    ],
                }
            )
