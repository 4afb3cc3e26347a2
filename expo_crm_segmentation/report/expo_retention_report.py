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
                       ROW_NUMBER() OVER series_editions AS seq,
                       COUNT(*) OVER (PARTITION BY e.expo_series_id) AS edition_count
                  FROM event_event e
                 WHERE e.expo_series_id IS NOT NULL
                WINDOW series_editions AS (PARTITION BY e.expo_series_id
                                           ORDER BY e.date_begin, e.id)
            ), part AS (
                -- each customer's editions in a role, with its previous and next one
                SELECT p.id, p.partner_id, p.role_id, p.company_id,
                       COALESCE(p.space_sqm, 0) AS space_sqm,
                       COALESCE(p.amount_invoiced, 0) AS amount_invoiced,
                       ed.event_id, ed.series_id, ed.seq, ed.edition_count,
                       LAG(ed.seq) OVER history AS prev_seq,
                       LEAD(ed.seq) OVER history AS next_seq,
                       LAG(COALESCE(p.space_sqm, 0)) OVER history AS prev_space_sqm,
                       LAG(COALESCE(p.amount_invoiced, 0)) OVER history
                           AS prev_amount_invoiced,
                       FIRST_VALUE(ed.event_id) OVER history AS first_event_id
                  FROM expo_participation p
                  JOIN edition ed ON ed.event_id = p.event_id
                 WHERE p.state IN %(states)s
                WINDOW history AS (PARTITION BY ed.series_id, p.role_id, p.partner_id
                                   ORDER BY ed.seq)
            ), facts AS (
                SELECT id * 2 AS id, series_id, event_id, seq, role_id, partner_id,
                       company_id, first_event_id,
                       1 AS participant_count,
                       CASE WHEN prev_seq IS NULL THEN 1 ELSE 0 END AS new_count,
                       CASE WHEN prev_seq = seq - 1 THEN 1 ELSE 0 END
                           AS returning_count,
                       CASE WHEN prev_seq < seq - 1 THEN 1 ELSE 0 END AS won_back_count,
                       0 AS lost_count,
                       CASE WHEN prev_seq = seq - 1 THEN 100.0 END AS retention_rate,
                       CASE WHEN seq = edition_count THEN NULL
                            WHEN next_seq = seq + 1 THEN 100.0 ELSE 0.0 END
                           AS rebooking_rate,
                       space_sqm,
                       CASE WHEN prev_seq = seq - 1 THEN prev_space_sqm ELSE 0 END
                           AS space_sqm_previous,
                       amount_invoiced,
                       CASE WHEN prev_seq = seq - 1 THEN prev_amount_invoiced ELSE 0 END
                           AS amount_invoiced_previous
                  FROM part
                UNION ALL
                -- lost: took part in an edition, not in the next one
                SELECT part.id * 2 + 1, part.series_id, ed.event_id, ed.seq,
                       part.role_id, part.partner_id, part.company_id,
                       part.first_event_id,
                       0, 0, 0, 0, 1, 0.0, NULL,
                       0, part.space_sqm, 0, part.amount_invoiced
                  FROM part
                  JOIN edition ed ON ed.series_id = part.series_id
                       AND ed.seq = part.seq + 1
                 WHERE part.next_seq IS NULL OR part.next_seq > part.seq + 1
            )
            SELECT f.id, f.series_id, f.event_id, ed.date_begin AS edition_date,
                   ed_prev.event_id AS previous_event_id, f.first_event_id,
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
