# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

DIMENSIONS = [
    ("tier", "Value Tier"),
    ("pareto", "Pareto Class"),
    ("loyalty", "Loyalty (Dick & Basu)"),
]


class ExpoSegmentMigrationWizard(models.TransientModel):
    _name = "expo.segment.migration.wizard"
    _description = "Exhibition Segment Migration Matrix"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    from_snapshot_id = fields.Many2one(
        "expo.segment.snapshot",
        "From Snapshot",
        required=True,
        domain="[('company_id', '=', company_id)]",
    )
    to_snapshot_id = fields.Many2one(
        "expo.segment.snapshot",
        "To Snapshot",
        required=True,
        domain="[('company_id', '=', company_id)]",
    )
    dimension = fields.Selection(DIMENSIONS, required=True, default="tier")

    @api.constrains("from_snapshot_id", "to_snapshot_id")
    def _check_snapshots(self):
        for wizard in self:
            if wizard.from_snapshot_id == wizard.to_snapshot_id:
                raise ValidationError(_("Choose two different snapshots."))
            if wizard.from_snapshot_id.company_id != wizard.to_snapshot_id.company_id:
                raise ValidationError(_("Both snapshots must belong to one company."))

    def action_open_matrix(self):
        """Pivot of the customers: rows before, columns after."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "expo_crm_segmentation.expo_segment_migration_report_action"
        )
        action["domain"] = [
            ("from_snapshot_id", "=", self.from_snapshot_id.id),
            ("to_snapshot_id", "=", self.to_snapshot_id.id),
        ]
        action["display_name"] = _(
            "Migration %(before)s → %(after)s",
            before=self.from_snapshot_id.name,
            after=self.to_snapshot_id.name,
        )
        dimension = dict(self._fields["dimension"]._description_selection(self.env))[
            self.dimension
        ]
        action["context"] = {
            "pivot_row_groupby": [f"{self.dimension}_from"],
            "pivot_column_groupby": [f"{self.dimension}_to"],
            "pivot_measures": ["__count"],
            # the matrix's axes, named above it
            "expo_axis_rows": _(
                "%(dimension)s in the From Snapshot, %(snapshot)s",
                dimension=dimension,
                snapshot=self.from_snapshot_id.name,
            ),
            "expo_axis_columns": _(
                "%(dimension)s in the To Snapshot, %(snapshot)s",
                dimension=dimension,
                snapshot=self.to_snapshot_id.name,
            ),
        }
        return action

    def _matrix(self):
        """{(before, after): customers count} for the chosen dimension."""
        self.ensure_one()
        groups = [f"{self.dimension}_from", f"{self.dimension}_to"]
        return {
            (before, after): count
            for before, after, count in self.env[
                "expo.segment.migration.report"
            ]._read_group(
                [
                    ("from_snapshot_id", "=", self.from_snapshot_id.id),
                    ("to_snapshot_id", "=", self.to_snapshot_id.id),
                ],
                groups,
                ["__count"],
            )
        }
