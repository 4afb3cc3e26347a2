# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import ExpoFloorCommon


@tagged("post_install", "-at_install")
class TestBoothSale(ExpoFloorCommon):
    def test_price_is_area_times_price_per_sqm(self):
        self.assertEqual(self.a1.price, 9 * 300.0)
        self.assertEqual(self.island.price, 36 * 350.0)
        self.a1.expo_area_sqm = 12.0
        self.assertEqual(self.a1.price, 12 * 300.0)
        # a price set on the booth is kept
        self.a2.price = 2000.0
        self.assertEqual(self.a2.price, 2000.0)
        # the booth keeps its area when the category's default changes
        self.assertEqual(self.booth_a.expo_area_sqm, 12.0)
        self.assertEqual(self.booth_a.price, 12 * 300.0)
        # a category without a price per m²: every booth costs the category's price
        self.booth_category.expo_price_per_sqm = 0.0
        self.assertEqual(self.a3.price, 1000.0)
        self.assertEqual(self.booth_a.price, 1000.0)

    def test_floor_figures_on_the_edition(self):
        self.a1.write({"partner_id": self.studio.id, "state": "unavailable"})
        self.a2.write(
            {"partner_id": self.gallery.id, "state": "unavailable", "is_paid": True}
        )
        self.assertEqual(self.a1.expo_sale_state, "reserved")
        self.assertEqual(self.a2.expo_sale_state, "sold")
        edition = self.edition_next
        self.assertEqual(edition.expo_floor_area_sqm, 4 * 9 + 18 + 36)
        self.assertEqual(edition.expo_floor_sold_sqm, 18)
        self.assertEqual(edition.expo_floor_available_sqm, 2 * 9 + 18 + 36)
        action = edition.action_expo_view_floor()
        self.assertEqual(
            self.env["event.booth"].search(action["domain"]),
            self.a1 | self.a2 | self.a3 | self.a4 | self.a5 | self.island,
        )
        groups = self.env["event.booth"]._read_group(
            action["domain"], ["expo_hall_id", "expo_sale_state"], ["expo_area_sqm:sum"]
        )
        self.assertIn((self.hall_1, "reserved", 9.0), groups)
        self.assertIn((self.hall_2, "available", 36.0), groups)

    def test_hall_of_another_venue(self):
        other = self.env["expo.hall"].create(
            {"name": "Far Hall", "venue_id": self.collector.id}
        )
        with self.assertRaisesRegex(ValidationError, "not at the venue"):
            self.a1.expo_hall_id = other

    def test_held_booths_quoted_and_sold(self):
        # one choice of two booths, held together
        lead = self._applicant(self.gallery, self.a5 | self.island)
        self._draw().action_assign()
        self.assertEqual(lead.expo_booth_ids, self.a5 | self.island)
        self.assertEqual(lead.expo_booth_to_quote_count, 2)
        action = lead.action_expo_quote_booths()
        order = self.env["sale.order"].browse(action["res_id"])
        self.assertEqual(order.opportunity_id, lead)
        self.assertEqual(order.partner_id, self.gallery)
        self.assertEqual(order.expo_event_id, self.edition_next)
        self.assertEqual(len(order.order_line), 2)
        corner_line = order.order_line.filtered(
            lambda line: line.event_booth_pending_ids == self.a5
        )
        self.assertEqual(corner_line.price_unit, 18 * 350.0)
        self.assertIn("A5 (Hall 1, Corner, 18 m² × ", corner_line.name)
        self.assertEqual(lead.expo_booth_to_quote_count, 0)
        with self.assertRaisesRegex(UserError, "holds no booth"):
            lead.action_expo_quote_booths()
        order.action_confirm()
        self.assertEqual(
            (self.a5 | self.island).mapped("expo_sale_state"), ["reserved"] * 2
        )
        participation = self.env["expo.participation"].search(
            [
                ("partner_id", "=", self.gallery.id),
                ("event_id", "=", self.edition_next.id),
            ]
        )
        self.assertEqual(participation.state, "confirmed")
        self.assertEqual(participation.space_sqm, 18 + 36)
        self.assertEqual(participation.booth_ids, self.a5 | self.island)
        invoice = self._invoice(order, "2026-01-10")
        self._pay(invoice, invoice.amount_total)
        self.assertTrue(self.a5.is_paid)
        self.assertEqual(self.a5.expo_sale_state, "sold")
        self.assertEqual(participation.amount_booth, 18 * 350.0 + 36 * 350.0)

    def test_second_booth_added_to_the_open_quotation(self):
        lead = self._applicant(self.gallery, self.a5)
        self._draw().action_assign()
        order = self.env["sale.order"].browse(lead.action_expo_quote_booths()["res_id"])
        self.island._expo_hold(lead, "2030-01-01")
        again = lead.action_expo_quote_booths()
        self.assertEqual(again["res_id"], order.id)
        self.assertEqual(
            order.order_line.event_booth_pending_ids, self.a5 | self.island
        )

    def test_booth_held_for_another_customer_is_not_sold(self):
        self._applicant(self.gallery, self.a5)
        self._draw().action_assign()
        order = self._sell(
            self.studio,
            [
                (
                    self.product_booth,
                    6300.0,
                    {
                        "event_id": self.edition_next.id,
                        "event_booth_category_id": self.corner_category.id,
                        "event_booth_pending_ids": [Command.set(self.a5.ids)],
                    },
                )
            ],
            confirm=False,
        )
        with (
            self.assertRaisesRegex(ValidationError, "is held for"),
            self.cr.savepoint(),
        ):
            order.action_confirm()
        self.assertEqual(order.state, "draft")

    def test_cancelled_order_releases_its_booths(self):
        lead = self._applicant(self.gallery, self.a5)
        waiting = self._applicant(self.studio, self.a5)
        draw = self._draw()
        draw.action_assign()
        order = self.env["sale.order"].browse(lead.action_expo_quote_booths()["res_id"])
        order.action_confirm()
        self.assertEqual(self.a5.expo_sale_state, "reserved")
        order._action_cancel()
        self.assertEqual(self.a5.partner_id, self.env["res.partner"])
        self.assertFalse(self.a5.sale_order_line_id)
        self.assertIn("The sale order was cancelled", self._line(draw, lead).reason)
        # offered at once to the waiting list
        self.assertEqual(self.a5.expo_lead_id, waiting)
        self.assertEqual(self.a5.expo_sale_state, "held")
        participation = self.env["expo.participation"].search(
            [
                ("partner_id", "=", self.gallery.id),
                ("event_id", "=", self.edition_next.id),
            ]
        )
        self.assertEqual(participation.state, "cancelled")

    def test_release_refused_for_sold_booths(self):
        lead = self._applicant(self.gallery, self.a5)
        self._draw().action_assign()
        order = self.env["sale.order"].browse(lead.action_expo_quote_booths()["res_id"])
        order.action_confirm()
        with self.assertRaisesRegex(UserError, "cancelling the order"):
            self.a5.action_expo_release()
