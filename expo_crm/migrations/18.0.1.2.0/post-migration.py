# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """The exhibition team's pipeline keeps to its own stages since 18.0.1.2.0 (its
    data record is not updated: users may have renamed it)."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    team = env.ref("expo_crm.crm_team_exhibition_sales", raise_if_not_found=False)
    if team:
        team.expo_own_stages = True
