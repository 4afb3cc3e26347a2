# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..models.res_partner import LOYALTY_SEGMENTS, PARETO_CLASSES, VALUE_TIERS
from ..rules.value_tier import TIER_ORDER

MIGRATIONS = [
    ("up", "Moved Up"),
    ("same", "Stayed"),
    ("down", "Moved Down"),
    ("new", "Entered"),
    ("left", "Left"),
]


class ExpoSegmentMigrationReport(models.Model):
    """Each customer's segments in two snapshots of the same company, for the
    migration matrix (rows: tier in the first snapshot, columns: in the second).
    Customers present in only one snapshot appear with an empty side."""

    _name = "expo.segment.migration.report"
    _inherit = ["expo.selection.order.mixin"]
    _description = "Exhibition Segment Migration"
    _auto = False
    _order = "partner_id"

    from_snapshot_id = fields.Many2one(
        "expo.segment.snapshot", "From Snapshot", readonly=True
    )
    to_snapshot_id = fields.Many2one(
        "expo.segment.snapshot", "To Snapshot", readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    tier_from = fields.Selection(
        VALUE_TIERS, "Value Tier (From Snapshot)", readonly=True
    )
    tier_to = fields.Selection(VALUE_TIERS, "Value Tier (To Snapshot)", readonly=True)
    pareto_from = fields.Selection(
        PARETO_CLASSES, "Pareto Class (From Snapshot)", readonly=True
    )
    pareto_to = fields.Selection(
        PARETO_CLASSES, "Pareto Class (To Snapshot)", readonly=True
    )
    loyalty_from = fields.Selection(
        LOYALTY_SEGMENTS, "Loyalty (From Snapshot)", readonly=True
    )
    loyalty_to = fields.Selection(
        LOYALTY_SEGMENTS, "Loyalty (To Snapshot)", readonly=True
    )
    value_from = fields.Monetary("Economic Value (From Snapshot)", readonly=True)
    value_to = fields.Monetary("Economic Value (To Snapshot)", readonly=True)
    migration = fields.Selection(
        MIGRATIONS,
        readonly=True,
        help="Tier movement: up is transactional to key to strategic (risk lowest).",
    )

    @api.model
    def _expo_ordered_selections(self):
        return super()._expo_ordered_selections() | {
            "loyalty_from",
            "loyalty_to",
            "migration",
            "tier_from",
            "tier_to",
        }

    def _tier_rank(self, column):
        """SQL of a tier's rank in ``TIER_ORDER`` (1 for the lowest, 0 for none)."""
        return SQL(
            "CASE %s %s ELSE 0 END",
            column,
            SQL(" ").join(
                SQL("WHEN %s THEN %s", tier, rank)
                for rank, tier in reversed(list(enumerate(TIER_ORDER, start=1)))
            ),
        )

    def _migration(self, before, after):
        """SQL of the tier movement between two snapshot line aliases."""
        before = SQL.identifier(*before.split("."))
        after = SQL.identifier(*after.split("."))
        rank_before, rank_after = self._tier_rank(before), self._tier_rank(after)
        return SQL(
            """CASE WHEN %(before)s IS NULL AND %(after)s IS NULL THEN 'same'
                    WHEN %(before)s IS NULL THEN 'new'
                    WHEN %(after)s IS NULL THEN 'left'
                    WHEN %(rank_after)s > %(rank_before)s THEN 'up'
                    WHEN %(rank_after)s < %(rank_before)s THEN 'down'
                    ELSE 'same' END""",
            before=before,
            after=after,
            rank_before=rank_before,
            rank_after=rank_after,
        )

    def _select(self):
        """The columns of a customer in the first snapshot, present in the second
        or not (extend with ``_select_entered`` to add one)."""
        return SQL(
            """
                SELECT (l1.id::bigint * 1000000 + s2.id) * 2 AS id,
                       s1.id AS from_snapshot_id, s2.id AS to_snapshot_id,
                       s1.company_id, l1.partner_id,
                       l1.value_tier AS tier_from, l2.value_tier AS tier_to,
                       l1.pareto_class AS pareto_from, l2.pareto_class AS pareto_to,
                       l1.loyalty_segment AS loyalty_from,
                       l2.loyalty_segment AS loyalty_to,
                       l1.economic_value AS value_from, l2.economic_value AS value_to,
                       %s AS migration
            """,
            self._migration("l1.value_tier", "l2.value_tier"),
        )

    def _from(self):
        """Every pair of snapshots of a company, each customer of the first beside
        its line in the second."""
        return SQL(
            """
                  FROM expo_segment_snapshot s1
                  JOIN expo_segment_snapshot s2
                       ON s2.company_id = s1.company_id AND s2.id != s1.id
                  JOIN expo_segment_snapshot_line l1 ON l1.snapshot_id = s1.id
             LEFT JOIN expo_segment_snapshot_line l2
                       ON l2.snapshot_id = s2.id AND l2.partner_id = l1.partner_id
            """
        )

    def _where(self):
        return SQL()

    def _select_entered(self):
        """The same columns for a customer only in the second snapshot."""
        return SQL(
            """
                SELECT (l2.id::bigint * 1000000 + s1.id) * 2 + 1 AS id,
                       s1.id, s2.id, s1.company_id, l2.partner_id,
                       NULL, l2.value_tier, NULL, l2.pareto_class,
                       NULL, l2.loyalty_segment, NULL, l2.economic_value,
                       'new'
            """
        )

    def _from_entered(self):
        return SQL(
            """
                  FROM expo_segment_snapshot s1
                  JOIN expo_segment_snapshot s2
                       ON s2.company_id = s1.company_id AND s2.id != s1.id
                  JOIN expo_segment_snapshot_line l2 ON l2.snapshot_id = s2.id
            """
        )

    def _where_entered(self):
        """Customers of the second snapshot missing from the first."""
        return SQL(
            """
                 WHERE NOT EXISTS (
                       SELECT 1 FROM expo_segment_snapshot_line l1
                        WHERE l1.snapshot_id = s1.id
                          AND l1.partner_id = l2.partner_id)
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s %s %s UNION ALL %s %s %s)",
                SQL.identifier(self._table),
                self._select(),
                self._from(),
                self._where(),
                self._select_entered(),
                self._from_entered(),
                self._where_entered(),
            )
        )
