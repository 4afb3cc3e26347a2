# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules import space_draw as rule
from ..tools import format_area
from .event_type_booth import BOOTH_TYPES


class ExpoBoothPreference(models.Model):
    """One ranked booth choice of an exhibition opportunity: booths named (held
    together or not at all), or a wish for a hall, a type and a minimum area."""

    _name = "expo.booth.preference"
    _description = "Booth Preference"
    _order = "lead_id, sequence, id"
    _check_company_auto = True

    lead_id = fields.Many2one(
        "crm.lead",
        string="Opportunity",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    sequence = fields.Integer(default=10)
    rank = fields.Integer(
        "Choice",
        compute="_compute_rank",
        help="1 for the first choice: the order of the opportunity's preferences.",
    )
    event_id = fields.Many2one(
        related="lead_id.expo_event_id", store=True, string="Edition"
    )
    company_id = fields.Many2one(related="lead_id.company_id", store=True)
    venue_id = fields.Many2one(related="lead_id.expo_event_id.address_id")

    # named booths, or a wish
    booth_ids = fields.Many2many(
        "event.booth",
        "expo_booth_preference_booth_rel",
        "preference_id",
        "booth_id",
        string="Booths",
        check_company=True,
        domain="[('event_id', '=', event_id)]",
        help="One booth, or adjacent booths wanted as one stand: held together or "
        "not at all.",
    )
    hall_id = fields.Many2one(
        "expo.hall",
        string="Hall",
        check_company=True,
        domain="[('venue_id', '=?', venue_id)]",
        help="Without named booths: any booth of this hall.",
    )
    booth_type = fields.Selection(
        BOOTH_TYPES, help="Without named booths: a stand of this type."
    )
    min_area_sqm = fields.Float(
        "Minimum Area (m²)",
        digits=(16, 2),
        help="Without named booths: a stand of at least this area; when no single "
        "booth is large enough, adjacent booths of one row are joined.",
    )
    description = fields.Char(compute="_compute_description")

    _sql_constraints = [
        (
            "min_area_sqm_positive",
            "CHECK(min_area_sqm >= 0)",
            "A minimum area cannot be negative.",
        ),
    ]

    @api.depends("lead_id.expo_booth_preference_ids.sequence")
    def _compute_rank(self):
        for lead in self.lead_id:
            # new lines (not saved yet) after the saved ones of the same sequence
            ranked = lead.expo_booth_preference_ids.sorted(
                lambda pref: (pref.sequence, pref._origin.id or float("inf"))
            )
            for rank, preference in enumerate(ranked, 1):
                preference.rank = rank
        for preference in self.filtered(lambda p: not p.lead_id):
            preference.rank = 0

    @api.depends("booth_ids", "hall_id", "booth_type", "min_area_sqm")
    def _compute_description(self):
        for preference in self:
            preference.description = preference._describe()

    def _describe(self):
        """The choice in words: the booths, or hall, type and minimum area."""
        self.ensure_one()
        if self.booth_ids:
            return " + ".join(self.booth_ids.sorted("name").mapped("name"))
        return self._describe_wish(self.hall_id, self.booth_type, self.min_area_sqm)

    @api.model
    def _describe_wish(self, hall, booth_type, min_area):
        """A wish in words, in the reader's language."""
        types = dict(self._fields["booth_type"]._description_selection(self.env))
        hall = hall.display_name if hall else _("any hall")
        booth_type = types[booth_type] if booth_type else _("any type")
        if min_area:
            return _(
                "%(hall)s, %(type)s, from %(area)s m²",
                hall=hall,
                type=booth_type,
                area=format_area(self.env, min_area),
            )
        return _("%(hall)s, %(type)s", hall=hall, type=booth_type)

    @api.constrains("booth_ids", "hall_id", "booth_type", "min_area_sqm", "lead_id")
    def _check_choice(self):
        for preference in self:
            lead = preference.lead_id
            if not lead.expo_event_id:
                raise ValidationError(
                    _(
                        "Choose the edition of %(lead)s before its booth preferences.",
                        lead=lead.display_name,
                    )
                )
            wish = (
                preference.hall_id or preference.booth_type or preference.min_area_sqm
            )
            if preference.booth_ids and wish:
                raise ValidationError(
                    _(
                        "A booth preference names booths or describes a wish (hall, "
                        "type, minimum area), not both: enter them as two choices."
                    )
                )
            if not preference.booth_ids and not wish:
                raise ValidationError(
                    _(
                        "A booth preference of %(lead)s names booths, or a hall, a "
                        "type or a minimum area.",
                        lead=lead.display_name,
                    )
                )
            if preference.booth_ids.event_id - lead.expo_event_id:
                raise ValidationError(
                    _(
                        "The booths preferred by %(lead)s must be booths of "
                        "%(event)s.",
                        lead=lead.display_name,
                        event=lead.expo_event_id.display_name,
                    )
                )

    @api.constrains("lead_id")
    def _check_count(self):
        for lead in self.lead_id:
            limit = (lead.company_id or self.env.company).expo_max_booth_preferences
            if len(lead.expo_booth_preference_ids) > limit:
                raise ValidationError(
                    _(
                        "%(lead)s may enter %(limit)s booth preferences at most.",
                        lead=lead.display_name,
                        limit=limit,
                    )
                )

    @api.model
    def _expo_rule_preferences(self, leads):
        """``{lead id: (Preference, ...)}``: the opportunities' preferences as the
        space draw reads them, ranked by their order."""
        preferences = {}
        for preference in self.sudo().search_fetch(
            [("lead_id", "in", leads.ids)],
            [
                "lead_id",
                "sequence",
                "booth_ids",
                "hall_id",
                "booth_type",
                "min_area_sqm",
            ],
            order="lead_id, sequence, id",
        ):
            ranked = preferences.setdefault(preference.lead_id.id, [])
            ranked.append(
                rule.Preference(
                    len(ranked) + 1,
                    tuple(preference.booth_ids.ids),
                    preference.hall_id.id or None,
                    preference.booth_type or None,
                    preference.min_area_sqm,
                )
            )
        return {lead_id: tuple(ranked) for lead_id, ranked in preferences.items()}

    @api.model
    def _expo_same_booth_values(self, lead):
        """Values of a first choice "same booth as last edition" for opportunity
        ``lead``: the booths of the same names in its edition, else a wish for
        their hall, type and area; None when it rented no booth last time."""
        previous = lead.expo_previous_participation_id.booth_ids
        if not previous or not lead.expo_event_id:
            return None
        same = self.env["event.booth"].search(
            [
                ("event_id", "=", lead.expo_event_id.id),
                ("name", "in", previous.mapped("name")),
            ]
        )
        if same and sorted(same.mapped("name")) == sorted(previous.mapped("name")):
            return {
                "lead_id": lead.id,
                "sequence": 0,
                "booth_ids": [Command.set(same.ids)],
            }
        hall = previous.expo_hall_id
        venue = lead.expo_event_id.address_id
        plain = [
            rule.Booth(booth.id, booth.expo_area_sqm, booth_type=booth.expo_booth_type)
            for booth in previous
        ]
        return {
            "lead_id": lead.id,
            "sequence": 0,
            "hall_id": hall.id if len(hall) == 1 and hall.venue_id == venue else False,
            "booth_type": rule.stand_type(plain),
            "min_area_sqm": sum(previous.mapped("expo_area_sqm")),
        }
