# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from psycopg2 import IntegrityError

from odoo import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ExpoCrmSaleCommon


@tagged("post_install", "-at_install")
class TestSaleFlow(ExpoCrmSaleCommon):
    def _participations(self, partner, event=None):
        return self.env["expo.participation"].search(
            [
                ("partner_id", "=", partner.id),
                ("event_id", "=", (event or self.edition_2025).id),
            ]
        )

    def test_booth_sale_creates_exhibitor_participation(self):
        order = self._sell(
            self.gallery_contact,
            [
                (
                    self.product_booth,
                    1000.0,
                    {
                        "event_id": self.edition_2025.id,
                        "event_booth_category_id": self.booth_category.id,
                        "event_booth_pending_ids": [
                            Command.set((self.booth_a | self.booth_b).ids)
                        ],
                    },
                )
            ],
        )
        participation = self._participations(self.gallery)
        self.assertEqual(len(participation), 1, "one participation per role")
        self.assertEqual(participation.role_id, self.role_exhibitor)
        self.assertEqual(participation.state, "confirmed")
        self.assertEqual(participation.contact_id, self.gallery_contact)
        self.assertEqual(participation.booth_ids, self.booth_a | self.booth_b)
        self.assertEqual(participation.space_sqm, 24.0)
        self.assertEqual(participation.sale_order_ids, order)
        self.assertEqual(participation.sale_line_ids, order.order_line)
        self.assertTrue(participation.date_signed)

        # a booth released by hand leaves the participation and its space
        self.booth_b.write({"state": "available", "partner_id": False})
        self.assertEqual(participation.booth_ids, self.booth_a)
        self.assertEqual(participation.space_sqm, 12.0)
        self.assertEqual(participation.state, "confirmed")

    def test_booth_assigned_by_hand(self):
        self.booth_c.expo_area_sqm = 18.0
        self.booth_c.write({"partner_id": self.gallery.id, "state": "unavailable"})
        participation = self._participations(self.gallery)
        self.assertEqual(participation.booth_ids, self.booth_c)
        self.assertEqual(participation.space_sqm, 18.0)
        self.assertEqual(participation.state, "confirmed")
        # assigning it again changes nothing, releasing it cancels the booking
        self.booth_c.write({"partner_id": self.gallery.id})
        self.assertEqual(len(self._participations(self.gallery)), 1)
        self.booth_c.write({"state": "available"})
        self.assertFalse(participation.booth_ids)
        self.assertEqual(participation.space_sqm, 0.0)
        self.assertEqual(participation.state, "cancelled")

    def test_booth_rented_to_another_customer(self):
        (self.booth_a | self.booth_b).write(
            {"partner_id": self.gallery.id, "state": "unavailable"}
        )
        gallery = self._participations(self.gallery)
        self.booth_b.partner_id = self.collector
        collector = self._participations(self.collector)
        self.assertEqual(gallery.booth_ids, self.booth_a)
        self.assertEqual(gallery.space_sqm, 12.0)
        self.assertEqual(collector.booth_ids, self.booth_b)
        self.assertEqual(collector.state, "confirmed")

    def test_booth_size_defaults_from_category(self):
        self.assertEqual(self.booth_a.expo_area_sqm, 12.0)
        event_type = self.env["event.type"].create(
            {
                "name": "Fair",
                "event_type_booth_ids": [
                    Command.create(
                        {"name": "Corner", "booth_category_id": self.booth_category.id}
                    )
                ],
            }
        )
        self.assertEqual(event_type.event_type_booth_ids.expo_area_sqm, 12.0)

    def test_booth_size_cannot_be_negative(self):
        for record in (self.booth_category, self.booth_a):
            with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
                with self.cr.savepoint():
                    record.expo_area_sqm = -4.0
                    record.flush_recordset()

    def test_sale_order_creates_participations_by_role(self):
        order = self._sell(
            self.gallery,
            [
                (self.product_sponsorship, 5000.0, {}),
                (self.product_service, 100.0, {}),
                (self.product_other, 50.0, {}),
            ],
            event=self.edition_2025,
        )
        participations = self._participations(self.gallery)
        self.assertEqual(
            participations.role_id, self.role_sponsor | self.role_exhibitor
        )
        sponsor = participations.filtered(lambda p: p.role_id == self.role_sponsor)
        exhibitor = participations - sponsor
        self.assertEqual(sponsor.sale_line_ids.product_id, self.product_sponsorship)
        self.assertEqual(exhibitor.sale_line_ids.product_id, self.product_service)
        self.assertEqual((sponsor | exhibitor).mapped("state"), ["confirmed"] * 2)
        self.assertEqual(sponsor.user_id, order.user_id)
        self.assertEqual(order.expo_participation_ids, participations)

        # a line added to the confirmed order joins its participation
        order.order_line = [
            Command.create({"product_id": self.product_service.id, "price_unit": 30.0})
        ]
        self.assertEqual(len(exhibitor.sale_line_ids), 2)

        # a second order for the same edition joins the same participation
        order_2 = self._sell(
            self.gallery, [(self.product_service, 80.0, {})], event=self.edition_2025
        )
        self.assertEqual(self._participations(self.gallery), participations)
        self.assertEqual(exhibitor.sale_order_ids, order | order_2)

        # cancelling one order keeps what the other holds, then cancels
        order._action_cancel()
        self.assertEqual(exhibitor.state, "confirmed")
        self.assertEqual(sponsor.state, "cancelled")
        order_2._action_cancel()
        self.assertEqual(exhibitor.state, "cancelled")

    def test_sale_order_without_edition_or_kind(self):
        self._sell(self.gallery, [(self.product_sponsorship, 5000.0, {})])
        self._sell(
            self.gallery, [(self.product_other, 50.0, {})], event=self.edition_2025
        )
        self.assertFalse(
            self.env["expo.participation"].search(
                [("partner_id", "=", self.gallery.id)]
            )
        )

    def test_sale_order_from_opportunity(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Media partnership",
                "type": "opportunity",
                "partner_id": self.gallery.id,
                "expo_event_id": self.edition_2025.id,
                "expo_role_id": self.env.ref("expo_crm.role_media").id,
            }
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": self.gallery.id,
                "opportunity_id": lead.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.product_sponsorship.id, "price_unit": 10.0}
                    )
                ],
            }
        )
        self.assertEqual(order.expo_event_id, self.edition_2025)
        order.action_confirm()
        participation = self._participations(self.gallery)
        self.assertEqual(participation.role_id, self.env.ref("expo_crm.role_media"))
        self.assertEqual(participation.lead_id, lead)

    def test_won_opportunity_holds_participation_of_cancelled_order(self):
        """Cancelling the order of a participation booked by a won opportunity keeps
        it confirmed: the won opportunity still commits the customer."""
        lead = self.env["crm.lead"].create(
            {
                "name": "Gallery Lumen sponsorship",
                "type": "opportunity",
                "partner_id": self.gallery.id,
                "expo_event_id": self.edition_2025.id,
                "expo_role_id": self.role_sponsor.id,
            }
        )
        lead.action_set_won()
        order = self._sell(
            self.gallery,
            [(self.product_sponsorship, 5000.0, {})],
            event=self.edition_2025,
        )
        participation = lead.expo_participation_id
        self.assertEqual(participation.sale_order_ids, order)
        order._action_cancel()
        self.assertEqual(participation.state, "confirmed")
        lead.action_set_lost()
        order.action_draft()
        order.action_confirm()
        order._action_cancel()
        self.assertEqual(participation.state, "cancelled", "nothing holds it now")

    def test_registration_creates_visitor_participation(self):
        registration = self.env["event.registration"].create(
            {
                "event_id": self.edition_2025.id,
                "partner_id": self.gallery_contact.id,
            }
        )
        participation = self._participations(self.gallery)
        self.assertEqual(participation.role_id, self.role_visitor)
        self.assertEqual(participation.state, "confirmed")
        self.assertEqual(participation.contact_id, self.gallery_contact)
        registration.action_set_done()
        self.assertEqual(participation.state, "attended")

    def test_registration_without_partner(self):
        registration = self.env["event.registration"].create(
            {
                "event_id": self.edition_2025.id,
                "name": "Zhang Wei",
                "email": "zhang.wei@example.com",
                "phone": "+86 138 0013 8000",
            }
        )
        partner = registration.partner_id
        self.assertEqual(partner.name, "Zhang Wei")
        self.assertEqual(partner.email, "zhang.wei@example.com")
        participation = self._participations(partner)
        self.assertEqual(participation.role_id, self.role_visitor)
        # a second registration with the same email finds the same partner
        second = self.env["event.registration"].create(
            {
                "event_id": self.edition_2024.id,
                "name": "Wei Zhang",
                "email": "Zhang.Wei@example.com",
            }
        )
        self.assertEqual(second.partner_id, partner)
        # cancelling the only registration cancels the visit
        registration.action_cancel()
        self.assertEqual(participation.state, "cancelled")

    def test_registration_outside_series_ignored(self):
        event = self.env["event.event"].create(
            {
                "name": "Workshop",
                "date_begin": "2025-01-10 09:00:00",
                "date_end": "2025-01-10 18:00:00",
            }
        )
        self.env["event.registration"].create(
            {"event_id": event.id, "partner_id": self.collector.id}
        )
        self.assertFalse(self._participations(self.collector, event))

    def test_salesman_without_exhibition_rights(self):
        salesman = self.env["res.users"].create(
            {
                "name": "Plain Salesman",
                "login": "plain.salesman",
                "company_id": self.company.id,
                "company_ids": [Command.set(self.company.ids)],
                "groups_id": [
                    Command.set([self.env.ref("sales_team.group_sale_salesman").id])
                ],
            }
        )
        order = self._sell(
            self.gallery,
            [(self.product_sponsorship, 5000.0, {})],
            event=self.edition_2025,
            confirm=False,
        )
        order.user_id = salesman
        order.with_user(salesman).action_confirm()
        participation = self._participations(self.gallery)
        self.assertEqual(participation.role_id, self.role_sponsor)
        self.assertEqual(participation.sale_order_ids, order)
        self.assertEqual(participation.user_id, salesman)
