# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL


class ExpoSponsorshipPackage(models.Model):
    """A sponsorship product sold in limited numbers in one edition (one title
    sponsor, three gold packages...)."""

    _name = "expo.sponsorship.package"
    _description = "Sponsorship Package"
    _order = "event_id, sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    event_id = fields.Many2one(
        "event.event",
        string="Edition",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        domain="[('expo_series_id', '!=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    product_id = fields.Many2one(
        "product.product",
        string="Product",
        required=True,
        check_company=True,
        domain="[('expo_amount_kind', '=', 'sponsorship')]",
    )
    name = fields.Char(related="product_id.name", string="Package")
    cap = fields.Integer(
        "Available",
        required=True,
        default=1,
        help="How many of this package the edition sells at most.",
    )
    sold_qty = fields.Integer(
        "Sold",
        readonly=True,
        copy=False,
        help="Quantity on confirmed sale orders for the edition.",
    )
    remaining_qty = fields.Integer("Remaining", compute="_compute_remaining_qty")

    _sql_constraints = [
        (
            "event_product_uniq",
            "unique(event_id, product_id)",
            "A sponsorship product has one package per edition.",
        ),
        (
            "cap_positive",
            "CHECK(cap >= 0)",
            "The packages available cannot be negative.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        packages = super().create(vals_list)
        for package in packages:
            package.sold_qty = package._count_sold()
        return packages

    def write(self, vals):
        res = super().write(vals)
        if {"product_id", "event_id"} & set(vals):
            for package in self:
                package.sold_qty = package._count_sold()
        return res

    @api.depends("cap", "sold_qty")
    def _compute_remaining_qty(self):
        for package in self:
            package.remaining_qty = package.cap - package.sold_qty

    @api.constrains("cap", "sold_qty")
    def _check_cap(self):
        for package in self:
            if package.sold_qty > package.cap:
                raise ValidationError(
                    _(
                        "%(package)s is sold out for %(edition)s: %(sold)s sold, "
                        "%(cap)s available.",
                        package=package.product_id.display_name,
                        edition=package.event_id.display_name,
                        sold=package.sold_qty,
                        cap=package.cap,
                    )
                )

    @api.model
    def _refresh_for_lines(self, sale_lines):
        """Count again what the packages of these lines' products and editions have
        sold. The packages are locked first: of two users confirming the last one at
        once, the second waits, then is refused."""
        keys = {
            (line.product_id.id, line._expo_edition().id)
            for line in sale_lines
            if line.product_id
        }
        packages = self.sudo().search(
            [
                ("product_id", "in", [product for product, _event in keys]),
                ("event_id", "in", [event for _product, event in keys if event]),
            ]
        )
        packages = packages.filtered(
            lambda package: (package.product_id.id, package.event_id.id) in keys
        )
        if not packages:
            return
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM expo_sponsorship_package WHERE id IN %s "
                "ORDER BY id FOR UPDATE",
                tuple(packages.ids),
            )
        )
        for package in packages:
            sold = package._count_sold()
            if sold != package.sold_qty:
                package.sold_qty = sold

    def _count_sold(self):
        """Quantity of the package's product on confirmed orders of its edition
        and on its contracts signed online, their deposit still to pay."""
        self.ensure_one()
        [[quantity]] = (
            self.env["sale.order.line"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "=", self.product_id.id),
                    "|",
                    ("state", "=", "sale"),
                    "&",
                    ("state", "in", ("draft", "sent")),
                    ("order_id.expo_signed_on", "!=", False),
                    "|",
                    ("event_id", "=", self.event_id.id),
                    "&",
                    ("event_id", "=", False),
                    ("order_id.expo_event_id", "=", self.event_id.id),
                ],
                [],
                ["product_uom_qty:sum"],
            )
        )
        return int(quantity or 0)
