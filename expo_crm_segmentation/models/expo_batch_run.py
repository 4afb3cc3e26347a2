# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ExpoBatchRun(models.Model):
    _inherit = "expo.batch.run"

    job = fields.Selection(
        selection_add=[("segmentation", "Segmentation")],
        ondelete={"segmentation": "cascade"},
    )
