# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.expo_crm.rules.history import TAKEN_PART_STATES

from ..models.res_partner import VALUE_TIERS


class ExpoRetentionCohortReport(models.Model):
    """Cohorts: the customers who first took part in a series, in a role, in the
    same edition (a cohort), each beside every edition of the series from that
    one on, present or not. Averaged, the share of the cohort present is a
    percentage at every level: of a cohort in an edition, of all cohorts of a
    role in an edition, and so on."""

    _name = "expo.retention.cohort.report"
    _inherit = ["expo.selection.order.mixin"]
    _description = "Exhibition Retention Cohorts"
    _auto = False
    _order = "first_event_id, edition_date, role_id, partner_id"

    series_id = fields.Many2one("expo.series", "Series", readonly=True)
    first_event_id = fields.Many2one(
        "event.event",
        "First Edition (Cohort)",
        readonly=True,
        help="The customers who first took part in the series, in the role, in "
        "this edition.",
    )
    event_id = fields.Many2one("event.event", "Edition", readonly=True)
    edition_date = fields.Datetime("Edition Start", readonly=True)
    role_id = fields.Many2one("expo.role", "Role", readonly=True)
    side = fields.Selection(
        [("upstream", "Upstream"), ("downstream", "Downstream")], readonly=True
    )
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    value_tier = fields.Selection(VALUE_TIERS, readonly=True)
    present = fields.Boolean(
        "Took Part", readonly=True, help="Confirmed or attended in this edition."
    )
    participant_count = fields.Integer("Participants", readonly=True)
    cohort_share = fields.Float(
        "Share of Cohort (%)",
        aggregator="avg",
        readonly=True,
        help="Share of the cohort's customers who took part in the edition (100 % "
        "in the cohort's first edition).",
    )

    @api.model
    def _expo_ordered_selections(self):
        return super()._expo_ordered_selections() | {"value_tier"}

    def _with(self):
        """The participations taken part in, and each customer's cohort: its first
        edition in the series, in the role."""
        return SQL(
            """
            WITH taken AS (
                SELECT p.id, p.partner_id, p.role_id, p.series_id, p.event_id,
                       p.event_date_begin, p.company_id
                  FROM expo_participation p
                 WHERE p.state IN %(states)s AND p.series_id IS NOT NULL
            ), member AS (
                -- a customer in a role, in its cohort: its first edition there
                SELECT DISTINCT ON (partner_id, role_id, series_id)
                       id AS first_id, partner_id, role_id, series_id, company_id,
                       event_id AS first_event_id, event_date_begin AS first_date
                  FROM taken
              ORDER BY partner_id, role_id, series_id, event_date_begin, event_id
            )
            """,
            states=TAKEN_PART_STATES,
        )

    def _select(self):
        """The view's columns (extend to add one)."""
        return SQL(
            """
            SELECT m.first_id::bigint * 100000000 + e.id AS id,
                   m.series_id, m.first_event_id, e.id AS event_id,
                   e.date_begin AS edition_date, m.role_id, role.side,
                   m.partner_id, m.company_id,
                   -- the tier in the participation's company
                   partner.expo_value_tier ->> m.company_id::text AS value_tier,
                   took.present,
                   CASE WHEN took.present THEN 1 ELSE 0 END AS participant_count,
                   CASE WHEN took.present THEN 100.0 ELSE 0.0 END AS cohort_share
            """
        )

    def _from(self):
        """Each cohort member beside every edition of the series from its first
        one on, and whether it took part in it."""
        return SQL(
            """
              FROM member m
              JOIN event_event e
                   ON e.expo_series_id = m.series_id
                  AND (e.date_begin, e.id) >= (m.first_date, m.first_event_id)
             CROSS JOIN LATERAL (
                   SELECT EXISTS (
                       SELECT 1 FROM taken t
                        WHERE t.partner_id = m.partner_id
                          AND t.role_id = m.role_id
                          AND t.event_id = e.id) AS present
             ) took
              JOIN expo_role role ON role.id = m.role_id
              JOIN res_partner partner ON partner.id = m.partner_id
            """
        )

    def _where(self):
        """Every member and edition is a row; an extension may filter them."""
        return SQL()

    def init(self):
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
