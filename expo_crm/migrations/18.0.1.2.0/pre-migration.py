# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

# partner summaries kept once for all companies until 18.0.1.2.0
SUMMARY_COLUMNS = (
    "expo_lifecycle_stage",
    "expo_economic_value",
    "expo_relationship_profit",
)


def migrate(cr, version):
    """Since 18.0.1.2.0 a partner's stage, economic value and profit are its
    companies' own (company-dependent, one value per company): the columns
    that summed every company are dropped (with the reports' SQL views reading
    them, which the upgrade creates again), to be created anew and filled by the
    refresh the post-migration asks for."""
    for column in SUMMARY_COLUMNS:
        cr.execute(f'ALTER TABLE res_partner DROP COLUMN IF EXISTS "{column}" CASCADE')
