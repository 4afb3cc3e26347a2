# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

# segments kept once for the last company that ran until 18.0.1.1.0
SEGMENT_COLUMNS = (
    "expo_rfm_recency",
    "expo_rfm_frequency",
    "expo_rfm_monetary",
    "expo_rfm_recency_score",
    "expo_rfm_frequency_score",
    "expo_rfm_monetary_score",
    "expo_rfm_cell",
    "expo_pareto_class",
    "expo_value_tier",
    "expo_loyalty_segment",
    "expo_profit_loyalty_segment",
    "expo_satisfaction_segment",
    "expo_churn_risk",
    "expo_churn_reason_data",
    "expo_seg_date",
    "expo_seg_company_id",
)
# the state of the scheduled runs, kept on the company until 18.0.1.1.0
COMPANY_RUN_COLUMNS = (
    "expo_seg_last_run",
    "expo_seg_run_start",
    "expo_seg_run_full",
    "expo_seg_run_cursor",
    "expo_seg_last_full_run",
    "expo_seg_thresholds",
    "expo_seg_run_partner_ids",
    "expo_seg_full_requested",
)


def migrate(cr, version):
    """Since 18.0.1.1.0 each company keeps its own segments of a partner
    (company-dependent fields) and runs keep their state in expo.batch.run:
    the old columns go (with the reports' SQL views reading them, which the
    upgrade creates again); the post-migration asks each company for a full run."""
    for column in SEGMENT_COLUMNS:
        cr.execute(f'ALTER TABLE res_partner DROP COLUMN IF EXISTS "{column}" CASCADE')
    for column in COMPANY_RUN_COLUMNS:
        cr.execute(f'ALTER TABLE res_company DROP COLUMN IF EXISTS "{column}" CASCADE')
