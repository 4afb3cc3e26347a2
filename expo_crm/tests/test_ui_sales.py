# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from odoo.tests import tagged

from .common import ExpoHttpCase


@tagged("post_install", "-at_install", "expo_browser")
class TestExpoCrmSalesUi(ExpoHttpCase):
    """The sales flows of the exhibition team, in the browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_exhibitor = cls.env.ref("expo_crm.role_exhibitor")
        cls.role_sponsor = cls.env.ref("expo_crm.role_sponsor")
        cls.role_visitor = cls.env.ref("expo_crm.role_visitor")

    def _create_user(self, name, login, groups):
        return self.env["res.users"].create(
            {
                "name": name,
                "login": login,
                "password": login,
                "tour_enabled": False,
                "groups_id": [(6, 0, [self.env.ref(group).id for group in groups])],
            }
        )

    def _create_series(self, name, code, years, **values):
        series = self.env["expo.series"].create({"name": name, "code": code, **values})
        editions = self.env["event.event"].create(
            [
                {
                    "name": f"{name} {year}",
                    "expo_series_id": series.id,
                    "date_begin": datetime(year, 5, 10, 9, 0),
                    "date_end": datetime(year, 5, 12, 18, 0),
                }
                for year in years
            ]
        )
        return series, editions

    def _participate(self, partner, event, role, **values):
        return self.env["expo.participation"].create(
            {
                "partner_id": partner.id,
                "event_id": event.id,
                "role_id": role.id,
                **values,
            }
        )

    def test_opportunity_won_books_participation(self):
        """A salesperson creates an opportunity for an edition, qualifies it (MAN),
        wins it and finds the exhibitor's confirmed participation."""
        salesperson = self._create_user(
            "Tour Salesperson", "expo_tour_sales", ["expo_crm.group_expo_user"]
        )
        __, editions = self._create_series(
            "Tour Fair",
            "TOURF",
            (2030, 2031),
            fabe_feature="The collectors of Asia in one hall",
        )
        gallery = self.env["res.partner"].create(
            {"name": "Tour Gallery", "is_company": True}
        )
        self.start_tour(
            "/odoo/action-expo_crm.expo_crm_lead_action_exhibition",
            "expo_crm_opportunity_tour",
            login=salesperson.login,
        )
        lead = self.env["crm.lead"].search([("name", "=", "Tour Gallery 2031 booth")])
        self.assertEqual(len(lead), 1)
        self.assertEqual(lead.partner_id, gallery)
        self.assertEqual(lead.user_id, salesperson)
        self.assertEqual(
            lead.team_id, self.env.ref("expo_crm.crm_team_exhibition_sales")
        )
        self.assertTrue(lead.expo_man_qualified)
        self.assertEqual(
            lead.stage_id,
            self.env.ref("expo_crm.crm_stage_exhibition_booked"),
            "won in the team's own won stage, not Odoo's shared Won",
        )
        participation = lead.expo_participation_id
        self.assertEqual(participation.partner_id, gallery)
        self.assertEqual(participation.event_id, editions[1])
        self.assertEqual(participation.role_id, self.role_exhibitor)
        self.assertEqual(participation.state, "confirmed")
        self.assertEqual(participation.lead_id, lead)
        self.assertEqual(participation.space_sqm, 36.0)
        self.assertEqual(participation.user_id, salesperson)
        self.assertTrue(participation.date_signed)
        self.assertEqual(gallery.expo_participation_ids, participation)

    def test_quotation_booth_of_its_edition(self):
        """A booth line added to a quotation for an edition selects a booth of that
        edition."""
        salesperson = self._create_user(
            "Tour Booth Seller",
            "expo_tour_booth",
            ["expo_crm.group_expo_user", "sales_team.group_sale_salesman"],
        )
        __, editions = self._create_series("Tour Fair", "TOURQ", (2031,))
        product = self.env["product.product"].create(
            {
                "name": "Tour Booth",
                "type": "service",
                "service_tracking": "event_booth",
                "list_price": 500.0,
            }
        )
        category = self.env["event.booth.category"].create(
            {"name": "Tour Corner", "product_id": product.id, "expo_area_sqm": 18}
        )
        booth = self.env["event.booth"].create(
            {"name": "C7", "event_id": editions.id, "booth_category_id": category.id}
        )
        gallery = self.env["res.partner"].create(
            {"name": "Tour Gallery", "is_company": True}
        )
        order = (
            self.env["sale.order"]
            .with_user(salesperson)
            .create({"partner_id": gallery.id, "expo_event_id": editions.id})
        )
        self.start_tour(
            f"/odoo/sales/{order.id}",
            "expo_crm_quotation_booth_tour",
            login=salesperson.login,
        )
        line = order.order_line
        self.assertEqual(line.event_id, editions)
        self.assertEqual(line.event_booth_pending_ids, booth)

    def test_rebooking_wizard(self):
        """A manager rebooks last edition's exhibitor and sponsor for the next
        edition: the wizard counts them before, shows them after, opens them with
        their priority, and a second run says there is nothing to create."""
        manager = self._create_user(
            "Tour Manager", "expo_tour_manager", ["expo_crm.group_expo_manager"]
        )
        __, editions = self._create_series("Tour Biennale", "TOURB", (2023, 2025, 2027))
        edition_2023, edition_2025, edition_2027 = editions
        Partner = self.env["res.partner"]
        gallery, sponsor, visitor = Partner.create(
            [
                {"name": name, "is_company": True}
                for name in ("Loyal Gallery", "Silk Sponsor", "Tour Visitor")
            ]
        )
        # points rank the gallery (two editions, a large booth) above the sponsor
        # (one edition, a sponsorship) and the visitor (one edition)
        for edition in (edition_2023, edition_2025):
            self._participate(
                gallery, edition, self.role_exhibitor, state="attended", space_sqm=60
            )
        gallery_2025 = gallery.expo_participation_ids.filtered(
            lambda part: part.event_id == edition_2025
        )
        sponsor_2025 = self._participate(
            sponsor,
            edition_2025,
            self.role_sponsor,
            state="confirmed",
            amount_sponsorship=5000,
        )
        self._participate(visitor, edition_2025, self.role_visitor, state="attended")
        self.start_tour(
            "/odoo/action-expo_crm.expo_edition_action",
            "expo_crm_rebooking_tour",
            login=manager.login,
        )
        leads = self.env["crm.lead"].search(
            [("expo_event_id", "=", edition_2027.id)], order="priority desc"
        )
        self.assertEqual(len(leads), 2, "the second run created no duplicate")
        self.assertEqual(leads.partner_id, gallery | sponsor)
        self.assertTrue(all(leads.mapped("expo_is_rebooking")))
        gallery_lead, sponsor_lead = leads
        self.assertEqual(gallery_lead.partner_id, gallery)
        self.assertEqual(gallery_lead.priority, "3")
        self.assertEqual(gallery_lead.expo_role_id, self.role_exhibitor)
        self.assertEqual(gallery_lead.expo_previous_participation_id, gallery_2025)
        self.assertEqual(sponsor_lead.priority, "1", "second of two ranked")
        self.assertEqual(sponsor_lead.expo_role_id, self.role_sponsor)
        self.assertEqual(sponsor_lead.expo_previous_participation_id, sponsor_2025)
        self.assertEqual(
            leads.team_id, self.env.ref("expo_crm.crm_team_exhibition_sales")
        )
        self.assertEqual(edition_2025.expo_rebooking_lead_count, 2)
