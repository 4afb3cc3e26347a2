# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from odoo import Command, http, models
from odoo.tests import HttpCase, TransactionCase

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


class ExpoHttpCase(HttpCase):
    """A browser test whose server has read every addon's manifest before the
    browser sends its requests in parallel. The web server reads them all on its
    first static file; CPython 3.11 may then fail with "AST constructor recursion
    depth mismatch" when another request thread parses Python at the same moment
    (cpython issue 106905)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.addons_with_statics = http.root.statics


class ExpoCrmCommon(TransactionCase):
    """A series with three yearly editions, roles and a few customers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.role_exhibitor = cls.env.ref("expo_crm.role_exhibitor")
        cls.role_sponsor = cls.env.ref("expo_crm.role_sponsor")
        cls.role_visitor = cls.env.ref("expo_crm.role_visitor")
        cls.role_builder = cls.env.ref("expo_crm.role_booth_builder")
        cls.series = cls.env["expo.series"].create(
            {"name": "Test Art Fair", "code": "TAF"}
        )
        cls.editions = cls.env["event.event"].create(
            [
                {
                    "name": f"Test Art Fair {year}",
                    "expo_series_id": cls.series.id,
                    "date_begin": datetime(year, 5, 10, 9, 0),
                    "date_end": datetime(year, 5, 13, 18, 0),
                }
                for year in (2023, 2024, 2025)
            ]
        )
        cls.edition_2023, cls.edition_2024, cls.edition_2025 = cls.editions
        cls.gallery = cls.env["res.partner"].create(
            {"name": "Gallery Lumen", "is_company": True}
        )
        cls.gallery_contact = cls.env["res.partner"].create(
            {"name": "Li Na", "parent_id": cls.gallery.id}
        )
        cls.collector = cls.env["res.partner"].create(
            {"name": "Wang Collector", "is_company": False}
        )

    @classmethod
    def _participate(cls, partner, event, role=None, **values):
        return cls.env["expo.participation"].create(
            {
                "partner_id": partner.id,
                "event_id": event.id,
                "role_id": (role or cls.role_exhibitor).id,
                **values,
            }
        )


class ExpoRelationshipCommon(ExpoCrmCommon):
    """Adds an upcoming edition and helpers to read relationships."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.upcoming_start = datetime.now().replace(microsecond=0) + timedelta(days=200)
        cls.edition_upcoming = cls.env["event.event"].create(
            {
                "name": "Test Art Fair Next",
                "expo_series_id": cls.series.id,
                "date_begin": cls.upcoming_start,
                "date_end": cls.upcoming_start + timedelta(days=3),
            }
        )
        cls.other_series = cls.env["expo.series"].create(
            {"name": "Test Design Week", "code": "TDW"}
        )
        cls.other_edition = cls.env["event.event"].create(
            {
                "name": "Test Design Week 2024",
                "expo_series_id": cls.other_series.id,
                "date_begin": datetime(2024, 9, 1, 9, 0),
                "date_end": datetime(2024, 9, 3, 18, 0),
            }
        )

    @classmethod
    def _take_part(cls, partner, event, **values):
        """An attended participation as exhibitor."""
        return cls._participate(partner, event, state="attended", **values)

    def _relationship(self, partner=None, series=None):
        return self.env["expo.relationship"].search(
            [
                ("partner_id", "=", (partner or self.gallery).id),
                ("series_id", "=", (series or self.series).id),
            ]
        )

    def _new_customer(self, name):
        return self.env["res.partner"].create({"name": name, "is_company": True})

    def _run_refresh_job(self, batch_size=None):
        """Run the scheduled relationship refresh as the scheduler does: call it
        until it reports no customer left. Return the number of calls."""
        calls = 0
        remaining = True
        while remaining:
            calls += 1
            _done, remaining = self.env[
                "expo.relationship"
            ]._cron_refresh_relationships(batch_size=batch_size)
        return calls


class ExpoCrmSaleCommon(ExpoCrmCommon, AccountTestInvoicingCommon):
    """ExpoCrmCommon in a company with a chart of accounts, exhibition products,
    booths and helpers to sell and invoice."""

    @classmethod
    def get_default_groups(cls):
        return (
            super().get_default_groups()
            | cls.env.ref("expo_crm.group_expo_manager")
            | cls.env.ref("sales_team.group_sale_manager")
            | cls.env.ref("event.group_event_manager")
        )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        product_values = {"type": "service", "invoice_policy": "order"}
        cls.product_booth = cls.env["product.product"].create(
            {
                **product_values,
                "name": "Booth Rental",
                "list_price": 1000.0,
                "service_tracking": "event_booth",
                "expo_amount_kind": "booth",
            }
        )
        cls.product_sponsorship = cls.env["product.product"].create(
            {
                **product_values,
                "name": "Gold Sponsorship",
                "list_price": 5000.0,
                "expo_amount_kind": "sponsorship",
            }
        )
        cls.product_service = cls.env["product.product"].create(
            {
                **product_values,
                "name": "Booth Cleaning",
                "list_price": 100.0,
                "expo_amount_kind": "service",
            }
        )
        cls.product_other = cls.env["product.product"].create(
            {**product_values, "name": "Consulting", "list_price": 50.0}
        )
        cls.booth_category = cls.env["event.booth.category"].create(
            {
                "name": "Standard 12 m²",
                "expo_area_sqm": 12.0,
                "product_id": cls.product_booth.id,
            }
        )
        cls.booth_a, cls.booth_b, cls.booth_c = cls.env["event.booth"].create(
            [
                {
                    "name": f"Booth {name}",
                    "event_id": cls.edition_2025.id,
                    "booth_category_id": cls.booth_category.id,
                }
                for name in "ABC"
            ]
        )

    @classmethod
    def _sell(cls, partner, lines, event=None, currency=None, confirm=True):
        """A sale order of ``[(product, price, extra line values)]`` for ``event``."""
        values = {
            "partner_id": partner.id,
            "expo_event_id": event.id if event else False,
            "order_line": [
                Command.create(
                    {
                        "product_id": product.id,
                        "product_uom_qty": 1.0,
                        "price_unit": price,
                        **extra,
                    }
                )
                for product, price, extra in lines
            ],
        }
        if currency:
            values["pricelist_id"] = (
                cls.env["product.pricelist"]
                .create({"name": currency.name, "currency_id": currency.id})
                .id
            )
        order = cls.env["sale.order"].create(values)
        if confirm:
            order.action_confirm()
        return order

    @classmethod
    def _invoice(cls, order, invoice_date):
        invoice = order._create_invoices()
        invoice.invoice_date = invoice_date
        invoice.action_post()
        return invoice

    @classmethod
    def _pay(cls, invoice, amount, payment_date=None):
        return (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create(
                {
                    "amount": amount,
                    "payment_date": payment_date or invoice.invoice_date,
                }
            )
            ._create_payments()
        )


class ExpoFloorCommon(ExpoCrmSaleCommon):
    """ExpoCrmSaleCommon with the next edition at a venue of two halls, booths priced
    per m² laid out in rows, and customers with priority points: the gallery took
    part in two editions (20 points), the studio in one (10), the newcomer in none."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.series.write(
            {
                "points_per_edition": 10.0,
                "points_per_sqm": 0.0,
                "points_early_signing_bonus": 0.0,
            }
        )
        cls.venue = cls.env["res.partner"].create(
            {"name": "Lakeside Expo Centre", "is_company": True}
        )
        cls.hall_1, cls.hall_2 = cls.env["expo.hall"].create(
            [
                {
                    "name": "Hall 1",
                    "venue_id": cls.venue.id,
                    "area_sqm": 2000,
                    "sequence": 1,
                },
                {
                    "name": "Hall 2",
                    "venue_id": cls.venue.id,
                    "area_sqm": 1500,
                    "sequence": 2,
                },
            ]
        )
        start = datetime.now().replace(microsecond=0) + timedelta(days=120)
        cls.edition_next = cls.env["event.event"].create(
            {
                "name": "Test Art Fair Next",
                "expo_series_id": cls.series.id,
                "address_id": cls.venue.id,
                "date_begin": start,
                "date_end": start + timedelta(days=3),
            }
        )
        cls.booth_category.write({"expo_area_sqm": 9.0, "expo_price_per_sqm": 300.0})
        cls.corner_category = cls.env["event.booth.category"].create(
            {
                "name": "Corner 18 m²",
                "expo_area_sqm": 18.0,
                "expo_price_per_sqm": 350.0,
                "product_id": cls.product_booth.id,
            }
        )
        Booth = cls.env["event.booth"]
        row = [
            {
                "name": f"A{position}",
                "event_id": cls.edition_next.id,
                "booth_category_id": cls.booth_category.id,
                "expo_hall_id": cls.hall_1.id,
                "expo_row": "A",
                "expo_row_position": position,
            }
            for position in range(1, 5)
        ]
        cls.a1, cls.a2, cls.a3, cls.a4 = Booth.create(row)
        cls.a5 = Booth.create(
            {
                "name": "A5",
                "event_id": cls.edition_next.id,
                "booth_category_id": cls.corner_category.id,
                "expo_booth_type": "corner",
                "expo_hall_id": cls.hall_1.id,
                "expo_row": "A",
                "expo_row_position": 5,
            }
        )
        cls.island = Booth.create(
            {
                "name": "B1",
                "event_id": cls.edition_next.id,
                "booth_category_id": cls.corner_category.id,
                "expo_booth_type": "island",
                "expo_area_sqm": 36.0,
                "expo_hall_id": cls.hall_2.id,
            }
        )
        cls.studio = cls.env["res.partner"].create(
            {"name": "Studio Ming", "is_company": True}
        )
        cls.newcomer = cls.env["res.partner"].create(
            {"name": "New Wave Gallery", "is_company": True}
        )
        for edition in (cls.edition_2024, cls.edition_2025):
            cls._participate(cls.gallery, edition, state="attended")
        cls._participate(cls.studio, cls.edition_2025, state="attended")
        cls.salesperson = cls.env["res.users"].create(
            {
                "name": "Floor Salesperson",
                "login": "floor_salesperson",
                "groups_id": [
                    Command.set([cls.env.ref("expo_crm.group_expo_user").id])
                ],
            }
        )

    @classmethod
    def _applicant(cls, partner, *preferences, **values):
        """An opportunity for the next edition with ranked preferences: booths
        (records) or wish dictionaries."""
        lead = cls.env["crm.lead"].create(
            {
                "name": f"{partner.name} next booth",
                "type": "opportunity",
                "partner_id": partner.id,
                "user_id": cls.salesperson.id,
                "expo_event_id": cls.edition_next.id,
                **values,
            }
        )
        cls.env["expo.booth.preference"].create(
            [
                {
                    "lead_id": lead.id,
                    "sequence": rank,
                    **(
                        {"booth_ids": [Command.set(choice.ids)]}
                        if isinstance(choice, models.BaseModel)
                        else choice
                    ),
                }
                for rank, choice in enumerate(preferences, 1)
            ]
        )
        return lead

    @classmethod
    def _draw(cls):
        action = cls.edition_next.action_expo_space_draw()
        return cls.env["expo.space.draw"].browse(action["res_id"])

    @staticmethod
    def _line(draw, lead):
        return draw.line_ids.filtered(lambda line: line.lead_id == lead)
