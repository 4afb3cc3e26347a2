# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).


def migrate(cr, version):
    """Priority ranks are counted when read since 18.0.1.1.0: the column that
    stored them is left over (Odoo drops the columns of removed fields only)."""
    cr.execute("ALTER TABLE expo_relationship DROP COLUMN IF EXISTS priority_rank")
