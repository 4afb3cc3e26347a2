# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL


class ExpoBookingPaceReport(models.Model):
    """Booking pace: the space and revenue each participation contracted, by how
    many days before the opening of its edition it was signed, so that an edition
    is compared with the previous one at the same point."""

    _name = "expo.booking.pace.report"
    _description = "Booking Pace"
    _auto = False
    _rec_name = "participation_id"
    _order = "days_to_opening, id"

    participation_id = fields.Many2one(
        "expo.participation", string="Participation", readonly=True
    )
    event_id = fields.Many2one("event.event", string="Edition", readonly=True)
    series_id = fields.Many2one("expo.series", string="Series", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    role_id = fields.Many2one("expo.role", string="Role", readonly=True)
    hall_id = fields.Many2one("expo.hall", string="Hall", readonly=True)
    edition_rank = fields.Integer(
        readonly=True,
        aggregator=False,
        help="1 for the newest edition of the series, 2 for the one before, etc.",
    )
    date_signed = fields.Date("Signed On", readonly=True)
    days_to_opening = fields.Integer(
        "Days to Opening",
        readonly=True,
        aggregator=False,
        help="Days from the signature to the opening of the edition, counted "
        "negative: -90 is three months before.",
    )
    weeks_to_opening = fields.Integer(
        "Weeks to Opening",
        readonly=True,
        aggregator=False,
        help="Weeks from the signature to the opening, negative: -1 is the last "
        "week before it.",
    )
    space_sqm = fields.Float("Space (m²)", readonly=True)
    amount_contracted = fields.Monetary(
        "Revenue Contracted",
        readonly=True,
        currency_field="currency_id",
        help="Untaxed amount of the participation's confirmed sale order lines, in "
        "the company currency; the invoiced amount for a history without orders.",
    )

    def _select(self):
        return SQL(
            """
            SELECT p.id AS id,
                   p.id AS participation_id,
                   p.event_id,
                   p.series_id,
                   p.company_id,
                   company.currency_id,
                   p.partner_id,
                   p.role_id,
                   edition.edition_rank,
                   hall.hall_id,
                   p.date_signed,
                   p.date_signed - p.event_date_begin::date AS days_to_opening,
                   FLOOR((p.date_signed - p.event_date_begin::date) / 7.0)::integer
                       AS weeks_to_opening,
                   COALESCE(p.space_sqm, 0) AS space_sqm,
                   COALESCE(sales.amount, p.amount_invoiced, 0) AS amount_contracted
            """
        )

    def _from(self):
        return SQL(
            """
            FROM expo_participation p
            JOIN res_company company ON company.id = p.company_id
            JOIN (
                SELECT id,
                       RANK() OVER (
                           PARTITION BY expo_series_id ORDER BY date_begin DESC
                       ) AS edition_rank
                  FROM event_event
                 WHERE expo_series_id IS NOT NULL
            ) edition ON edition.id = p.event_id
            LEFT JOIN (
                SELECT rel.participation_id, MIN(booth.expo_hall_id) AS hall_id
                  FROM expo_participation_event_booth_rel rel
                  JOIN event_booth booth ON booth.id = rel.booth_id
              GROUP BY rel.participation_id
            ) hall ON hall.participation_id = p.id
            LEFT JOIN (
                SELECT rel.participation_id,
                       SUM(line.price_subtotal
                           / COALESCE(NULLIF(orders.currency_rate, 0), 1)) AS amount
                  FROM expo_participation_sale_line_rel rel
                  JOIN sale_order_line line ON line.id = rel.line_id
                  JOIN sale_order orders ON orders.id = line.order_id
                 WHERE orders.state = 'sale'
              GROUP BY rel.participation_id
            ) sales ON sales.participation_id = p.id
            """
        )

    def _where(self):
        return SQL(
            """
            WHERE p.date_signed IS NOT NULL
              AND p.series_id IS NOT NULL
              AND p.state IN ('confirmed', 'attended', 'no_show')
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s %s %s)",
                SQL.identifier(self._table),
                self._select(),
                self._from(),
                self._where(),
            )
        )
