# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SegmentationCommon


@tagged("post_install", "-at_install")
class TestSnapshots(SegmentationCommon):
    """Snapshots copy every segmented customer; the migration matrix compares
    two of them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.big = cls._customer("Big Gallery")
        cls.mid = cls._customer("Mid Gallery")
        cls.small = cls._customer("Small Gallery")
        cls.late = cls._customer("Late Gallery")
        for partner in cls.big | cls.mid | cls.small:
            cls._take_part(partner, cls.edition_2024)
            cls._take_part(partner, cls.edition_2025)
        cls.customers = cls.big | cls.mid | cls.small | cls.late
        cls._set_values({cls.big: 8000, cls.mid: 1500, cls.small: 500})

    @classmethod
    def _set_values(cls, values):
        for partner, value in values.items():
            partner.write(
                {
                    "expo_economic_value": value,
                    "expo_relationship_profit": value,
                    "expo_lifecycle_stage": "trust",
                }
            )
        cls.engine._recompute_partners(cls.company, cls.customers)

    def _snapshot(self, name):
        return self.env["expo.segment.snapshot"].create({"name": name})

    def test_snapshot_copies_segments(self):
        snapshot = self._snapshot("After 2025")
        self.assertEqual(snapshot.line_count, 3)
        line = snapshot.line_ids.filtered(lambda line: line.partner_id == self.big)
        self.assertEqual(line.value_tier, "strategic")
        self.assertEqual(line.pareto_class, "a")
        self.assertEqual(line.rfm_cell, self.big.expo_rfm_cell)
        self.assertEqual(line.economic_value, 8000)
        self.assertEqual(line.lifecycle_stage, "trust")
        # later changes do not touch the snapshot
        self.big.expo_economic_value = 0
        self._recompute(self.customers)
        self.assertEqual(line.economic_value, 8000)
        self.assertEqual(line.value_tier, "strategic")

    def test_migration_matrix(self):
        """Big 8000 (A), Mid 1500 (B), Small 500 (C) become Mid 8500 (A),
        Big 1000 (B), Small 400 (C), and Late 100 (C) joins."""
        before = self._snapshot("Before")
        self._take_part(self.late, self.edition_2025)
        self._set_values(
            {self.big: 1000, self.mid: 8500, self.small: 400, self.late: 100}
        )
        after = self._snapshot("After")
        self.assertEqual(after.line_count, 4)
        wizard = self.env["expo.segment.migration.wizard"].create(
            {"from_snapshot_id": before.id, "to_snapshot_id": after.id}
        )
        self.assertEqual(
            wizard._matrix(),
            {
                ("strategic", "key"): 1,  # Big
                ("key", "strategic"): 1,  # Mid
                ("transactional", "transactional"): 1,  # Small
                (False, "transactional"): 1,  # Late joined
            },
        )
        report = self.env["expo.segment.migration.report"].search(
            [("from_snapshot_id", "=", before.id), ("to_snapshot_id", "=", after.id)]
        )
        migrations = {line.partner_id: line.migration for line in report}
        self.assertEqual(
            migrations,
            {
                self.big: "down",
                self.mid: "up",
                self.small: "same",
                self.late: "new",
            },
        )
        # the reverse direction: Late left
        wizard.write({"from_snapshot_id": after.id, "to_snapshot_id": before.id})
        self.assertEqual(wizard._matrix()[("transactional", False)], 1)
        wizard.dimension = "pareto"
        self.assertEqual(wizard._matrix()[("a", "b")], 1)
        action = wizard.action_open_matrix()
        self.assertEqual(action["res_model"], "expo.segment.migration.report")
        self.assertEqual(action["context"]["pivot_row_groupby"], ["pareto_from"])
        # the axes are named above the matrix, after the two snapshots
        self.assertEqual(
            action["context"]["expo_axis_rows"],
            "Pareto Class in the From Snapshot, After",
        )
        self.assertEqual(
            action["context"]["expo_axis_columns"],
            "Pareto Class in the To Snapshot, Before",
        )

    def test_tiers_in_their_order(self):
        """Tiers group from strategic to risk, not alphabetically (key, risk,
        strategic, transactional), in the matrix and everywhere customers are
        grouped or sorted by tier."""
        before = self._snapshot("Before")
        self.big.expo_value_tier = "risk"
        after = self._snapshot("After")
        groups = self.env["expo.segment.migration.report"]._read_group(
            [("from_snapshot_id", "=", before.id), ("to_snapshot_id", "=", after.id)],
            ["tier_from", "tier_to"],
            ["__count"],
        )
        order = ["strategic", "key", "transactional", "risk", False]
        keys = [
            (order.index(before), order.index(after)) for before, after, _c in groups
        ]
        self.assertEqual(keys, sorted(keys))
        partners = self.big | self.mid | self.small
        tiers = [
            tier
            for [tier] in self.env["res.partner"]._read_group(
                [("id", "in", partners.ids)], ["expo_value_tier"]
            )
        ]
        self.assertEqual(tiers, [t for t in order if t in tiers])
        self.assertGreater(len(tiers), 2, "enough tiers to tell the orders apart")
        listed = self.env["res.partner"].search(
            [("id", "in", partners.ids)], order="expo_value_tier"
        )
        self.assertEqual(
            listed.mapped("expo_value_tier"),
            sorted(listed.mapped("expo_value_tier"), key=order.index),
        )

    def test_snapshot_per_edition(self):
        action = self.env["expo.segment.snapshot"]._snapshot_editions(self.edition_2025)
        snapshot = self.env["expo.segment.snapshot"].search(action["domain"])
        self.assertEqual(snapshot.event_id, self.edition_2025)
        self.assertEqual(snapshot.company_id, self.company)
        self.assertEqual(snapshot.line_ids.partner_id, self.big | self.mid | self.small)

    def test_same_snapshot_twice_is_refused(self):
        snapshot = self._snapshot("Once")
        with self.assertRaises(ValidationError):
            self.env["expo.segment.migration.wizard"].create(
                {"from_snapshot_id": snapshot.id, "to_snapshot_id": snapshot.id}
            )
