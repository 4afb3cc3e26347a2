# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

AMOUNT_KINDS = [
    ("booth", "Booth"),
    ("sponsorship", "Sponsorship"),
    ("service", "Service"),
    ("advertising", "Advertising"),
]


class ProductTemplate(models.Model):
    _inherit = "product.template"

    expo_amount_kind = fields.Selection(
        AMOUNT_KINDS,
        string="Exhibition Revenue Kind",
        help="What this product sells to exhibition customers. Confirmed sale orders "
        "for an edition create participations (sponsorships as sponsor, the others "
        "as exhibitor) and their invoices fill the participation amounts of this "
        "kind. Empty: not an exhibition product.",
    )
