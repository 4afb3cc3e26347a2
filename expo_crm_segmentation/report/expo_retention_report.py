# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.expo_crm.rules.history import TAKEN_PART_STATES

from ..models.res_partner import LOYALTY_SEGMENTS, PARETO_CLASSES, VALUE_TIERS

# covering indexes the view reads instead of the participations (name, keys, included
# columns), and the old names of those whose columns changed
_INDEXED = "state, series_id, event_date_begin, space_sqm, amount_invoiced"
RETENTION_INDEXES = (
    (
        "expo_participation_retention_edition_paid_index",
        "event_id, partner_id, role_id",
        f"id, company_id, {_INDEXED}, amount_paid",
    ),
    (
        "expo_participation_retention_history_index",
        "partner_id, role_id, series_id",
        f"event_id, {_INDEXED}",
    ),
)
REPLACED_INDEXES = ("expo_participation_retention_edition_index",)

RETENTION_STATUSES = [
    ("new", "New"),
    ("returning", "Returning"),
    ("won_back", "Won Back"),
    ("lost", "Lost"),
    ("not_rebooked", "Not Yet Rebooked"),
]


class ExpoRetentionReport(models.Model):
    """Retention per series, edition and role: one row per customer taking part
    in an edition in a role, plus one row per customer of the previous edition of
    the series in that role who is not in this one.

    A customer is new in its first edition of the series in a role, returning
    when it also took part in the previous edition, won back otherwise. The
    previous edition's customers missing from a held edition are lost; until the
    edition is held they are not rebooked yet. Rates average over the rows they
    apply to: once the edition is held, the retention rate is the returning
    customers over the previous edition's; until then the rebooking rate is the
    previous edition's customers booked so far over all of them."""

    _name = "expo.retention.report"
    _inherit = ["expo.selection.order.mixin"]
    _description = "Exhibition Retention Analysis"
    _auto = False
    _order = "edition_date desc, role_id, partner_id"

    series_id = fields.Many2one("expo.series", "Series", readonly=True)
    event_id = fields.Many2one("event.event", "Edition", readonly=True)
    edition_date = fields.Datetime("Edition Start", readonly=True)
    held = fields.Boolean(
        readonly=True, help="The edition has started: who is missing is lost."
    )
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
    status = fields.Selection(RETENTION_STATUSES, readonly=True)
    # segments of the customer today
    value_tier = fields.Selection(VALUE_TIERS, readonly=True)
    pareto_class = fields.Selection(PARETO_CLASSES, readonly=True)
    loyalty_segment = fields.Selection(
        LOYALTY_SEGMENTS, "Loyalty (Dick & Basu)", readonly=True
    )
    # counts
    participant_count = fields.Integer("Participants", readonly=True)
    new_count = fields.Integer("New", readonly=True)
    returning_count = fields.Integer(
        "Returning", readonly=True, help="Took part in the previous edition too."
    )
    won_back_count = fields.Integer(
        "Won Back",
        readonly=True,
        help="Took part in an earlier edition, not in the previous one.",
    )
    lost_count = fields.Integer(
        "Lost",
        readonly=True,
        help="Took part in the previous edition, not in this one, which is held.",
    )
    not_rebooked_count = fields.Integer(
        "Not Yet Rebooked",
        readonly=True,
        help="Took part in the previous edition and has not booked this one yet, "
        "which is not held yet.",
    )
    # rates, averaged over the rows they apply to
    retention_rate = fields.Float(
        "Retention Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Once the edition is held: its returning customers over the previous "
        "edition's participants.",
    )
    rebooking_rate = fields.Float(
        "Rebooking Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Until the edition is held: the previous edition's participants booked "
        "so far over all of them.",
    )
    new_rate = fields.Float(
        "New Rate (%)",
        readonly=True,
        aggregator="avg",
        help="New participants over the participants (the new-exhibitor rate, for "
        "exhibitors).",
    )
    # space and revenue, year on year
    space_sqm = fields.Float(
        "Net m² Contracted",
        readonly=True,
        help="Booth space of the participations, in square metres.",
    )
    space_sqm_paid = fields.Float(
        "Net m² Paid",
        readonly=True,
        help="Contracted space in the share of its invoiced amount that is paid.",
    )
    space_sqm_unpaid = fields.Float(
        "Net m² Unpaid",
        readonly=True,
        help="Contracted space not paid yet (not invoiced, or invoiced and unpaid).",
    )
    space_sqm_previous = fields.Float("Net m² Previous Edition", readonly=True)
    space_sqm_change = fields.Float("Net m² Change", readonly=True)
    amount_invoiced = fields.Monetary("Invoiced", readonly=True)
    amount_invoiced_previous = fields.Monetary("Invoiced Previous", readonly=True)
    amount_invoiced_change = fields.Monetary("Invoiced Change", readonly=True)

    @api.model
    def _expo_ordered_selections(self):
        return super()._expo_ordered_selections() | {
            "loyalty_segment",
            "status",
            "value_tier",
        }

    def _create_participation_indexes(self):
        """Covering indexes the view reads instead of the participations: an
        edition's participants (by edition) and each one's history in the series
        and role (by partner), so one edition costs its own customers only."""
        for name in REPLACED_INDEXES:
            self.env.cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(name)))
        for name, keys, included in RETENTION_INDEXES:
            self.env.cr.execute(
                SQL(
                    "CREATE INDEX IF NOT EXISTS %s ON expo_participation (%s)"
                    " INCLUDE (%s)",
                    SQL.identifier(name),
                    SQL(keys),
                    SQL(included),
                )
            )

    def _with(self):
        """The editions with their neighbours, the participations taken part in,
        and the facts: each participation beside the customer's history, and each
        customer of the previous edition missing from an edition."""
        return SQL(
            """
            WITH edition AS (
                SELECT e.id AS event_id, e.expo_series_id AS series_id, e.date_begin,
                       e.date_begin <= (now() AT TIME ZONE 'UTC') AS held,
                       LAG(e.id) OVER series_editions AS prev_event_id,
                       LEAD(e.id) OVER series_editions AS next_event_id
                  FROM event_event e
                 WHERE e.expo_series_id IS NOT NULL
                WINDOW series_editions AS (PARTITION BY e.expo_series_id
                                           ORDER BY e.date_begin, e.id)
            ), taken AS NOT MATERIALIZED (
                SELECT p.id, p.partner_id, p.role_id, p.company_id, p.event_id,
                       p.series_id, p.event_date_begin,
                       COALESCE(p.space_sqm, 0) AS space_sqm,
                       COALESCE(p.amount_invoiced, 0) AS amount_invoiced,
                       CASE WHEN p.amount_invoiced > 0
                            THEN COALESCE(p.space_sqm, 0) * LEAST(1.0, GREATEST(0.0,
                                 COALESCE(p.amount_paid, 0) / p.amount_invoiced))
                            ELSE 0 END AS space_sqm_paid
                  FROM expo_participation p
                 WHERE p.state IN %(states)s
            ), facts AS (
                -- each participation beside the customer's other ones in the series
                -- and role (previous and first edition), read by partner through its
                -- index: filtering the view on an edition reads that edition's
                -- customers only
                SELECT cur.id * 2 AS id, ed.series_id, ed.event_id,
                       cur.role_id, cur.partner_id, cur.company_id,
                       history.first_event_id,
                       CASE WHEN NOT history.has_earlier THEN 'new'
                            WHEN history.returning THEN 'returning'
                            ELSE 'won_back' END AS status,
                       1 AS participant_count,
                       CASE WHEN history.has_earlier THEN 0 ELSE 1 END AS new_count,
                       CASE WHEN history.returning THEN 1 ELSE 0 END AS returning_count,
                       CASE WHEN history.has_earlier AND NOT history.returning
                            THEN 1 ELSE 0 END AS won_back_count,
                       0 AS lost_count,
                       0 AS not_rebooked_count,
                       CASE WHEN ed.held AND history.returning THEN 100.0 END
                           AS retention_rate,
                       CASE WHEN NOT ed.held AND history.returning THEN 100.0 END
                           AS rebooking_rate,
                       CASE WHEN history.has_earlier THEN 0.0 ELSE 100.0 END
                           AS new_rate,
                       cur.space_sqm, cur.space_sqm_paid, history.space_sqm_previous,
                       cur.amount_invoiced, history.amount_invoiced_previous
                  FROM taken cur
                  JOIN edition ed ON ed.event_id = cur.event_id
                  CROSS JOIN LATERAL (
                       SELECT bool_or(other.event_id = ed.prev_event_id) AS returning,
                              bool_or((other.event_date_begin, other.event_id)
                                      < (cur.event_date_begin, cur.event_id))
                                  AS has_earlier,
                              (array_agg(other.event_id ORDER BY
                                         other.event_date_begin, other.event_id))[1]
                                  AS first_event_id,
                              COALESCE(sum(other.space_sqm) FILTER (
                                  WHERE other.event_id = ed.prev_event_id), 0)
                                  AS space_sqm_previous,
                              COALESCE(sum(other.amount_invoiced) FILTER (
                                  WHERE other.event_id = ed.prev_event_id), 0)
                                  AS amount_invoiced_previous
                         FROM taken other
                        WHERE other.partner_id = cur.partner_id
                          AND other.role_id = cur.role_id
                          AND other.series_id = cur.series_id
                  ) history
                UNION ALL
                -- took part in the previous edition, not in this one: lost once it
                -- is held, not rebooked yet before
                SELECT before.id * 2 + 1, ed.series_id, ed.event_id,
                       before.role_id, before.partner_id, before.company_id,
                       (SELECT first.event_id FROM taken first
                         WHERE first.partner_id = before.partner_id
                           AND first.role_id = before.role_id
                           AND first.series_id = before.series_id
                      ORDER BY first.event_date_begin, first.event_id LIMIT 1),
                       CASE WHEN ed.held THEN 'lost' ELSE 'not_rebooked' END,
                       0, 0, 0, 0,
                       CASE WHEN ed.held THEN 1 ELSE 0 END,
                       CASE WHEN ed.held THEN 0 ELSE 1 END,
                       CASE WHEN ed.held THEN 0.0 END,
                       CASE WHEN ed.held THEN NULL ELSE 0.0 END,
                       NULL,
                       0, 0, before.space_sqm, 0, before.amount_invoiced
                  FROM edition ed
                  JOIN taken before ON before.event_id = ed.prev_event_id
                 WHERE NOT EXISTS (
                       SELECT 1 FROM taken cur
                        WHERE cur.partner_id = before.partner_id
                          AND cur.role_id = before.role_id
                          AND cur.event_id = ed.event_id)
            )
            """,
            states=TAKEN_PART_STATES,
        )

    def _select(self):
        """The view's columns (extend to add one)."""
        return SQL(
            """
            SELECT f.id, f.series_id, f.event_id, ed.date_begin AS edition_date,
                   ed.held, ed.prev_event_id AS previous_event_id, f.first_event_id,
                   f.role_id, role.side, f.partner_id, f.company_id, f.status,
                   -- the segments of the participation's company
                   partner.expo_value_tier ->> f.company_id::text AS value_tier,
                   partner.expo_pareto_class ->> f.company_id::text AS pareto_class,
                   partner.expo_loyalty_segment ->> f.company_id::text
                       AS loyalty_segment,
                   f.participant_count, f.new_count, f.returning_count,
                   f.won_back_count, f.lost_count, f.not_rebooked_count,
                   f.retention_rate, f.rebooking_rate, f.new_rate,
                   f.space_sqm, f.space_sqm_paid,
                   f.space_sqm - f.space_sqm_paid AS space_sqm_unpaid,
                   f.space_sqm_previous,
                   f.space_sqm - f.space_sqm_previous AS space_sqm_change,
                   f.amount_invoiced, f.amount_invoiced_previous,
                   f.amount_invoiced - f.amount_invoiced_previous
                       AS amount_invoiced_change
        """
        )

    def _from(self):
        return SQL(
            """
              FROM facts f
              JOIN edition ed ON ed.event_id = f.event_id
              JOIN expo_role role ON role.id = f.role_id
              JOIN res_partner partner ON partner.id = f.partner_id
        """
        )

    def _where(self):
        """Every fact is a row; an extension may filter them."""
        return SQL()

    def init(self):
        self._create_participation_indexes()
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s %s %s %s)",
                SQL.identifier(self._table),
                self._with(),
                self._select(),
                self._from(),
                self._where(),
            )
        )
