# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.tools import SQL

# partner field -> snapshot line column
SNAPSHOT_COLUMNS = {
    "expo_value_tier": "value_tier",
    "expo_pareto_class": "pareto_class",
    "expo_loyalty_segment": "loyalty_segment",
    "expo_profit_loyalty_segment": "profit_loyalty_segment",
    "expo_satisfaction_segment": "satisfaction_segment",
    "expo_knox_segment": "knox_segment",
    "expo_rfm_cell": "rfm_cell",
    "expo_churn_risk": "churn_risk",
    "expo_lifecycle_stage": "lifecycle_stage",
    "expo_economic_value": "economic_value",
}


class ExpoSegmentSnapshot(models.Model):
    """The segments of every customer of a company at one moment (an edition's
    close, or on demand), to follow migrations between tiers over time."""

    _name = "expo.segment.snapshot"
    _description = "Exhibition Segment Snapshot"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    date = fields.Datetime(
        required=True, default=fields.Datetime.now, readonly=True, copy=False
    )
    event_id = fields.Many2one(
        "event.event",
        "Edition",
        index="btree_not_null",
        help="Edition this snapshot closes, if any.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    note = fields.Text()
    line_ids = fields.One2many(
        "expo.segment.snapshot.line", "snapshot_id", string="Customers", readonly=True
    )
    line_count = fields.Integer("Customers Count", compute="_compute_line_count")

    @api.depends("line_ids")
    def _compute_line_count(self):
        counts = dict(
            self.env["expo.segment.snapshot.line"]._read_group(
                [("snapshot_id", "in", self.ids)], ["snapshot_id"], ["__count"]
            )
        )
        for snapshot in self:
            snapshot.line_count = counts.get(snapshot, 0)

    @api.model_create_multi
    def create(self, vals_list):
        snapshots = super().create(vals_list)
        snapshots._capture()
        return snapshots

    def _capture(self):
        """Copy the current segments of the company's segmented customers (its
        own values of the company-dependent fields), in one INSERT per snapshot
        (no per-partner query)."""
        self.env["res.partner"].flush_model([*SNAPSHOT_COLUMNS, "expo_seg_date"])
        self.env["expo.segment.snapshot.line"].flush_model()
        columns = SQL(", ").join(
            SQL.identifier(column) for column in SNAPSHOT_COLUMNS.values()
        )
        for snapshot in self:
            partners = self.env["res.partner"].with_company(snapshot.company_id)
            sources = SQL(", ").join(
                partners._field_to_sql("partner", fname) for fname in SNAPSHOT_COLUMNS
            )
            self.env.cr.execute(
                SQL(
                    """
                    INSERT INTO expo_segment_snapshot_line
                        (snapshot_id, company_id, partner_id, %(columns)s,
                         create_uid, create_date, write_uid, write_date)
                    SELECT %(snapshot)s, %(company)s, partner.id, %(sources)s,
                           %(uid)s, NOW() AT TIME ZONE 'UTC',
                           %(uid)s, NOW() AT TIME ZONE 'UTC'
                      FROM res_partner partner
                     WHERE %(segmented)s IS NOT NULL
                    """,
                    columns=columns,
                    sources=sources,
                    segmented=partners._field_to_sql("partner", "expo_seg_date"),
                    snapshot=snapshot.id,
                    company=snapshot.company_id.id,
                    uid=self.env.uid,
                )
            )
        self.env["expo.segment.snapshot.line"].invalidate_model()
        self.invalidate_recordset(["line_ids", "line_count"])

    @api.model
    def _snapshot_editions(self, editions):
        """One snapshot per edition, of its company's customers, opened after."""
        snapshots = self.create(
            [
                {
                    "name": _("After %(edition)s", edition=edition.display_name),
                    "event_id": edition.id,
                    "company_id": (edition.company_id or self.env.company).id,
                }
                for edition in editions
            ]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "expo_crm_segmentation.expo_segment_snapshot_action"
        )
        action["domain"] = [("id", "in", snapshots.ids)]
        return action

    def action_view_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "expo_crm_segmentation.expo_segment_snapshot_line_action"
        )
        action["domain"] = [("snapshot_id", "=", self.id)]
        action["display_name"] = _("Customers of %(snapshot)s", snapshot=self.name)
        return action
