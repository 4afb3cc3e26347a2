# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    expo_seg_role_ids = fields.Many2many(
        related="company_id.expo_seg_role_ids", readonly=False
    )
    expo_seg_rfm_window = fields.Integer(
        related="company_id.expo_seg_rfm_window", readonly=False
    )
    expo_seg_pareto_a_pct = fields.Float(
        related="company_id.expo_seg_pareto_a_pct", readonly=False
    )
    expo_seg_pareto_b_pct = fields.Float(
        related="company_id.expo_seg_pareto_b_pct", readonly=False
    )
    expo_seg_strategic_min_editions = fields.Integer(
        related="company_id.expo_seg_strategic_min_editions", readonly=False
    )
    expo_seg_risk_profit_limit = fields.Monetary(
        related="company_id.expo_seg_risk_profit_limit", readonly=False
    )
    expo_seg_repeat_min_editions = fields.Integer(
        related="company_id.expo_seg_repeat_min_editions", readonly=False
    )
    expo_seg_attitude_min_satisfaction = fields.Float(
        related="company_id.expo_seg_attitude_min_satisfaction", readonly=False
    )
    expo_seg_attitude_min_nps = fields.Integer(
        related="company_id.expo_seg_attitude_min_nps", readonly=False
    )
    expo_seg_profitable_min = fields.Monetary(
        related="company_id.expo_seg_profitable_min", readonly=False
    )
    expo_seg_secure_min_satisfaction = fields.Float(
        related="company_id.expo_seg_secure_min_satisfaction", readonly=False
    )
    expo_seg_satisfied_min_satisfaction = fields.Float(
        related="company_id.expo_seg_satisfied_min_satisfaction", readonly=False
    )
    expo_seg_dissatisfied_max_satisfaction = fields.Float(
        related="company_id.expo_seg_dissatisfied_max_satisfaction", readonly=False
    )
    expo_seg_knox_many_shows = fields.Integer(
        related="company_id.expo_seg_knox_many_shows", readonly=False
    )
    expo_seg_churn_drop_pct = fields.Float(
        related="company_id.expo_seg_churn_drop_pct", readonly=False
    )
    expo_seg_churn_rebook_days = fields.Integer(
        related="company_id.expo_seg_churn_rebook_days", readonly=False
    )
    expo_seg_churn_overdue_days = fields.Integer(
        related="company_id.expo_seg_churn_overdue_days", readonly=False
    )
    expo_seg_batch_size = fields.Integer(
        related="company_id.expo_seg_batch_size", readonly=False
    )
    # the company's segmentation runs
    expo_seg_last_run = fields.Datetime(
        "Last Segmentation Run",
        compute="_compute_expo_seg_runs",
        help="Start of the last completed run; an incremental run recomputes the "
        "partners whose participations or invoices changed since then.",
    )
    expo_seg_last_full_run = fields.Datetime(
        "Last Full Segmentation Run",
        compute="_compute_expo_seg_runs",
        help="Start of the last completed full run. The first run of each day is "
        "full: recency, booking deadlines and overdue invoices move with time.",
    )
    expo_seg_run_start = fields.Datetime(
        "Running Since", compute="_compute_expo_seg_runs"
    )

    @api.depends("company_id")
    def _compute_expo_seg_runs(self):
        Run = self.env["expo.batch.run"].sudo()
        for settings in self:
            company = settings.company_id
            running = Run.search(Run._domain("segmentation", company, "running"))
            settings.expo_seg_last_run = Run._last_done(
                "segmentation", company
            ).date_start
            settings.expo_seg_last_full_run = Run._last_done(
                "segmentation", company, full=True
            ).date_start
            settings.expo_seg_run_start = running[:1].date_start

    def action_expo_seg_recompute(self):
        """Schedule an incremental segmentation run of the company now."""
        return self._expo_seg_schedule(full=False)

    def action_expo_seg_recompute_full(self):
        """Schedule a full segmentation run of the company now."""
        return self._expo_seg_schedule(full=True)

    def _expo_seg_schedule(self, full):
        self.ensure_one()
        self.env["expo.segment.engine"]._schedule_run(self.company_id, full=full)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "message": _(
                    "The segments are being recomputed in the background, batch by "
                    "batch."
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
