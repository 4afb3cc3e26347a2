# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tools import SQL
from odoo.tools.sql import column_exists

# the area of booths, booth templates and the default area of booth categories was
# named expo_space_sqm before 18.0.1.2.0
TABLES = ("event_booth", "event_type_booth", "event_booth_category")


def migrate(cr, version):
    """Keep the booth areas: rename the column before the new field would create an
    empty one, and drop the CHECK constraint of the old name (the new one is added
    when the module loads)."""
    for table in TABLES:
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
