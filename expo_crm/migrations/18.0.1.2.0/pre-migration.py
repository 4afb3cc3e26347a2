# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tools import SQL
from odoo.tools.sql import column_exists

# partner summaries kept once for all companies until 18.0.1.2.0
SUMMARY_COLUMNS = (
    "expo_lifecycle_stage",
    "expo_economic_value",
    "expo_relationship_profit",
)
# the area of booths, booth templates and the default area of booth categories was
# named expo_space_sqm before 18.0.1.2.0
AREA_TABLES = ("event_booth", "event_type_booth", "event_booth_category")


def migrate(cr, version):
    _drop_summaries(cr)
    _rename_areas(cr)


def _drop_summaries(cr):
    """Since 18.0.1.2.0 a partner's stage, economic value and profit are its
    companies' own (company-dependent, one value per company): the columns
    that summed every company are dropped (with the reports' SQL views reading
    them, which the upgrade creates again), to be created anew and filled by the
    refresh the post-migration asks for."""
    for column in SUMMARY_COLUMNS:
        cr.execute(f'ALTER TABLE res_partner DROP COLUMN IF EXISTS "{column}" CASCADE')


def _rename_areas(cr):
    """Keep the booth areas: rename the column before the new field would create an
    empty one, and drop the CHECK constraint of the old name (the new one is added
    when the module loads)."""
    for table in AREA_TABLES:
        if not column_exists(cr, table, "expo_space_sqm") or column_exists(
            cr, table, "expo_area_sqm"
        ):
            continue
        cr.execute(
            SQL(
                "ALTER TABLE %s RENAME COLUMN expo_space_sqm TO expo_area_sqm",
                SQL.identifier(table),
            )
        )
        cr.execute(
            SQL(
                "ALTER TABLE %s DROP CONSTRAINT IF EXISTS %s",
                SQL.identifier(table),
                SQL.identifier(f"{table}_expo_space_sqm_positive"),
            )
        )
