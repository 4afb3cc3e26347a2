# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

MAN_ANSWERS = [("unknown", "Unknown"), ("no", "No"), ("yes", "Yes")]


class ExpoManQualificationMixin(models.AbstractModel):
    """MAN qualification of a prospect: does it have the Money, is the contact the
    one with the Authority to decide, does the show answer a Need? Qualified when
    all three are yes."""

    _name = "expo.man.qualification.mixin"
    _description = "Exhibition MAN Qualification"
    # the answers are tracked where the model has a chatter (crm.lead)

    expo_man_money = fields.Selection(
        MAN_ANSWERS,
        string="Money",
        default="unknown",
        required=True,
        help="Does the customer have the budget?",
    )
    expo_man_authority = fields.Selection(
        MAN_ANSWERS,
        string="Authority",
        default="unknown",
        required=True,
        help="Is the contact the one who decides?",
    )
    expo_man_need = fields.Selection(
        MAN_ANSWERS,
        string="Need",
        default="unknown",
        required=True,
        help="Does the show answer a real need of the customer?",
    )
    expo_man_qualified = fields.Boolean(
        "MAN Qualified",
        compute="_compute_expo_man_qualified",
        store=True,
        help="Money, authority and need all answered yes.",
    )

    @api.depends("expo_man_money", "expo_man_authority", "expo_man_need")
    def _compute_expo_man_qualified(self):
        for record in self:
            record.expo_man_qualified = (
                record.expo_man_money
                == record.expo_man_authority
                == record.expo_man_need
                == "yes"
            )
