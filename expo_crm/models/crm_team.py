# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    expo_own_stages = fields.Boolean(
        "Own Stages Only",
        help="The team's pipeline shows only the stages of this team, not the stages "
        "shared by every team, and winning an opportunity moves it to the team's "
        "won stage.",
    )
