# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL

from odoo.addons.expo_crm.models.expo_participation import TAKEN_PART_STATES

from ..models.res_partner import LOYALTY_SEGMENTS, PARETO_CLASSES, VALUE_TIERS


class ExpoRetentionReport(models.Model):
    """Retention per series, edition and role: one row per customer taking part
    in an edition in a role, plus one row per customer lost in it (took part in
    the previous edition of the series in that role, not in this one).

    A customer is new in its first edition of the series in a role, returning
    when it also took part in the previous edition, won back otherwise. Rates
    average over the rows they apply to: retention over the previous edition's
    customers, rebooking over this edition's customers when a next edition
    exists."""

    _name = "expo.retention.report"
    _description = "Exhibition Retention Analysis"
    _auto = False
    _order = "edition_date desc, role_id, partner_id"

    series_id = fields.Many2one("expo.series", "Series", readonly=True)
    event_id = fields.Many2one("event.event", "Edition", readonly=True)
    edition_date = fields.Datetime("Edition Start", readonly=True)
    previous_event_id = fields.Many2one(
        "event.event", "Previous Edition", readonly=True
    )
    first_event_id = fields.Many2one(
        "event.event",
        "First Edition (Cohort)",
        readonly=True,
        help="The customer's first edition of the series in this role.",
    )
    role_id = fields.Many2one("expo.role", "Role", readonly=True)
    side = fields.Selection(
        [("upstream", "Upstream"), ("downstream", "Downstream")], readonly=True
    )
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    # segments of the customer today
    value_tier = fields.Selection(VALUE_TIERS, readonly=True)
    pareto_class = fields.Selection(PARETO_CLASSES, readonly=True)
    loyalty_segment = fields.Selection(
        LOYALTY_SEGMENTS, "Loyalty (Dick & Basu)", readonly=True
    )
    # counts
    participant_count = fields.Integer("Participants", readonly=True)
    new_count = fields.Integer("New", readonly=True)
    returning_count = fields.Integer("Returning", readonly=True)
    won_back_count = fields.Integer("Won Back", readonly=True)
    lost_count = fields.Integer("Lost", readonly=True)
    retention_rate = fields.Float(
        "Retention Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Share of the previous edition's customers who took part again.",
    )
    rebooking_rate = fields.Float(
        "Rebooking Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Share of this edition's customers who booked the next edition.",
    )
    # space and revenue, year on year
    space_sqm = fields.Float("Space (m²)", readonly=True)
    space_sqm_previous = fields.Float("Space Previous (m²)", readonly=True)
    space_sqm_change = fields.Float("Space Change (m²)", readonly=True)
    amount_invoiced = fields.Monetary("Invoiced", readonly=True)
    amount_invoiced_previous = fields.Monetary("Invoiced Previous", readonly=True)
    amount_invoiced_change = fields.Monetary("Invoiced Change", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %(table)s AS (
            WITH edition AS (
                SELECT e.id AS event_id, e.expo_series_id AS series_id, e.date_begin,
                       ROW_NUMBER() OVER (PARTITION BY e.expo_series_id
                                          ORDER BY e.date_begin, e.id) AS seq
                  FROM event_event e
                 WHERE e.expo_series_id IS NOT NULL
            ), part AS (
                SELECT p.id, p.partner_id, p.role_id, p.company_id,
                       COALESCE(p.space_sqm, 0) AS space_sqm,
                       COALESCE(p.amount_invoiced, 0) AS amount_invoiced,
                       ed.event_id, ed.series_id, ed.seq
                  FROM expo_participation p
                  JOIN edition ed ON ed.event_id = p.event_id
                 WHERE p.state IN %(states)s
            ), cohort AS (
                SELECT DISTINCT ON (series_id, role_id, partner_id)
                       series_id, role_id, partner_id,
                       event_id AS first_event_id, seq AS first_seq
                  FROM part
              ORDER BY series_id, role_id, partner_id, seq
            ), facts AS (
                SELECT cur.id * 2 AS id, cur.series_id, cur.event_id, cur.seq,
                       cur.role_id, cur.partner_id, cur.company_id,
                       1 AS participant_count,
                       CASE WHEN co.first_seq = cur.seq THEN 1 ELSE 0 END AS new_count,
                       CASE WHEN prev.id IS NOT NULL THEN 1 ELSE 0 END
                           AS returning_count,
                       CASE WHEN prev.id IS NULL AND co.first_seq < cur.seq
                            THEN 1 ELSE 0 END AS won_back_count,
                       0 AS lost_count,
                       CASE WHEN prev.id IS NOT NULL THEN 100.0 END AS retention_rate,
                       CASE WHEN ed_next.event_id IS NULL THEN NULL
                            WHEN nxt.id IS NOT NULL THEN 100.0 ELSE 0.0 END
                           AS rebooking_rate,
                       cur.space_sqm, COALESCE(prev.space_sqm, 0) AS space_sqm_previous,
                       cur.amount_invoiced,
                       COALESCE(prev.amount_invoiced, 0) AS amount_invoiced_previous
                  FROM part cur
                  JOIN cohort co ON co.series_id = cur.series_id
                       AND co.role_id = cur.role_id AND co.partner_id = cur.partner_id
             LEFT JOIN edition ed_next ON ed_next.series_id = cur.series_id
                       AND ed_next.seq = cur.seq + 1
             LEFT JOIN part prev ON prev.series_id = cur.series_id
                       AND prev.role_id = cur.role_id
                       AND prev.partner_id = cur.partner_id AND prev.seq = cur.seq - 1
             LEFT JOIN part nxt ON nxt.series_id = cur.series_id
                       AND nxt.role_id = cur.role_id
                       AND nxt.partner_id = cur.partner_id AND nxt.seq = cur.seq + 1
                UNION ALL
                SELECT prev.id * 2 + 1, prev.series_id, ed.event_id, ed.seq,
                       prev.role_id, prev.partner_id, prev.company_id,
                       0, 0, 0, 0, 1, 0.0, NULL,
                       0, prev.space_sqm, 0, prev.amount_invoiced
                  FROM part prev
                  JOIN edition ed ON ed.series_id = prev.series_id
                       AND ed.seq = prev.seq + 1
                 WHERE NOT EXISTS (
                       SELECT 1 FROM part cur
                        WHERE cur.series_id = prev.series_id
                          AND cur.role_id = prev.role_id
                          AND cur.partner_id = prev.partner_id
                          AND cur.seq = ed.seq)
            )
            SELECT f.id, f.series_id, f.event_id, ed.date_begin AS edition_date,
                   ed_prev.event_id AS previous_event_id, co.first_event_id,
                   f.role_id, role.side, f.partner_id, f.company_id,
                   partner.expo_value_tier AS value_tier,
                   partner.expo_pareto_class AS pareto_class,
                   partner.expo_loyalty_segment AS loyalty_segment,
                   f.participant_count, f.new_count, f.returning_count,
                   f.won_back_count, f.lost_count, f.retention_rate, f.rebooking_rate,
                   f.space_sqm, f.space_sqm_previous,
                   f.space_sqm - f.space_sqm_previous AS space_sqm_change,
                   f.amount_invoiced, f.amount_invoiced_previous,
                   f.amount_invoiced - f.amount_invoiced_previous
                       AS amount_invoiced_change
              FROM facts f
              JOIN edition ed ON ed.event_id = f.event_id
              JOIN cohort co ON co.series_id = f.series_id
                   AND co.role_id = f.role_id AND co.partner_id = f.partner_id
         LEFT JOIN edition ed_prev ON ed_prev.series_id = f.series_id
                   AND ed_prev.seq = f.seq - 1
              JOIN expo_role role ON role.id = f.role_id
              JOIN res_partner partner ON partner.id = f.partner_id
            )
            """,
                table=SQL.identifier(self._table),
                states=TAKEN_PART_STATES,
            )
        )
