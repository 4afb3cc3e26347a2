# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ExpoCrmSaleCommon


@tagged("post_install", "-at_install")
class TestSponsorshipPackage(ExpoCrmSaleCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.package = cls.env["expo.sponsorship.package"].create(
            {
                "event_id": cls.edition_2025.id,
                "product_id": cls.product_sponsorship.id,
                "cap": 2,
            }
        )

    def _sponsor(self, partner, quantity=1.0, confirm=True):
        return self._sell(
            partner,
            [(self.product_sponsorship, 5000.0, {"product_uom_qty": quantity})],
            event=self.edition_2025,
            confirm=confirm,
        )

    def test_sold_and_remaining(self):
        self.assertEqual((self.package.sold_qty, self.package.remaining_qty), (0, 2))
        order = self._sponsor(self.gallery)
        self.assertEqual((self.package.sold_qty, self.package.remaining_qty), (1, 1))
        # quotations do not count, other editions neither
        self._sponsor(self.collector, confirm=False)
        self._sell(
            self.collector,
            [(self.product_sponsorship, 5000.0, {})],
            event=self.edition_2024,
        )
        self.assertEqual(self.package.sold_qty, 1)
        order._action_cancel()
        self.assertEqual(self.package.sold_qty, 0)

    def test_none_sold_past_the_cap(self):
        self._sponsor(self.gallery)
        self._sponsor(self.collector)
        late = self._sponsor(self.gallery_contact, confirm=False)
        with self.assertRaisesRegex(ValidationError, "sold out"), self.cr.savepoint():
            late.action_confirm()
        self.assertEqual(late.state, "draft")
        self.assertEqual(self.package.sold_qty, 2)
        # nor by raising a quantity on a confirmed order
        first = self.env["sale.order.line"].search(
            [("product_id", "=", self.product_sponsorship.id), ("state", "=", "sale")],
            limit=1,
        )
        with self.assertRaisesRegex(ValidationError, "sold out"), self.cr.savepoint():
            first.product_uom_qty = 2
        # nor by adding a line to a confirmed order
        with self.assertRaisesRegex(ValidationError, "sold out"), self.cr.savepoint():
            first.order_id.order_line = [
                Command.create({"product_id": self.product_sponsorship.id})
            ]

    def test_cap_and_uniqueness(self):
        self._sponsor(self.gallery, quantity=2)
        with self.assertRaisesRegex(ValidationError, "sold out"), self.cr.savepoint():
            self.package.cap = 1
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self.env["expo.sponsorship.package"].create(
                    {
                        "event_id": self.edition_2025.id,
                        "product_id": self.product_sponsorship.id,
                        "cap": 5,
                    }
                )
        # a package created after the sales counts them
        package = self.env["expo.sponsorship.package"].create(
            {
                "event_id": self.edition_2024.id,
                "product_id": self.product_sponsorship.id,
                "cap": 5,
            }
        )
        self.assertEqual(package.sold_qty, 0)
        self.assertEqual(self.edition_2025.expo_sponsorship_package_ids, self.package)
