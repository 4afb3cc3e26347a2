# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import tagged

from .common import ExpoHttpCase


@tagged("post_install", "-at_install", "expo_browser")
class TestExpoCrmContractUi(ExpoHttpCase):
    """The exhibitor signs its space contract in the portal and pays the deposit
    with Odoo's demo payment provider (installed in the test database)."""

    def test_exhibitor_signs_and_pays_in_the_portal(self):
        provider = self.env.ref("payment.payment_provider_demo")
        self.assertEqual(
            (provider.code, provider.state),
            ("demo", "test"),
            "the test database has Odoo's demo payment provider (setup/expo test)",
        )
        schedule = self.env["expo.contract.schedule"].create(
            {
                "name": "Tour Contract",
                "deposit_percent": 30.0,
                "tier_ids": [
                    Command.create({"min_days": 181, "percent": 10.0}),
                    Command.create({"min_days": 0, "percent": 100.0}),
                ],
            }
        )
        series = self.env["expo.series"].create(
            {"name": "Tour Contract Fair", "contract_schedule_id": schedule.id}
        )
        start = datetime.now().replace(microsecond=0) + timedelta(days=200)
        edition = self.env["event.event"].create(
            {
                "name": "Tour Contract Fair 2031",
                "expo_series_id": series.id,
                "date_begin": start,
                "date_end": start + timedelta(days=3),
            }
        )
        product = self.env["product.product"].create(
            {
                "name": "Tour Contract Booth",
                "type": "service",
                "invoice_policy": "order",
                "service_tracking": "event_booth",
                "expo_amount_kind": "booth",
            }
        )
        category = self.env["event.booth.category"].create(
            {
                "name": "Tour 9 m²",
                "expo_area_sqm": 9.0,
                "expo_price_per_sqm": 300.0,
                "product_id": product.id,
            }
        )
        booth = self.env["event.booth"].create(
            {"name": "T-A1", "event_id": edition.id, "booth_category_id": category.id}
        )
        gallery = self.env["res.partner"].create(
            {"name": "Tour Contract Gallery", "is_company": True}
        )
        contact = self.env["res.partner"].create(
            {
                "name": "Tour Contract Buyer",
                "parent_id": gallery.id,
                "email": "buyer@example.com",
            }
        )
        self.env["res.users"].create(
            {
                "name": contact.name,
                "login": "expo_tour_exhibitor",
                "password": "expo_tour_exhibitor",
                "partner_id": contact.id,
                "groups_id": [Command.set(self.env.ref("base.group_portal").ids)],
            }
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": contact.id,
                "expo_event_id": edition.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "price_unit": 2700.0,
                            "event_id": edition.id,
                            "event_booth_category_id": category.id,
                            "event_booth_pending_ids": [Command.set(booth.ids)],
                        }
                    )
                ],
            }
        )
        order.action_quotation_sent()
        self.start_tour(
            order.get_portal_url(),
            "expo_crm_contract_portal_tour",
            login="expo_tour_exhibitor",
        )
        self.assertTrue(order.signature)
        self.assertEqual(order.signed_by, "Tour Contract Buyer")
        self.assertEqual(order.state, "sale", "the deposit paid confirms it")
        self.assertEqual(order.expo_contract_state, "confirmed")
        deposit = order._expo_deposit_invoices()
        self.assertAlmostEqual(deposit.amount_untaxed, 2700.0 * 0.3, places=2)
        self.assertIn(deposit.payment_state, ("paid", "in_payment"))
        self.assertEqual(booth.expo_sale_state, "sold")
