# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Recompute every relationship and partner summary, per company, with the
    scheduled refresh (in batches, after the upgrade)."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["expo.relationship"]._request_refresh()
